/**
 * Slack cuts a button's text at 75 characters and Discord at 80; a claim cut there by the adapter
 * would end mid-word. This is the claim's shortest readable form for a choice: the whole claim when
 * it fits, else its first clause when that says enough, else its words up to the limit and "…".
 * The full claims stand in the reply's text above the choices.
 */
export const PICK_LABEL_MAX = 75;

const CLAUSE_END = /[:;–—]|, (?:and|but|so|while|though|because) |\. /;

export function pickLabel(claim: string, max = PICK_LABEL_MAX): string {
  const text = claim.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (text.length <= max) return text;
  const clause = text.split(CLAUSE_END)[0]!.trim();
  if (clause.length >= 30 && clause.length <= max) return clause;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
