/**
 * Cutting text to fit Slack's limits. Limits apply to the text Slack receives (escaped, with quote
 * markers), so every function takes a `measure` of the rendered form and cuts the source text.
 */

export interface SplitOptions {
  /** The most a piece may measure once rendered. */
  max: number;
  /** The rendered size of a piece; must never shrink as the piece grows. Defaults to its length. */
  measure?: (piece: string) => number;
  /**
   * Keep every character in order, and add nothing: the article's quotes. Joining the pieces gives
   * the text back exactly. Otherwise white space at a cut is dropped and a cut inside a word is marked.
   */
  verbatim?: boolean;
}

/** Marks a cut inside a word, or text left out, so a reader never mistakes half a word for a whole one. */
export const CUT_MARK = '…';

const SENTENCE_END = /[.!?…]["'”’)\]]*\s+/g;

const plainLength = (s: string): number => s.length;

/** Never leave half of a surrogate pair (an emoji, say) on either side of a cut. */
function safeCut(text: string, at: number): number {
  if (at > 0 && at < text.length) {
    const code = text.charCodeAt(at - 1);
    if (code >= 0xd800 && code <= 0xdbff) return at - 1;
  }
  return at;
}

/** The length of the longest prefix whose rendered form (plus `suffix`) fits in `max`. */
function longestFit(text: string, max: number, measure: (s: string) => number, suffix = ''): number {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid) + suffix) <= max) lo = mid;
    else hi = mid - 1;
  }
  return safeCut(text, lo);
}

/** The best place to cut within the first `limit` characters: a paragraph, a sentence, a space; 0 when none. */
function naturalCut(text: string, limit: number): number {
  const head = text.slice(0, limit);
  const paragraph = head.lastIndexOf('\n');
  if (paragraph + 1 > limit / 2) return paragraph + 1;
  let sentence = 0;
  for (const m of head.matchAll(SENTENCE_END)) sentence = m.index + m[0].length;
  if (sentence > 0) return sentence;
  for (let i = limit; i > 0; i--) if (/\s/.test(head[i - 1] ?? '')) return i;
  return 0;
}

/** Splits `text` into pieces that each fit, cutting at a paragraph, then a sentence, then a space. */
export function splitText(text: string, options: SplitOptions): string[] {
  const measure = options.measure ?? plainLength;
  const { max, verbatim = false } = options;
  const pieces: string[] = [];
  let rest = verbatim ? text : text.trim();
  while (measure(rest) > max) {
    const fit = longestFit(rest, max, measure);
    if (fit === 0) throw new Error(`cannot fit any of the text in ${max} characters`);
    const cut = naturalCut(rest, fit);
    if (cut > 0) {
      const piece = rest.slice(0, cut);
      pieces.push(verbatim ? piece : piece.trimEnd());
      rest = verbatim ? rest.slice(cut) : rest.slice(cut).trimStart();
    } else if (verbatim) {
      // One "word" longer than a whole block: cutting it is the only way to keep every character.
      pieces.push(rest.slice(0, fit));
      rest = rest.slice(fit);
    } else {
      const marked = longestFit(rest, max, measure, CUT_MARK);
      if (marked === 0) throw new Error(`cannot fit any of the text in ${max} characters`);
      pieces.push(rest.slice(0, marked) + CUT_MARK);
      rest = rest.slice(marked);
    }
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Shortens `text` to fit, at a space where possible, and always with a mark when anything is left out. */
export function truncateText(text: string, max: number, measure: (s: string) => number = plainLength): string {
  if (measure(text) <= max) return text;
  const fit = longestFit(text, max, measure, CUT_MARK);
  let cut = fit;
  for (let i = fit; i > fit / 2; i--) {
    if (/\s/.test(text[i] ?? '')) {
      cut = i;
      break;
    }
  }
  return text.slice(0, cut).trimEnd() + CUT_MARK;
}
