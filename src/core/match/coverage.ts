import type { PointIndex } from './point-index.js';
import type { Query } from './score.js';

/**
 * How much a term says about which point is meant, as BM25's inverse document frequency over the
 * pack's points. A term every point uses ("ukraine", "nato") weighs almost nothing, so naming the
 * topic neither makes a line an argument nor counts against one. A term no point uses weighs most
 * of all, because unexplained words are exactly what make a line off-topic ("my cousin in Kyiv
 * loves football").
 */
export function termWeight(term: string, index: PointIndex): number {
  return index.termWeights.get(term) ?? index.unknownTermWeight;
}

/** The weight of a term used by `df` of `n` points; the index keeps it per term, since replies ask often. */
export function weightFor(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export interface Coverage {
  /** Weight of the query's terms the point accounts for. */
  evidence: number;
  /** That weight as a share of all the query's term weight, 0..1. */
  share: number;
  /** All the query's term weight. */
  total: number;
}

/**
 * What a point accounts for in a query. A term the point contains counts by the field it is in
 * (see FIELD_CREDIT); one that reached the point only through a typo-tolerant or prefix match
 * counts `fuzzyCredit`, since such matches are sometimes right and sometimes a coincidence.
 * `query` has the terms' numbers, weights (termWeight) and their sum; `reached[at + j]` is set when
 * term `j` reached the point; `codes[row + id]` names the credit in `credits` the point gives term
 * `id` (0: none). With it, the number of terms the point's curated fields contain.
 */
export function coverage(
  query: Pick<Query, 'ids' | 'weights' | 'total'>,
  reached: Uint8Array,
  at: number,
  codes: Uint8Array,
  row: number,
  credits: readonly number[],
  fuzzyCredit: number,
  curatedCredit: number,
): Coverage & { curated: number } {
  const { ids, weights, total } = query;
  let evidence = 0;
  let curated = 0;
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    const code = id < 0 ? 0 : codes[row + id]!;
    const own = code === 0 ? undefined : credits[code]!;
    if ((own ?? 0) >= curatedCredit) curated++;
    const credit = own ?? (reached[at + j] ? fuzzyCredit : 0);
    evidence += weights[j]! * credit;
  }
  return { evidence, share: total === 0 ? 0 : evidence / total, total, curated };
}
