/**
 * Cutting text to Discord's limits without cutting words: at a paragraph, a line, a sentence or
 * a space, in that order of preference. A word longer than the limit is the only thing ever cut
 * inside, and then the cut is marked with “…”. Quotes use `splitVerbatim`, which keeps every
 * character (its pieces joined give the text back exactly).
 */

export const ELLIPSIS = '…';

/** A sentence ends at . ! ? or … followed by closing quotes or brackets, then white space. */
const SENTENCE_END = /[.!?…][”’"')\]]*(?=\s)/g;

interface Cut {
  /** End of the kept part (exclusive), before the white space at the break. */
  end: number;
  /** Where the rest starts. */
  next: number;
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * Moves a hard cut back so it splits neither a surrogate pair (an emoji) nor a Markdown escape
 * (a backslash must stay with the character it escapes).
 */
function safeCut(text: string, at: number): number {
  let cut = Math.max(1, Math.min(at, text.length));
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff && cut > 1) cut -= 1;
  let backslashes = 0;
  while (cut - 1 - backslashes >= 0 && text[cut - 1 - backslashes] === '\\') backslashes += 1;
  if (backslashes % 2 === 1 && cut > 1) cut -= 1;
  return cut;
}

/**
 * The best break at or before `max`. With `keepSpace`, the white space at the break stays with the
 * first piece (so it must fit too); otherwise it is dropped. Prefers breaks in the second half, so
 * pieces are not needlessly short.
 */
function findCut(text: string, max: number, keepSpace: boolean): Cut | null {
  const last = keepSpace ? max - 1 : max; // the last index a break's white space may sit at
  if (last < 1) return null;
  const window = text.slice(0, last + 1);
  const min = Math.floor(max / 2);
  const at = (i: number): Cut => {
    if (keepSpace) return { end: i + 1, next: i + 1 };
    let next = i;
    while (isSpace(text[next])) next += 1;
    return { end: i, next };
  };
  for (const mark of ['\n\n', '\n']) {
    const i = window.lastIndexOf(mark);
    if (i >= min) return at(i);
  }
  let sentence = -1;
  for (const m of window.matchAll(SENTENCE_END)) {
    const i = m.index + m[0].length;
    if (i <= last && isSpace(text[i])) sentence = i;
  }
  if (sentence >= min) return at(sentence);
  for (let i = last; i >= 1; i -= 1) if (isSpace(text[i])) return at(i);
  return null;
}

/** Splits text into pieces of at most `max` characters; white space at the breaks is dropped. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = findCut(rest, max, false);
    if (cut && rest.slice(0, cut.end).trim()) {
      pieces.push(rest.slice(0, cut.end).trimEnd());
      rest = rest.slice(cut.next);
    } else {
      const hard = safeCut(rest, max - ELLIPSIS.length);
      pieces.push(rest.slice(0, hard) + ELLIPSIS);
      rest = rest.slice(hard);
    }
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Splits without changing, adding or dropping a character: `splitVerbatim(t, n).join('') === t`.
 * The article's words are shown exactly as written, so a long quote is spread over several pieces
 * rather than shortened.
 */
export function splitVerbatim(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = findCut(rest, max, true);
    const at = cut ? cut.next : safeCut(rest, max);
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Shortens text to at most `max` characters, at a sentence end where one is near the limit, else
 * at a word, and marks the cut with “…”. Used where only one piece fits (titles, labels, names).
 */
export function trimText(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  const room = max - 2; // for " …" or "…"
  const cut = findCut(clean, room, false);
  if (cut && clean.slice(0, cut.end).trim()) {
    const kept = clean.slice(0, cut.end).trimEnd();
    return /[.!?…][”’"')\]]*$/.test(kept) ? `${kept} ${ELLIPSIS}` : `${kept}${ELLIPSIS}`;
  }
  return clean.slice(0, safeCut(clean, max - ELLIPSIS.length)) + ELLIPSIS;
}
