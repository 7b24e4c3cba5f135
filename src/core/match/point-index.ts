import MiniSearch from 'minisearch';
import type { Point } from '../pack/schema.js';
import { analyse } from './analyse.js';

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

/**
 * Field boosts. The keywords and synonyms are what the pack's authors wrote for matching, so they
 * weigh most; the claim is the point in one line; the explanation and the article's own words add
 * recall but also many incidental words, so they weigh least.
 */
export const FIELD_BOOSTS = {
  keywords: 3,
  synonyms: 3,
  claim: 2,
  explanation: 1,
  quotes: 0.75,
} as const;

const FIELDS = Object.keys(FIELD_BOOSTS) as (keyof typeof FIELD_BOOSTS)[];

/** Everything built once per pack: the BM25 index and the per-point vocabularies coverage is judged on. */
export interface PointIndex {
  search: MiniSearch<PointDocument>;
  /** Each point's distinct analysed terms, over all fields. */
  termsOf: ReadonlyMap<string, ReadonlySet<string>>;
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

  const termsOf = new Map<string, Set<string>>();
  const documentFrequency = new Map<string, number>();
  for (const doc of docs) {
    const terms = new Set(FIELDS.flatMap((f) => analyse(doc[f])));
    termsOf.set(doc.id, terms);
    for (const t of terms) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
  }
  return { search, termsOf, documentFrequency, pointCount: docs.length };
}
