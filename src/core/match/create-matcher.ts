import type { Pack } from '../pack/model.js';
import type { Point } from '../pack/schema.js';
import type { Matcher, MatchOptions, MatchResult } from './matcher.js';
import { distinctTerms } from './analyse.js';
import { buildPointIndex, FIELD_BOOSTS } from './point-index.js';
import { coverage, type Coverage } from './coverage.js';
import { DEFAULT_TUNING, type MatchTuning } from './tuning.js';

/** Raw BM25 hits before acceptance: the point and what the query's terms did with it. */
interface Hit {
  point: Point;
  raw: number;
  coverage: Coverage;
  score: number;
}

// Typos shorter than five letters are mostly other words ("war"/"was"), so only longer terms are fuzzy.
const fuzzy = (term: string) => (term.length >= 5 ? 0.2 : false);
// Prefixes of long stems catch truncations ("escalat…"); short prefixes would match half the index.
const prefix = (term: string) => term.length >= 6;

/**
 * A matcher over one pack. The index is built here, once; `match` and `rank` only query it.
 *
 * Score (0..1): `coverage × strength`. Coverage is the weighted share of the query's meaningful
 * terms the point accounts for (see coverage.ts); strength squashes the raw BM25 score as
 * raw / (raw + strengthHalf), so a point that shares one common word with the query cannot look
 * certain however well that word is covered.
 */
export function createMatcher(pack: Pack, tuning: Partial<MatchTuning> = {}): Matcher {
  const t: MatchTuning = { ...DEFAULT_TUNING, ...tuning };
  const index = buildPointIndex(pack.points);

  function hits(text: string, motion: string | undefined): Hit[] {
    const terms = distinctTerms(text);
    if (terms.length === 0) return [];
    const results = index.search.search(terms.join(' '), {
      tokenize: (q) => q.split(' '),
      processTerm: (term) => term,
      boost: FIELD_BOOSTS,
      fuzzy,
      prefix,
      maxFuzzy: 2,
      combineWith: 'OR',
      filter: motion === undefined ? undefined : (r) => r['motion'] === motion,
    });
    const out: Hit[] = [];
    for (const r of results) {
      const point = pack.pointById.get(r.id as string);
      const pointTerms = index.termsOf.get(r.id as string);
      if (!point || !pointTerms) continue;
      const exactMatches = terms.filter((term) => pointTerms.has(term)).length;
      if (exactMatches < t.minExactTerms) continue;
      const cov = coverage(terms, new Set(r.queryTerms), pointTerms, index, t.fuzzyCredit);
      const strength = 1 - Math.exp(-cov.evidence / t.evidenceScale);
      out.push({ point, raw: r.score, coverage: cov, score: cov.share * strength });
    }
    return out
      .filter((h) => h.coverage.share >= t.minShare && h.coverage.evidence >= t.minEvidence && h.score >= t.minScore)
      .sort((a, b) => b.score - a.score || b.raw - a.raw);
  }

  const toResult = (h: Hit): MatchResult => ({
    point: h.point.id,
    motion: h.point.motion,
    side: h.point.side,
    anchors: [...new Set(h.point.quotes.map((q) => q.anchor))],
    score: Math.round(h.score * 1000) / 1000,
  });

  return {
    match(text, options?: MatchOptions) {
      const best = hits(text, options?.motion)[0];
      return best ? toResult(best) : null;
    },
    rank(text, options) {
      const all = hits(text, options?.motion);
      return all.slice(0, options?.limit ?? all.length).map(toResult);
    },
  };
}
