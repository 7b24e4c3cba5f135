import type { Pack } from '../pack/model.js';
import type { Point } from '../pack/schema.js';
import type { Matcher, MatchOptions, MatchResult } from './matcher.js';
import { analyse } from './analyse.js';
import { buildPointIndex, FIELD_BOOSTS } from './point-index.js';
import { scorePoint, type Query } from './score.js';
import { DEFAULT_TUNING, type MatchTuning } from './tuning.js';

interface Ranked {
  point: Point;
  score: number;
  raw: number;
}

// Typos shorter than five letters are mostly other words ("war"/"was"), so only longer terms are fuzzy.
const fuzzy = (term: string) => (term.length >= 5 ? 0.2 : false);
// Prefixes of long stems catch truncations ("escalat…"); short prefixes would match half the index.
const prefix = (term: string) => term.length >= 6;

/**
 * A matcher over one pack. The index is built here, once; `match` and `rank` only query it.
 * BM25 (minisearch) finds the candidate points; scorePoint (score.ts) decides which are accepted
 * and gives each its 0..1 score; candidates are ranked by that score.
 */
export function createMatcher(pack: Pack, tuning: Partial<MatchTuning> = {}): Matcher {
  const t: MatchTuning = { ...DEFAULT_TUNING, ...tuning };
  const index = buildPointIndex(pack.points);

  function ranked(text: string, motion: string | undefined): Ranked[] {
    const sequence = analyse(text);
    const query: Query = { sequence, distinct: [...new Set(sequence)] };
    if (query.distinct.length === 0) return [];
    // Distinct terms only: repeating a word must not make it count more.
    const results = index.search.search(query.distinct.join(' '), {
      tokenize: (q) => q.split(' '),
      processTerm: (term) => term,
      boost: FIELD_BOOSTS,
      fuzzy,
      prefix,
      maxFuzzy: 2,
      combineWith: 'OR',
      filter: motion === undefined ? undefined : (r) => r['motion'] === motion,
    });
    const out: Ranked[] = [];
    for (const r of results) {
      const point = pack.pointById.get(String(r.id));
      const score = point && scorePoint(query, { id: point.id, queryTerms: r.queryTerms }, index, t);
      if (point && score) out.push({ point, score, raw: r.score });
    }
    // BM25 breaks ties: it also weighs term frequency and field boosts, which coverage ignores.
    return out.sort((a, b) => b.score - a.score || b.raw - a.raw);
  }

  const toResult = (r: Ranked): MatchResult => ({
    point: r.point.id,
    motion: r.point.motion,
    side: r.point.side,
    anchors: [...new Set(r.point.quotes.map((q) => q.anchor))],
    score: Math.round(r.score * 1000) / 1000,
  });

  return {
    match(text, options?: MatchOptions) {
      const best = ranked(text, options?.motion)[0];
      return best ? toResult(best) : null;
    },
    rank(text, options) {
      const all = ranked(text, options?.motion);
      return all.slice(0, Math.max(0, options?.limit ?? all.length)).map(toResult);
    },
  };
}
