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
