import type { Point } from '../pack/schema.js';
import { analyse } from './analyse.js';

/**
 * The multi-word keywords and synonyms of a point, analysed. A user who writes one of them whole
 * ("all talk, no protection") is making that point more surely than one whose words merely overlap
 * with it, which bag-of-words scoring cannot see. One-word phrases are left to term matching.
 */
export function pointPhrases(point: Point): string[][] {
  return [...point.keywords, ...point.synonyms].map(analyse).filter((terms) => terms.length >= 2);
}

/** The distinct query terms that belong to a phrase appearing contiguously in the analysed query. */
export function termsInPhrases(query: readonly string[], phrases: readonly (readonly string[])[]): ReadonlySet<string> {
  // Most points' phrases are not in a given reply: their set is only made for one that is.
  let found: Set<string> | undefined;
  for (const phrase of phrases) {
    if (occursIn(phrase, query)) for (const term of phrase) (found ??= new Set()).add(term);
  }
  return found ?? NONE;
}

const NONE: ReadonlySet<string> = new Set();

function occursIn(phrase: readonly string[], query: readonly string[]): boolean {
  outer: for (let start = 0; start + phrase.length <= query.length; start++) {
    for (let i = 0; i < phrase.length; i++) if (query[start + i] !== phrase[i]) continue outer;
    return true;
  }
  return false;
}
