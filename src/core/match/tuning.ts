import calibration from './calibration.json' with { type: 'json' };
import { FEATURES, type FeatureName } from './features.js';

/** A logistic model over the ranking's features (features.ts): p = σ(bias + Σ weight × feature). */
export interface LogisticModel {
  bias: number;
  weights: Readonly<Record<FeatureName, number>>;
}

/**
 * Every knob of the matcher, kept apart so tests, the benchmark and the calibration can state what
 * they ran with. The shipped values are fitted by scripts/calibrate-matcher.ts on tuning data only
 * and written to calibration.json beside this file; rerun it when the content pack changes.
 */
export interface MatchTuning {
  // ---- ranking ----
  /** Coverage credit for a query term that reached a point only by a fuzzy or prefix match. */
  fuzzyCredit: number;
  /** Evidence (summed term weight) at which strength reaches 1 − 1/e. */
  evidenceScale: number;
  /** How far a query written in a point's own multi-word keywords or synonyms is lifted towards 1. */
  phraseBoost: number;
  /** The pack's example arguments: a field of their point's document, or documents of their own. */
  examplesAs: 'field' | 'documents';
  /** BM25 boost of the examples field (field mode). */
  exampleBoost: number;
  /** Coverage credit of a term only the point's examples use. */
  exampleCredit: number;
  /** The ranking: fit = Σ weight × part, with BM25 parts relative to the best hit. */
  rankWeights: { coverage: number; bm25: number; example: number; neighbour: number };

  // ---- deciding ----
  /** The probability that the first-ranked point is the one meant. */
  sureModel: LogisticModel;
  /** The probability that the text makes a point at all, and one of the first three ranked. */
  pointModel: LogisticModel;
  /**
   * How the two combine. Joint: sureModel is p(first point meant) over all lines, and a line
   * makes a point at least as surely. Factored: sureModel is p(first point meant | the line makes
   * a point), fitted on arguments only, so it weighs rival points rather than chatter; the sure
   * probability is then p(point) × p(first | point).
   */
  combine: 'joint' | 'factored';
  /** Answer directly from this sure probability on (and only when the leaders agree on a side). */
  sureAt: number;
  /**
   * Answer directly only when the first point leads the runner-up by at least this share of its fit
   * (features.margin): two points of one side close together are the ones a long line confuses.
   */
  sureMargin: number;
  /** Below this point probability, refuse ("I can't place that"); between, ask "Did you mean…?". */
  askAt: number;
  /** A candidate is offered when its fit is at least this share of the first one's. */
  candidateRatio: number;
  /** Candidates this close to the first (share of its fit) lead with it: they must agree on the side to answer. */
  leaderRatio: number;
  /** At most this many candidates are offered. */
  maxCandidates: number;
}

/** Values that make sense before any fit: the structure the calibration starts from. */
export const UNFITTED_TUNING: MatchTuning = {
  fuzzyCredit: 0.5,
  evidenceScale: 3,
  phraseBoost: 0.5,
  examplesAs: 'field',
  exampleBoost: 1,
  exampleCredit: 0.75,
  rankWeights: { coverage: 1, bm25: 0, example: 0, neighbour: 0 },
  sureModel: { bias: -4, weights: zeroWeights({ coverage: 6, margin: 4 }) },
  pointModel: { bias: -3, weights: zeroWeights({ coverage: 5, share: 2 }) },
  combine: 'joint',
  sureAt: 0.7,
  sureMargin: 0,
  askAt: 0.4,
  candidateRatio: 0.6,
  leaderRatio: 0.85,
  maxCandidates: 3,
};

export function zeroWeights(given: Partial<Record<FeatureName, number>> = {}): Record<FeatureName, number> {
  return Object.fromEntries(FEATURES.map((f) => [f, given[f] ?? 0])) as Record<FeatureName, number>;
}

/** The shipped tuning: the calibration's fit over the unfitted structure (a feature it lacks weighs 0). */
export const DEFAULT_TUNING: MatchTuning = withFit(UNFITTED_TUNING, calibration.tuning as Partial<MatchTuning>);

export function withFit(base: MatchTuning, fit: Partial<MatchTuning>): MatchTuning {
  const model = (m: LogisticModel | undefined, d: LogisticModel): LogisticModel =>
    m ? { bias: m.bias, weights: zeroWeights(m.weights) } : d;
  return {
    ...base,
    ...fit,
    rankWeights: { ...base.rankWeights, ...fit.rankWeights },
    sureModel: model(fit.sureModel, base.sureModel),
    pointModel: model(fit.pointModel, base.pointModel),
  };
}
