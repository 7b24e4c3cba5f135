import type { Pack } from '../../src/core/pack/model.js';
import { isVerbatim } from '../../src/core/pack/verbatim.js';
import { renderPlainText, type Block, type Choice, type Reply } from '../../src/core/reply.js';

/** Reading replies in tests: their plain text, blocks of one kind, and the choices they offer. */

type Many = Reply | readonly Reply[];
const list = (r: Many): readonly Reply[] => (Array.isArray(r) ? r : [r as Reply]);

export function plain(r: Many): string {
  return list(r).map(renderPlainText).join('\n');
}

export function blocksOf<T extends Block['type']>(r: Many, type: T): Extract<Block, { type: T }>[] {
  return list(r).flatMap((x) => x.blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type));
}

/** The text of every text-like block (text, heading, footer, field names and values), one per entry. */
export function texts(r: Many): string[] {
  return list(r).flatMap((x) => x.blocks.flatMap((b) => {
    switch (b.type) {
      case 'text': case 'heading': case 'footer': return [b.text];
      case 'fields': return b.fields.flatMap((f) => [f.name, f.value]);
      case 'quote': return [b.text];
      case 'choices': return b.choices.map((c) => c.label);
    }
  }));
}

export function choicesOf(r: Many): Choice[] {
  return blocksOf(r, 'choices').flatMap((b) => b.choices);
}

/** The one choice whose id starts with `prefix`; fails loudly when there is none. */
export function choiceStarting(r: Many, prefix: string): Choice {
  const found = choicesOf(r).find((c) => c.id.startsWith(prefix));
  if (!found) throw new Error(`no choice starting with ${prefix} in:\n${plain(r)}`);
  return found;
}

/**
 * Problems with the quote blocks of replies: each must be verbatim in its anchored paragraph and
 * cite the anchor, the article's title and its author. Empty when all is well.
 */
export function quoteProblems(pack: Pack, r: Many): string[] {
  const problems: string[] = [];
  for (const q of blocksOf(r, 'quote')) {
    const paragraph = pack.anchors.get(q.citation.anchor);
    if (paragraph === undefined) problems.push(`unknown anchor ${q.citation.anchor}`);
    else if (!isVerbatim(q.text, paragraph)) problems.push(`not verbatim in ${q.citation.anchor}: ${q.text}`);
    if (q.citation.title !== pack.article.title) problems.push(`wrong title: ${q.citation.title}`);
    if (q.citation.author !== pack.article.author.name) problems.push(`wrong author: ${q.citation.author}`);
  }
  return problems;
}
