import type { ReviewSection } from './review.js';

/** Breaks text into lines of at most `width` characters, at spaces where it can. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let piece = word; piece; ) {
      const room = line ? width - line.length - 1 : width;
      if (piece.length <= room) {
        line = line ? `${line} ${piece}` : piece;
        piece = '';
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        // A word longer than the column (a URL) is cut, not allowed to push the columns apart.
        lines.push(piece.slice(0, width));
        piece = piece.slice(width);
      }
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const GAP = ' │ ';
const INDENT = '  ';

/** Columns side by side within `width` characters, each cell's paragraphs wrapped in its column. */
export function renderTerminal(sections: readonly ReviewSection[], width: number): string {
  const out: string[] = [];
  for (const section of sections) {
    out.push('', section.title, '═'.repeat(Math.min(width, section.title.length)));
    const n = section.columns.length;
    const column = Math.max(12, Math.floor((width - INDENT.length - GAP.length * (n - 1)) / n));
    const line = (cells: string[]) => (INDENT + cells.map((c) => c.padEnd(column)).join(GAP)).trimEnd();
    out.push(line(section.columns), INDENT + Array.from({ length: n }, () => '─'.repeat(column)).join('─┼─'));
    for (const row of section.rows) {
      out.push(...wrap(row.heading, width));
      const columns = row.cells.map((paragraphs) => paragraphs.flatMap((p) => wrap(p, column)));
      const height = Math.max(...columns.map((c) => c.length));
      for (let i = 0; i < height; i++) out.push(line(columns.map((c) => c[i] ?? '')));
      out.push('');
    }
  }
  return out.join('\n').trimStart() + '\n';
}

const cell = (paragraphs: string[]) => paragraphs.map((p) => p.replace(/\|/g, '\\|').replace(/\s+/g, ' ')).join('<br><br>');

/** The same review as Markdown tables, one row per entry, for a pull request or an issue. */
export function renderMarkdown(sections: readonly ReviewSection[]): string {
  const out: string[] = [];
  for (const section of sections) {
    out.push(`## ${section.title}`, '', `| Entry | ${section.columns.join(' | ')} |`, `|${' --- |'.repeat(section.columns.length + 1)}`);
    for (const row of section.rows) out.push(`| ${cell([row.heading])} | ${row.cells.map(cell).join(' | ')} |`);
    out.push('');
  }
  return out.join('\n');
}
