import { featuresOf, FEATURES, type Features } from './features.js';
import type { Candidate, Retrieval } from './retrieve.js';
import type { LogisticModel, MatchTuning } from './tuning.js';

export type Outcome = 'sure' | 'unsure' | 'none';

export interface Decision {
  outcome: Outcome;
  /** The probability that the first-ranked point is the one meant (0 when nothing ranked). */
  sure: number;
  /** The probability that the text makes a point at all. */
  point: number;
  /** sure: the one point; unsure: the candidates to offer, best first; none: empty. */
  chosen: Candidate[];
  features: Features | null;
}

export function probability(model: LogisticModel, x: Features): number {
  let z = model.bias;
  for (const f of FEATURES) z += model.weights[f] * x[f];
  return 1 / (1 + Math.exp(-z));
}

/** p(the first point is the one meant) and p(the line makes a point), as tuning.combine reads the two models. */
export function probabilities(x: Features, t: Pick<MatchTuning, 'sureModel' | 'pointModel' | 'combine'>): { sure: number; point: number } {
  const first = probability(t.sureModel, x);
  const point = probability(t.pointModel, x);
  if (t.combine === 'factored') return { sure: first * point, point };
  // A line whose first point is probably right makes a point: the second model may not say less.
  return { sure: first, point: Math.max(point, first) };
}

/**
 * Three outcomes from one ranking. A reply that makes no claim is refused outright. Answer
 * directly only when the first point is probably the one meant, the points close behind it argue
 * the same side (with leaders on opposite sides the bot would be guessing which side the user is
 * on), *and* it leads the runner-up by `sureMargin`: a long line that touches two points of one
 * side is the one the ranking most often gets wrong, so it asks. Refuse when the text probably makes no point at all; in between, offer the few
 * points it might be.
 */
export function decide(r: Retrieval, t: MatchTuning): Decision {
  const x = featuresOf(r, t.leaderRatio);
  const first = r.candidates[0];
  if (!x || !first) return { outcome: 'none', sure: 0, point: 0, chosen: [], features: null };
  const { sure, point } = probabilities(x, t);
  // A reply that makes no claim (content-free.ts) is neither answered as one nor asked about: either
  // would put an argument in the user's mouth, however well its words fit a point.
  if (r.claimless) return { outcome: 'none', sure, point, chosen: [], features: x };
  if (sure >= t.sureAt && x.agree === 1 && x.margin >= t.sureMargin) return { outcome: 'sure', sure, point, chosen: [first], features: x };
  if (point < t.askAt) return { outcome: 'none', sure, point, chosen: [], features: x };
  const chosen = r.candidates.filter((c) => c.fit >= first.fit * t.candidateRatio).slice(0, t.maxCandidates);
  return { outcome: 'unsure', sure, point, chosen, features: x };
}
