import { coverage, termWeight } from './coverage.js';
import { CURATED_CREDIT, type PointIndex } from './point-index.js';
import { termsInPhrases } from './phrases.js';
import type { MatchTuning } from './tuning.js';

/** The query as scoring needs it: its analysed terms in order, and the distinct ones. */
export interface Query {
  sequence: readonly string[];
  distinct: readonly string[];
}

/** What one BM25 hit said about the query. */
export interface SearchHit {
  id: string;
  /** Query terms that reached the point exactly, by prefix, or by typo tolerance. */
  queryTerms: readonly string[];
}

/**
 * Scores one point against a query, 0..1, or returns null when the point fails acceptance.
 *
 * The score is `share × strength`, lifted by whole phrases:
 * - share: the weighted part of the query's meaningful terms the point accounts for (coverage.ts);
 *   it is what rejects lines that mention the topic in passing but are about something else.
 * - strength: 1 − exp(−evidence / evidenceScale), where evidence is the covered weight itself; it
 *   keeps a short line that shares one or two common words from looking certain.
 * - phrases: with p the weighted share of the query inside the point's multi-word keywords and
 *   synonyms, score += (1 − score) × phraseBoost × p, which stays within 0..1.
 */
export function scorePoint(query: Query, hit: SearchHit, index: PointIndex, t: MatchTuning): number | null {
  const pointTerms = index.termsOf.get(hit.id);
  if (!pointTerms) return null;
  const curated = query.distinct.filter((term) => (pointTerms.get(term) ?? 0) >= CURATED_CREDIT).length;
  if (curated < t.minCuratedTerms) return null;

  const cov = coverage(query.distinct, new Set(hit.queryTerms), pointTerms, index, t.fuzzyCredit);
  if (cov.share < t.minShare || cov.evidence < t.minEvidence) return null;

  const strength = 1 - Math.exp(-cov.evidence / t.evidenceScale);
  let score = cov.share * strength;
  const inPhrases = termsInPhrases(query.sequence, index.phrasesOf.get(hit.id) ?? []);
  if (inPhrases.size > 0 && cov.total > 0) {
    let phraseWeight = 0;
    for (const term of inPhrases) phraseWeight += termWeight(term, index);
    score += (1 - score) * t.phraseBoost * (phraseWeight / cov.total);
  }
  return score >= t.minScore ? score : null;
}
