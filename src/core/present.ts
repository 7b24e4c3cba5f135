import type { Pack } from './pack/model.js';
import type { Point, Quote, Side } from './pack/schema.js';
import type { Block, Citation } from './reply.js';

/** How the core shows the article and its points; every engine uses these so quotes look the same everywhere. */

export const EDITORIAL_LABEL = 'Editorial counterpoint — not the author’s argument';
export const AUTHOR_LABEL = 'The author’s argument';

export function citation(pack: Pack, anchor: string): Citation {
  return { anchor, title: pack.article.title, author: pack.article.author.name, outlet: pack.article.outlet };
}

/** A quote block always carries the pack's verbatim text; the engines never rephrase a quote. */
export function quoteBlock(pack: Pack, quote: Quote): Block {
  return { type: 'quote', text: quote.text, citation: citation(pack, quote.anchor) };
}

export function sideLabel(side: Side): string {
  return side === 'for' ? 'for the motion' : 'against the motion';
}

export function sourceLabel(point: Point): string {
  return point.source === 'author' ? AUTHOR_LABEL : EDITORIAL_LABEL;
}

/** A point in full: its claim, why it holds, and either the author's words or the editorial label. */
export function pointBlocks(pack: Pack, point: Point, options: { maxQuotes?: number; explain?: boolean } = {}): Block[] {
  const blocks: Block[] = [{ type: 'text', text: point.claim }];
  if (options.explain !== false) blocks.push({ type: 'text', text: point.explanation });
  if (point.source === 'author') {
    for (const q of point.quotes.slice(0, options.maxQuotes ?? 1)) blocks.push(quoteBlock(pack, q));
  } else {
    blocks.push({ type: 'footer', text: EDITORIAL_LABEL });
  }
  return blocks;
}

/** One line per point, for lists and recaps. */
export function pointLine(point: Point): string {
  const where = point.source === 'author' ? [...new Set(point.quotes.map((q) => q.anchor))].join(', ') : 'editorial';
  return `• ${point.claim} (${where})`;
}
