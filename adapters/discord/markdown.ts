const INLINE = /[\\*_~`|[\]]/g;
/** A quote, heading, subtext or list mark at the start of a line. */
const LINE_MARK = /^(\s*)(>|#|-#|[-+](?=\s))/gm;
/** "1. " at the start of a line would become a numbered list. */
const NUMBERED = /^(\s*\d+)\.(?=\s)/gm;
/**
 * Whatever any of the three passes would change, in one scan. Escaping adds only backslashes, which
 * make no new line-start mark, so text this does not match comes out of the passes as it went in.
 */
const NEEDS_ESCAPE = /[\\*_~`|[\]]|^\s*(?:>|#|-#|[-+]\s|\d+\.\s)/m;

/**
 * The core's text is plain, and some of it is typed by users (names, arguments). Discord reads
 * message content, embed titles, descriptions and fields as Markdown, so characters that would
 * format are escaped: Discord then shows them exactly as written. Footers and author names are not
 * Markdown on Discord and are left alone. Mentions are not escaped here: they cannot ping anyone,
 * because every message goes out with `allowed_mentions: { parse: [] }` (set on the Client).
 */
export function escapeMarkdown(text: string): string {
  // Most text (a sentence, a name) has nothing to escape: one scan says so.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(INLINE, '\\$&').replace(LINE_MARK, '$1\\$2').replace(NUMBERED, '$1\\.');
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
