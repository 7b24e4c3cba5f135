import MiniSearch from 'minisearch';
import type { Point } from '../pack/schema.js';
import { analyse } from './analyse.js';
import { pointPhrases } from './phrases.js';

/** A point as the search index sees it: one text per field. */
interface PointDocument {
  id: string;
  motion: string;
  claim: string;
  keywords: string;
  synonyms: string;
  explanation: string;
  quotes: string;
}

type Field = Exclude<keyof PointDocument, 'id' | 'motion'>;

/**
 * BM25 field boosts. The keywords and synonyms are what the pack's authors wrote for matching, so
 * they weigh most; the claim is the point in one line; the explanation and the article's own words
 * add recall but also many incidental words, so they weigh least.
 */
export const FIELD_BOOSTS: Readonly<Record<Field, number>> = {
  keywords: 3,
  synonyms: 3,
  claim: 2,
  explanation: 1,
  quotes: 0.75,
};

/**
 * How much a query term found in a field counts towards coverage. The curated fields describe the
 * point itself; in running prose (the explanation, the article's quotes) a shared word is often
 * incidental ("serving" in a quote is not what a line about military service is about).
 */
export const FIELD_CREDIT: Readonly<Record<Field, number>> = {
  keywords: 1,
  synonyms: 1,
  claim: 1,
  explanation: 0.75,
  quotes: 0.5,
};

/** The credit of the curated fields: a term there is part of how the pack describes the point. */
export const CURATED_CREDIT = 1;

const FIELDS = Object.keys(FIELD_BOOSTS) as Field[];

/** Everything built once per pack: the BM25 index and the per-point vocabularies coverage is judged on. */
export interface PointIndex {
  search: MiniSearch<PointDocument>;
  /** Each point's distinct analysed terms, with the best field credit each earns there. */
  termsOf: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Each point's multi-word keywords and synonyms, analysed. */
  phrasesOf: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** How many points use each term: the basis of a term's weight. */
  documentFrequency: ReadonlyMap<string, number>;
  pointCount: number;
}

function toDocument(p: Point): PointDocument {
  return {
    id: p.id,
    motion: p.motion,
    claim: p.claim,
    // A line per phrase so one keyword's words never read as the next one's.
    keywords: p.keywords.join('\n'),
    synonyms: p.synonyms.join('\n'),
    explanation: p.explanation,
    quotes: p.quotes.map((q) => q.text).join('\n'),
  };
}

function creditedTerms(doc: PointDocument): Map<string, number> {
  const terms = new Map<string, number>();
  for (const field of FIELDS) {
    for (const term of analyse(doc[field])) {
      terms.set(term, Math.max(terms.get(term) ?? 0, FIELD_CREDIT[field]));
    }
  }
  return terms;
}

export function buildPointIndex(points: readonly Point[]): PointIndex {
  const search = new MiniSearch<PointDocument>({
    fields: FIELDS,
    storeFields: ['motion'],
    // The index and queries share one analyser; terms arrive already stemmed and filtered.
    tokenize: analyse,
    processTerm: (term) => term,
  });
  const docs = points.map(toDocument);
  search.addAll(docs);

  const termsOf = new Map<string, Map<string, number>>();
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) {
    const terms = creditedTerms(doc);
    termsOf.set(doc.id, terms);
    for (const t of terms.keys()) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  }
  const phrasesOf = new Map(points.map((p) => [p.id, pointPhrases(p)] as const));
  return { search, termsOf, phrasesOf, documentFrequency, pointCount: docs.length };
}
