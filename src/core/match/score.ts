import { coverage, termWeight } from './coverage.js';
import { CURATED_CREDIT, type PointIndex } from './point-index.js';
import { termsInPhrases } from './phrases.js';
import type { MatchTuning } from './tuning.js';

/** The query as scoring needs it: its analysed terms in order, and the distinct ones. */
export interface Query {
  sequence: readonly string[];
  distinct: readonly string[];
  /** Each distinct term's weight (termWeight), in their order, worked out once per query. */
  weights: Float64Array;
  /** Their sum, in that order: all the query's term weight. */
  total: number;
  /** Their numbers (index.termIds), −1 for a term no point uses. */
  ids: Int32Array;
  /** By term number: 1 for each term the query asks. */
  asked: Uint8Array;
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

/** The query of a text's analysed terms, weighed on `index`. */
export function queryOf(sequence: readonly string[], index: PointIndex): Query {
  const distinct = [...new Set(sequence)];
  const weights = new Float64Array(distinct.length);
  const ids = new Int32Array(distinct.length);
  const asked = new Uint8Array(index.termIds.size);
  let total = 0;
  for (let j = 0; j < distinct.length; j++) {
    const id = index.termIds.get(distinct[j]!) ?? -1;
    // A term no point uses has no number, and the unknown term's weight (termWeight). A known one is
    // carried on as the index's own string: the same text, and every later look-up of it in the
    // index's maps finds its key by identity instead of comparing the letters.
    weights[j] = id < 0 ? index.unknownTermWeight : index.weightOfId[id]!;
    if (id >= 0) distinct[j] = index.termNames[id]!;
    total += weights[j]!;
    ids[j] = id;
    if (id >= 0) asked[id] = 1;
  }
  return { sequence, distinct, weights, total, ids, asked };
}

/**
 * Scores one point (at `place` in index.pointIds) against a query; `reached[at + j]` is set when distinct term `j` reached it. Nothing is rejected here: whether to answer, ask or refuse is
 * decided from the whole ranking (confidence.ts), not from one point's numbers.
 */
export function pointEvidence(
  query: Query, pointId: string, place: number, reached: Uint8Array, at: number, index: PointIndex, t: MatchTuning,
): PointEvidence | null {
  if (!index.termsOf.has(pointId)) return null;
  const cov = coverage(query, reached, at, index.creditCodes, place * index.termIds.size, index.credits, t.fuzzyCredit, CURATED_CREDIT);
  const { curated } = cov;
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
