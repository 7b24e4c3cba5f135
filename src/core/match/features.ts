import type { Candidate, Retrieval } from './retrieve.js';

/**
 * What the confidence is read from: the ranking as a whole, not one point's score. A line is
 * answered with certainty when its first point covers it well, stands clear of the runner-up, and
 * the words it uses are the motion's; it is refused when little of it is the pack's vocabulary.
 */
export const FEATURES = [
  /** The first point's coverage score (score.ts), 0..1. */
  'coverage',
  /** Its weighted share of the query's terms, 0..1. */
  'share',
  /** 1 − exp(−evidence / scale): how much covered weight there is at all. */
  'strength',
  /** The share of the query written in its multi-word keywords or synonyms. */
  'phrase',
  /** log(1 + BM25) of its document. */
  'bm25',
  /** log(1 + BM25) of its best example (examples as documents), else 0. */
  'example',
  /** How like its nearest example the query is (weighted Dice overlap), 0..1. */
  'neighbour',
  /** (fit₁ − fit₂) / fit₁: how far it stands from the runner-up, 0..1. */
  'margin',
  /** The share of the query's weight that any point of the motion uses, 0..1. */
  'known',
  /** Meaningful terms in the query, log-scaled: one word says little. */
  'length',
  /** 1 when the leading candidates argue the same side. */
  'agree',
  /** Its nearest example's likeness less the runner-up's (−1..1): a line worded like one point's examples, not another's. */
  'exampleMargin',
  /** Whether it wins in both fields: half for the best point-document BM25, half for the best example BM25. */
  'fields',
  /** Its share of all the candidates' fit, 0..1: one clear point, not one of many. */
  'mass',
  /** log(1 + query terms it uses and the runner-up does not). */
  'distinctive',
  /** 1 when the runner-up (if any) argues the same side: a slip between the two would not turn the reply. */
  'sameSide',
  /** The share of the query's terms that are its motion's own words: restating the motion is no reason. */
  'motionWords',
] as const;

export type FeatureName = (typeof FEATURES)[number];

export type Features = Record<FeatureName, number>;

export function featuresOf(r: Retrieval, leaderRatio: number): Features | null {
  const [first, second] = r.candidates;
  if (!first) return null;
  const leaders = r.candidates.filter((c) => c.fit >= first.fit * leaderRatio);
  return {
    coverage: first.evidence.score,
    share: first.evidence.share,
    strength: first.strength,
    phrase: first.evidence.phrase,
    bm25: Math.log1p(first.bm25),
    example: Math.log1p(first.example),
    neighbour: first.neighbour,
    margin: first.fit > 0 ? (first.fit - (second?.fit ?? 0)) / first.fit : 0,
    known: r.known,
    length: Math.log1p(r.query.distinct.length),
    agree: leaders.every((c) => c.point.side === first.point.side) ? 1 : 0,
    exampleMargin: first.neighbour - r.runnerNeighbour,
    fields: (isBest(r, first, 'bm25') + isBest(r, first, 'example')) / 2,
    mass: first.fit / (r.candidates.reduce((s, c) => s + c.fit, 0) || 1),
    distinctive: Math.log1p(r.distinctive),
    sameSide: !second || second.point.side === first.point.side ? 1 : 0,
    motionWords: r.motionWords,
  };
}

/** 1 when no candidate beats `c` on one BM25 field (a field nobody reached counts as won by none). */
function isBest(r: Retrieval, c: Candidate, field: 'bm25' | 'example'): number {
  return c[field] > 0 && r.candidates.every((o) => o[field] <= c[field]) ? 1 : 0;
}
