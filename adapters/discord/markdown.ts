const INLINE = /[\\*_~`|[\]]/g;
/** A quote, heading, subtext or list mark at the start of a line. */
const LINE_MARK = /^(\s*)(>|#|-#|[-+](?=\s))/gm;
const MAY_MARK_LINE = /[>#+-]/;
/** "1. " at the start of a line would become a numbered list. */
const NUMBERED = /^(\s*\d+)\.(?=\s)/gm;
const MAY_NUMBER_LINE = /\d\./;

/**
 * The core's text is plain, and some of it is typed by users (names, arguments). Discord reads
 * message content, embed titles, descriptions and fields as Markdown, so characters that would
 * format are escaped: Discord then shows them exactly as written. Footers and author names are not
 * Markdown on Discord and are left alone. Mentions are not escaped here: they cannot ping anyone,
 * because every message goes out with `allowed_mentions: { parse: [] }` (set on the Client).
 */
export function escapeMarkdown(text: string): string {
  let out = text.replace(INLINE, '\\$&');
  // The line-start passes try every line; most text has none of their marks, and one scan says so.
  if (MAY_MARK_LINE.test(out)) out = out.replace(LINE_MARK, '$1\\$2');
  if (MAY_NUMBER_LINE.test(out)) out = out.replace(NUMBERED, '$1\\.');
  return out;
}

/**
 * A side note in the middle of a reply (an editorial label under a point). Italics, one line at a
 * time, because they render everywhere Markdown does, embeds included.
 */
export function aside(escaped: string): string {
  return escaped.split('\n').map((line) => (line.trim() ? `_${line}_` : line)).join('\n');
}

/** A block quote: every line marked, so a quote of several lines stays one quote. */
export function blockQuote(escaped: string): string {
  return escaped.split('\n').map((line) => `> ${line}`).join('\n');
}

export function bold(escaped: string): string {
  return `**${escaped}**`;
}
