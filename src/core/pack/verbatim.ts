/**
 * A quote is verbatim when it is a substring of its anchored paragraph after collapsing runs of
 * white space. Nothing else is normalised: curly quotes and dashes are part of the author's text.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function isVerbatim(quote: string, paragraph: string): boolean {
  const needle = collapseWhitespace(quote);
  return needle.length > 0 && collapseWhitespace(paragraph).includes(needle);
}

/**
 * Where a quote stops matching its paragraph, for a person fixing it: the longest opening of the
 * quote that the paragraph contains, and the character that breaks it (often a straight ' for ’).
 */
export function firstDifference(quote: string, paragraph: string): string {
  const needle = collapseWhitespace(quote);
  const hay = collapseWhitespace(paragraph);
  let good = 0;
  while (good < needle.length && hay.includes(needle.slice(0, good + 1))) good++;
  if (good === 0) return 'its first word is not in the paragraph';
  const start = hay.indexOf(needle.slice(0, good));
  const expected = hay[start + good];
  const shown = needle.slice(Math.max(0, good - 30), good);
  return `it matches up to “…${shown}”, then has “${needle[good]}” where the article has “${expected ?? '(the paragraph ends)'}”`;
}
