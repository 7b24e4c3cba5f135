/**
 * Turns whatever a chat platform hands over into plain, lower-case, accent-free words. Everything
 * here is linear in the input and bounded, because the text comes straight from users.
 */

/** Users may send at most 2000 characters; anything beyond is cut rather than trusted. */
export const MAX_INPUT_CHARS = 2000;

/** No English word in an argument is this long; longer runs are pasted junk and make fuzzy search slow. */
export const MAX_WORD_CHARS = 30;

// Slack writes links as <url|label>; the label is what the user meant to say. Mentions and
// channels (<@U1|bob>, <#C1|general>) also carry labels, but those are names, not arguments.
const SLACK_LINK_WITH_LABEL = /<(?:https?|mailto):[^<>|]{1,500}\|([^<>]{0,500})>/g;
// Mentions, channels, custom emoji, timestamps and HTML tags: <@U123>, <#C1|x>, <:flag:1>, <b>.
const ANGLE_MARKUP = /<[^<>]{0,500}>/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const EMOJI_SHORTCODE = /:[a-z0-9_+-]{1,40}:/gi;
// "US"/"U.S." would otherwise fold into the pronoun "us" and vanish as a stop word.
const UNITED_STATES = /\bU\.S\.(?:A\.)?|\bUSA?\b/g;
const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /[\u2019\u02bc\u2018`\u00b4]/g;
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

/** Lower-cases, folds diacritics ("Kyïv" → "kyiv") and strips chat markup, mentions and links. */
export function normaliseText(text: string): string {
  return text
    .slice(0, MAX_INPUT_CHARS)
    .replace(SLACK_LINK_WITH_LABEL, ' $1 ')
    .replace(ANGLE_MARKUP, ' ')
    .replace(URL, ' ')
    .replace(EMOJI_SHORTCODE, ' ')
    .replace(UNITED_STATES, ' usa ')
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, "'")
    .toLowerCase();
}

/** The words of a normalised text, with possessives dropped and over-long runs discarded. */
export function words(normalised: string): string[] {
  const out: string[] = [];
  for (const m of normalised.matchAll(WORD)) {
    let w = m[0];
    if (w.length > MAX_WORD_CHARS) continue;
    if (w.endsWith("'s")) w = w.slice(0, -2);
    if (w.length > 0) out.push(w);
  }
  return out;
}
