import type { Choice, Reply } from '../../src/core/reply.js';
import { citationLine } from '../../src/core/reply.js';
import type { SavedFile } from './files.js';

/** Terminal rendering: quotes set off with a bar, citations visible, choices numbered from `firstNumber`. */
export function renderForTerminal(r: Reply, firstNumber: number, saved: readonly SavedFile[] = []): { text: string; choices: Choice[] } {
  const lines: string[] = [];
  const choices: Choice[] = [];
  if (r.visibility === 'private') lines.push('(only you can see this)');
  if (r.threadOf) lines.push('(in the discussion thread)');
  for (const block of r.blocks) {
    switch (block.type) {
      case 'heading':
        lines.push(`## ${block.text}`);
        break;
      case 'text':
        lines.push(block.text);
        break;
      case 'quote':
        lines.push(...block.text.split('\n').map((l) => `  │ ${l}`), `  ${citationLine(block.citation)}`);
        break;
      case 'fields':
        for (const f of block.fields) lines.push(`${f.name}:`, ...f.value.split('\n').map((l) => `  ${l}`));
        break;
      case 'choices':
        lines.push(block.choices.map((c) => `[${firstNumber + choices.push(c) - 1}] ${c.label}`).join('   '));
        break;
      case 'footer':
        lines.push(`  (${block.text})`);
        break;
    }
  }
  if (r.thread) lines.push(`  (discussion thread: ${r.thread.name})`);
  for (const file of saved) lines.push(...(file.text ? [file.text] : []), `  File saved: ${file.path}`, `  (${file.description})`);
  return { text: lines.join('\n'), choices };
}
