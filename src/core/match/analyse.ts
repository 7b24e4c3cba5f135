import { stemmer } from 'stemmer';
import { normaliseText, words } from './normalise.js';
import { STOP_WORDS } from './stopwords.js';
import { americanise } from './spelling.js';

/**
 * The one analyser both the index and the queries go through, so a user's "guarantees" and the
 * pack's "guaranteed" meet at the same stem.
 */
export function analyse(text: string): string[] {
  return analyseNormalised(normaliseText(text));
}

/** `analyse` of a text already normalised (normaliseText), for a reader that needs the normalised text too. */
export function analyseNormalised(normalised: string): string[] {
  const out: string[] = [];
  const all = words(normalised);
  for (const [i, word] of all.entries()) {
    if (STOP_WORDS.has(word)) continue;
    // "right now" only means now; "Ukraine's right to choose" is a point.
    if (word === 'right' && all[i + 1] === 'now') continue;
    // Single letters are noise ("a", stray initials); single digits can matter ("Article 5").
    if (word.length < 2 && !/\d/.test(word)) continue;
    out.push(/\d/.test(word) ? word : stemmer(americanise(word)));
  }
  return out;
}

/** The distinct terms of a text, in first-seen order: repeating a word must not make it count more. */
export function distinctTerms(text: string): string[] {
  return [...new Set(analyse(text))];
}
