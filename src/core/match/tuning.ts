/** The matcher's acceptance knobs, kept apart so tests and the benchmark can state what they ran with. */
export interface MatchTuning {
  /** Coverage credit for a query term that reached a point only by a fuzzy or prefix match. */
  fuzzyCredit: number;
  /** Evidence (summed term weight) at which strength reaches 1 − 1/e. */
  evidenceScale: number;
  /** How far a query written in a point's own multi-word keywords or synonyms is lifted towards 1. */
  phraseBoost: number;
  /** A point must account for at least this weighted share of the query's terms. */
  minShare: number;
  /** And for at least this much evidence: naming the topic is not making a point. */
  minEvidence: number;
  /** And reach at least this normalised score. */
  minScore: number;
  /**
   * And its curated fields (claim, keywords, synonyms) must contain at least this many of the
   * query's terms exactly: two words that merely recur somewhere in a point's prose are chance.
   */
  minCuratedTerms: number;
}

export const DEFAULT_TUNING: MatchTuning = {
  fuzzyCredit: 0.5,
  evidenceScale: 3,
  phraseBoost: 0.5,
  minShare: 0.3,
  minEvidence: 2.5,
  minScore: 0.2,
  minCuratedTerms: 2,
};
