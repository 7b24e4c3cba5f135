import type { Pack } from '../pack/model.js';
import type { Judgement, Matcher, MatchOptions, MatchResult } from './matcher.js';
import { buildPointIndex } from './point-index.js';
import { retrieve, type Candidate } from './retrieve.js';
import { decide } from './confidence.js';
import { DEFAULT_TUNING, withFit, type MatchTuning } from './tuning.js';

/**
 * A matcher over one pack. The index is built here, once; the methods only query it.
 *
 * It is lexical only (BM25 plus coverage of the pack's own words and example arguments). A sentence
 * model was weighed as a fallback (Universal Sentence Encoder lite, the only one shipped inside an
 * npm package): it gained a few points on unseen phrasing but is from 2023 with TF.js 4.5 bundled,
 * costs about 50 ms per call and 70–116 MB of memory against a 100 MiB RSS target, so it is not used.
 * The gain is had instead from the examples and from deciding when to answer, ask or refuse.
 */
export function createMatcher(pack: Pack, tuning: Partial<MatchTuning> = {}): Matcher {
  const t: MatchTuning = withFit(DEFAULT_TUNING, tuning);
  const index = buildPointIndex(pack.points, pack.examplesOf, { examplesAs: t.examplesAs, exampleCredit: t.exampleCredit });
  const weightSum = t.rankWeights.coverage + t.rankWeights.bm25 + t.rankWeights.example || 1;

  const toResult = (c: Candidate): MatchResult => ({
    point: c.point.id,
    motion: c.point.motion,
    side: c.point.side,
    anchors: [...new Set(c.point.quotes.map((q) => q.anchor))],
    score: Math.round(Math.min(1, c.fit / weightSum) * 1000) / 1000,
  });
  const limited = (list: Candidate[], limit: number | undefined) => list.slice(0, Math.max(0, limit ?? list.length)).map(toResult);

  function judge(text: string, options?: MatchOptions): Judgement {
    const d = decide(retrieve(pack, index, t, text, options?.motion), t);
    const chosen = d.chosen.map(toResult);
    return {
      outcome: d.outcome,
      match: d.outcome === 'sure' ? chosen[0] ?? null : null,
      candidates: d.outcome === 'unsure' ? chosen : [],
      confidence: Math.round(d.sure * 1000) / 1000,
    };
  }

  return {
    judge,
    match: (text, options) => judge(text, options).match,
    rank(text, options) {
      const r = retrieve(pack, index, t, text, options?.motion);
      return decide(r, t).outcome === 'none' ? [] : limited(r.candidates, options?.limit);
    },
    search: (text, options) => limited(retrieve(pack, index, t, text, options?.motion).candidates, options?.limit),
  };
}
