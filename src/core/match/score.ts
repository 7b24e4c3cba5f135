import { coverage, termWeight } from './coverage.js';
import { CURATED_CREDIT, type PointIndex } from './point-index.js';
import { termsInPhrases } from './phrases.js';
import type { MatchTuning } from './tuning.js';

/** The query as scoring needs it: its analysed terms in order, and the distinct ones. */
export interface Query {
  sequence: readonly string[];
  distinct: readonly string[];
}

/** What the pack's vocabulary says about one point against a query; the ranking and the confidence read it. */
export interface PointEvidence {
  /** The weighted share of the query's terms the point accounts for, 0..1 (coverage.ts). */
  share: number;
  /** That covered weight itself. */
  evidence: number;
  /** The weighted share of the query written in the point's own multi-word keywords or synonyms, 0..1. */
  phrase: number;
  /** Distinct query terms found exactly in the point's claim, keywords or synonyms. */
  curated: number;
  /**
   * The coverage score, 0..1: `share × strength`, lifted by whole phrases.
   * - strength: 1 − exp(−evidence / evidenceScale) keeps a short line that shares one or two
   *   common words from looking certain.
   * - phrases: score += (1 − score) × phraseBoost × phrase, which stays within 0..1.
   */
  score: number;
}

/**
 * Scores one point against a query. Nothing is rejected here: whether to answer, ask or refuse is
 * decided from the whole ranking (confidence.ts), not from one point's numbers.
 */
export function pointEvidence(
  query: Query, pointId: string, reached: ReadonlySet<string>, index: PointIndex, t: MatchTuning,
): PointEvidence | null {
  const pointTerms = index.termsOf.get(pointId);
  if (!pointTerms) return null;
  const curated = query.distinct.filter((term) => (pointTerms.get(term) ?? 0) >= CURATED_CREDIT).length;
  const cov = coverage(query.distinct, reached, pointTerms, index, t.fuzzyCredit);
  const strength = 1 - Math.exp(-cov.evidence / t.evidenceScale);
  let score = cov.share * strength;
  let phrase = 0;
  const inPhrases = termsInPhrases(query.sequence, index.phrasesOf.get(pointId) ?? []);
  if (inPhrases.size > 0 && cov.total > 0) {
    let phraseWeight = 0;
    for (const term of inPhrases) phraseWeight += termWeight(term, index);
    phrase = phraseWeight / cov.total;
    score += (1 - score) * t.phraseBoost * phrase;
  }
  return { share: cov.share, evidence: cov.evidence, phrase, curated, score };
}
