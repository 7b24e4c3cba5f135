import type { Pack } from './pack/model.js';
import type { Point, Quote, Side, Source } from './pack/schema.js';
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
  return point.source === 'author' ? AUTHOR_LABEL : editorialLabel(point);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-07-10" → "10 Jul 2024": the same on every machine, whatever its locale. */
export function shortDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** One source as a reader checks it: what, when it was issued, and when a changing fact was last true. */
export function sourceText(source: Source): string {
  const when = [source.date && shortDate(source.date), source.asOf && `as of ${shortDate(source.asOf)}`].filter(Boolean);
  return when.length ? `${source.what} (${when.join(', ')})` : source.what;
}

/**
 * The label under an editorial point, with the sources of its facts beside it, so a reader sees
 * at once that the claim is not the author's and where it comes from.
 */
export function editorialLabel(point: Pick<Point, 'sources'>): string {
  return point.sources.length ? `${EDITORIAL_LABEL}. Sources: ${point.sources.map(sourceText).join('; ')}` : EDITORIAL_LABEL;
}

/** A point in full: its claim, why it holds, and either the author's words or the editorial label. */
export function pointBlocks(pack: Pack, point: Point, options: { maxQuotes?: number; explain?: boolean } = {}): Block[] {
  const blocks: Block[] = [{ type: 'text', text: point.claim }];
  if (options.explain !== false) blocks.push({ type: 'text', text: point.explanation });
  if (point.source === 'author') {
    for (const q of point.quotes.slice(0, options.maxQuotes ?? 1)) blocks.push(quoteBlock(pack, q));
  } else {
    blocks.push({ type: 'footer', text: editorialLabel(point) });
  }
  return blocks;
}

/**
 * Reader comments from the article's page, each with what it replied to, so no comment is shown
 * stripped of its thread. They are readers' words: text, never a quote block, which is only the article's.
 */
export function readerViewBlocks(pack: Pack): Block[] {
  const views = pack.article.readerViews.filter((v) => v.context);
  if (views.length === 0) return [];
  return [
    { type: 'heading', text: 'What readers said' },
    ...views.map((v): Block => ({ type: 'text', text: `“${v.text}” — ${v.author}, ${v.date}\nIn reply to: ${v.context}` })),
    { type: 'footer', text: `Comments from the page of “${pack.article.title}”: readers’ views, not the author’s, and not checked.` },
  ];
}

/** One line per point, for lists and recaps. */
export function pointLine(point: Point): string {
  const where = point.source === 'author' ? [...new Set(point.quotes.map((q) => q.anchor))].join(', ') : 'editorial';
  return `• ${point.claim} (${where})`;
}
