import type { Pack } from '../pack/model.js';
import type { Judgement, Matcher, MatchOptions, MatchResult, TextReading } from './matcher.js';
import { buildPointIndex } from './point-index.js';
import { retrieveFrom, searchText, type Candidate, type Retrieval } from './retrieve.js';
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
  const index = buildPointIndex(pack.points, pack.examplesOf, { examplesAs: t.examplesAs, exampleCredit: t.exampleCredit, exampleBoost: t.exampleBoost });
  const { coverage, bm25, example, neighbour } = t.rankWeights;
  const weightSum = coverage + bm25 + example + neighbour || 1;

  const toResult = (c: Candidate): MatchResult => ({
    point: c.point.id,
    motion: c.point.motion,
    side: c.point.side,
    anchors: [...new Set(c.point.quotes.map((q) => q.anchor))],
    score: Math.round(Math.min(1, c.fit / weightSum) * 1000) / 1000,
  });
  const limited = (list: Candidate[], limit: number | undefined) => list.slice(0, Math.max(0, limit ?? list.length)).map(toResult);

  const retrieve = (text: string, motion: string | undefined) => retrieveFrom(pack, index, t, searchText(index, t, text), motion);

  function judgement(r: Retrieval): Judgement {
    const d = decide(r, t);
    const chosen = d.chosen.map(toResult);
    return {
      outcome: d.outcome,
      match: d.outcome === 'sure' ? chosen[0] ?? null : null,
      candidates: d.outcome === 'unsure' ? chosen : [],
      confidence: Math.round(d.sure * 1000) / 1000,
    };
  }
  const judge = (text: string, options?: MatchOptions) => judgement(retrieve(text, options?.motion));

  return {
    judge,
    match: (text, options) => judge(text, options).match,
    rank(text, options) {
      const r = retrieve(text, options?.motion);
      return decide(r, t).outcome === 'none' ? [] : limited(r.candidates, options?.limit);
    },
    search: (text, options) => limited(retrieve(text, options?.motion).candidates, options?.limit),
    read(text): TextReading {
      const searched = searchText(index, t, text);
      const judgeIn = (options?: MatchOptions) => judgement(retrieveFrom(pack, index, t, searched, options?.motion));
      return { terms: searched.query.distinct, judge: judgeIn, match: (options) => judgeIn(options).match };
    },
  };
}
