import type MiniSearch from 'minisearch';
import type { MatchInfo, SearchOptions, SearchResult } from 'minisearch';

/** What one query term contributes to each document it reaches, in the order minisearch reaches them. */
interface TermHits {
  docs: Int32Array;
  scores: Float64Array;
  /**
   * Per document: the indexed terms it was reached by (exactly, by prefix or by typo) and in which
   * fields. Only `search` needs them, so they are asked for when it does: an object per document
   * kept for every term remembered would be most of what the garbage collector has to copy.
   */
  matches?: readonly MatchInfo[];
}

/** minisearch 7.2.0's private parts this reads; the version is pinned (package.json). */
interface Internals {
  _documentIds: Map<number, unknown>;
  _storedFields: Map<number, Record<string, unknown> | undefined>;
  executeQuery(query: string, options: SearchOptions): Map<number, { score: number; terms: string[]; match: MatchInfo }>;
}

/** Distinct query terms remembered per index; past this the least recently asked are forgotten. */
export const MAX_REMEMBERED_TERMS = 4096;

/** A document a query reaches, as a minisearch result without the match info: what a reading uses. */
export interface Hit {
  id: unknown;
  score: number;
  queryTerms: string[];
  /** The document's stored fields; the index's own object, not a copy. */
  fields: Readonly<Record<string, unknown>>;
}

/** An OR search over fixed options whose per-term work is done once per distinct term. */
export interface TermSearch {
  /** The documents `terms` reach, best first, as `search` finds them but without the match info. */
  hits(terms: readonly string[]): Hit[];
  /** `index.search(terms.join(' '), options)`: the same results, match info and all. */
  search(terms: readonly string[]): SearchResult[];
  /** The documents in groups (a point's document, or its examples): see GroupedSearch. `groupOf` is asked once per document. */
  grouped(groupOf: (id: unknown, fields: Readonly<Record<string, unknown>>) => number): GroupedSearch;
}

/** The best of a group's documents that a query reaches: its group and score (as `hits` scores it). */
export interface GroupHit {
  group: number;
  score: number;
}

/**
 * `hits` as a reading uses them, worked out by group without a result per document: what a reading
 * needs of a point is its best document's score and the query terms any of its documents was
 * reached by, and a query reaches ten times as many of the examples' documents as there are points.
 */
export interface GroupedSearch {
  /**
   * Each group that `terms` reach, with its best document's score, in the order its first document
   * stands in `hits(terms)` (best first, ties in the order first reached); and for each query term
   * `j` that reaches any document of group `g`, `reached[g * terms.length + j]` set to 1. The terms
   * must be distinct: a repeated one would count twice towards a document's number of terms
   * reached, where `hits` counts it once.
   */
  best(terms: readonly string[], reached: Uint8Array): GroupHit[];
}

const NO_FIELDS: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * minisearch's OR search of `terms` (which need no tokenizing) under fixed `options`, with each
 * term's part remembered. What a term contributes to each document (its BM25 over every field, with
 * the exact, prefix and typo expansions and minisearch's weights) depends only on the term and the
 * index, which is complete and never changes after it is built; minisearch recomputes it, and
 * allocates a result and match info per document and expansion, on every query, which was most of
 * what reading a reply cost and, through the garbage it left, most of its slow calls. Here a term's
 * part is asked of minisearch itself once (its own per-term query), and a query is combined from the
 * parts as its OR does: scores summed in query order, then multiplied by the number of query terms
 * that reached the document; match info merged in the same order; ties left in the order documents
 * were first reached. The results are the same, id, score, terms, queryTerms and match alike
 * (tests/core/match/term-search.test.ts). A reading needs no match info, and building it (an object
 * per document keyed by indexed terms) was itself a large part of the cost, so `hits` leaves it out.
 * Build it once the index holds every document.
 */
export function termSearch<T>(index: MiniSearch<T>, options: SearchOptions, max = MAX_REMEMBERED_TERMS): TermSearch {
  const internals = index as unknown as Internals;
  // One term at a time, so minisearch's own tokenizer must leave a term whole.
  const perTerm: SearchOptions = { ...options, combineWith: 'OR', tokenize: (term) => [term], processTerm: (term) => term };
  const remembered = new Map<string, TermHits>();
  const hitsOf = (term: string): TermHits => {
    let hits = remembered.get(term);
    if (hits) {
      // Least recently used goes first: move this one to the back.
      remembered.delete(term);
      remembered.set(term, hits);
      return hits;
    }
    hits = termHits(internals.executeQuery(term, perTerm));
    if (remembered.size >= max) remembered.delete(remembered.keys().next().value!);
    remembered.set(term, hits);
    return hits;
  };

  // Per query, by document: the summed score, the query terms that reached it and, for `search`,
  // the match info of each (one, or all of them in query order). Kept between queries and cleared
  // as each query's results are made, so a query allocates little beyond the results it returns.
  const size = Math.max(-1, ...internals._documentIds.keys()) + 1;
  const scoreOf = new Float64Array(size);
  const termsOf: (string[] | undefined)[] = new Array(size).fill(undefined);
  const matchOf: (MatchInfo | MatchInfo[] | undefined)[] = new Array(size).fill(undefined);

  /** The documents `terms` reach, in the order they are first reached; `scoreOf` and `termsOf` filled. */
  const combine = (terms: readonly string[], withMatch: boolean): number[] => {
    const reached: number[] = [];
    for (const term of terms) {
      const hits = hitsOf(term);
      const { docs, scores } = hits;
      // Frozen: every later query's results share them.
      const matches = withMatch ? (hits.matches ??= matchesOf(hits, internals.executeQuery(term, perTerm))) : [];
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        const queryTerms = termsOf[doc];
        if (!queryTerms) {
          reached.push(doc);
          scoreOf[doc] = scores[i]!;
          termsOf[doc] = [term];
          if (withMatch) matchOf[doc] = matches[i]!;
          continue;
        }
        scoreOf[doc] = scoreOf[doc]! + scores[i]!;
        if (!queryTerms.includes(term)) queryTerms.push(term);
        if (!withMatch) continue;
        const match = matchOf[doc]!;
        if (Array.isArray(match)) match.push(matches[i]!);
        else matchOf[doc] = [match, matches[i]!];
      }
    }
    return reached;
  };

  // Per query, by document, for `grouped`: how many of the query's terms reached it (0: none yet).
  const countOf = new Int32Array(size);

  const grouped = (groupOf: (id: unknown, fields: Readonly<Record<string, unknown>>) => number): GroupedSearch => {
    const groups = new Int32Array(size).fill(-1);
    for (const [doc, id] of internals._documentIds) {
      const group = groupOf(id, internals._storedFields.get(doc) ?? NO_FIELDS);
      groups[doc] = Number.isInteger(group) && group >= 0 ? group : -1;
    }
    const groupCount = Math.max(-1, ...groups) + 1;
    // Per query, by group: the best score so far, and where in the order of first reaching its document stands.
    const bestOf = new Float64Array(groupCount);
    const bestAt = new Int32Array(groupCount).fill(-1);
    return {
      best(terms, reached) {
        const k = terms.length;
        const docs: number[] = [];
        for (let j = 0; j < k; j++) {
          const { docs: termDocs, scores } = hitsOf(terms[j]!);
          for (let i = 0; i < termDocs.length; i++) {
            const doc = termDocs[i]!;
            // Summed in query order and counted once per term, as `combine` does.
            if (countOf[doc] === 0) {
              docs.push(doc);
              scoreOf[doc] = scores[i]!;
            } else {
              scoreOf[doc] = scoreOf[doc]! + scores[i]!;
            }
            countOf[doc]! += 1;
            const group = groups[doc]!;
            if (group >= 0) reached[group * k + j] = 1;
          }
        }
        const found: number[] = [];
        for (let at = 0; at < docs.length; at++) {
          const doc = docs[at]!;
          const score = scoreOf[doc]! * countOf[doc]!;
          countOf[doc] = 0;
          const group = groups[doc]!;
          if (group < 0) continue;
          if (bestAt[group] === -1) found.push(group);
          else if (!(score > bestOf[group]!)) continue;
          bestOf[group] = score;
          bestAt[group] = at;
        }
        // `hits` sorts best first and keeps ties in the order reached: a group stands where its best, first-reached document does.
        found.sort((a, b) => bestOf[b]! - bestOf[a]! || bestAt[a]! - bestAt[b]!);
        return found.map((group) => {
          bestAt[group] = -1;
          return { group, score: bestOf[group]! };
        });
      },
    };
  };

  return {
    grouped,
    hits(terms) {
      const hits: Hit[] = [];
      for (const doc of combine(terms, false)) {
        const queryTerms = termsOf[doc]!;
        termsOf[doc] = undefined;
        const fields = internals._storedFields.get(doc) ?? NO_FIELDS;
        hits.push({ id: internals._documentIds.get(doc), score: scoreOf[doc]! * (queryTerms.length || 1), queryTerms, fields });
      }
      return hits.sort(byScore);
    },
    search(terms) {
      const results: SearchResult[] = [];
      for (const doc of combine(terms, true)) {
        const queryTerms = termsOf[doc]!;
        const merged = matchOf[doc]!;
        termsOf[doc] = undefined;
        matchOf[doc] = undefined;
        // Merged in query order, as minisearch's OR does: a later term's fields win for an indexed term both reached.
        const match: MatchInfo = Array.isArray(merged) ? Object.assign({}, ...merged) : { ...merged };
        const result: SearchResult = { id: internals._documentIds.get(doc), score: scoreOf[doc]! * (queryTerms.length || 1), terms: Object.keys(match), queryTerms, match };
        results.push(Object.assign(result, internals._storedFields.get(doc)));
      }
      return results.sort(byScore);
    },
  };
}

const byScore = (a: { score: number }, b: { score: number }) => b.score - a.score;

/** A term's raw result kept compactly: its documents and their scores, in minisearch's order. */
function termHits(raw: Map<number, { score: number }>): TermHits {
  const docs = new Int32Array(raw.size);
  const scores = new Float64Array(raw.size);
  let i = 0;
  for (const [doc, { score }] of raw) {
    docs[i] = doc;
    scores[i++] = score;
  }
  return { docs, scores };
}

/** The match info of a term's documents, from the same raw result `termHits` kept (minisearch's order is fixed). */
function matchesOf(hits: TermHits, raw: Map<number, { match: MatchInfo }>): readonly MatchInfo[] {
  const matches: MatchInfo[] = [];
  let i = 0;
  for (const [doc, { match }] of raw) {
    if (hits.docs[i++] !== doc) throw new Error('minisearch reached a term\'s documents in another order');
    for (const fields of Object.values(match)) Object.freeze(fields);
    matches.push(Object.freeze(match));
  }
  return matches;
}
