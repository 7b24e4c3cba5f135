import MiniSearch from 'minisearch';
import type { Point } from '../pack/schema.js';
import { analyse } from './analyse.js';
import { pointPhrases } from './phrases.js';
import { weightFor } from './coverage.js';
import { termSearch, type GroupedSearch, type TermSearch } from './term-search.js';

/** A point as the search index sees it: one text per field. */
interface PointDocument {
  id: string;
  motion: string;
  claim: string;
  keywords: string;
  synonyms: string;
  explanation: string;
  quotes: string;
  /** The pack's student-style example arguments for the point (examples.json). */
  examples: string;
}

/** One example argument as a document of its own, so a reply close to one example can win on it alone. */
interface ExampleDocument {
  id: string;
  point: string;
  motion: string;
  text: string;
}

export type Field = Exclude<keyof PointDocument, 'id' | 'motion'>;

/**
 * BM25 field boosts. The keywords and synonyms are what the pack's authors wrote for matching, so
 * they weigh most; the claim is the point in one line; the explanation and the article's own words
 * add recall but also many incidental words, so they weigh least. The examples are how students
 * actually put the point; their weight is a tuning knob (tuning.ts), measured by the calibration.
 */
export const FIELD_BOOSTS: Readonly<Record<Exclude<Field, 'examples'>, number>> = {
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
export const FIELD_CREDIT: Readonly<Record<Exclude<Field, 'examples'>, number>> = {
  keywords: 1,
  synonyms: 1,
  claim: 1,
  explanation: 0.75,
  quotes: 0.5,
};

/** The credit of the curated fields: a term there is part of how the pack describes the point. */
export const CURATED_CREDIT = 1;

/** A term used by at least this share of a motion's points is its topic, not a point's. */
export const TOPIC_SHARE = 0.6;

const FIELDS: Field[] = ['claim', 'keywords', 'synonyms', 'explanation', 'quotes', 'examples'];

export interface IndexOptions {
  /** Where the examples go: a field of their point's document, or documents of their own. */
  examplesAs: 'field' | 'documents';
  /** Coverage credit of a term that only the point's examples use. */
  exampleCredit: number;
  /** BM25 boost of the examples field (field mode). */
  exampleBoost: number;
}

// Typos shorter than five letters are mostly other words ("war"/"was"), so only longer terms are fuzzy.
const fuzzy = (term: string) => (term.length >= 5 ? 0.2 : false);
// Prefixes of long stems catch truncations ("escalat…"); short prefixes would match half the index.
const prefix = (term: string) => term.length >= 6;

/**
 * How a query's analysed, distinct terms are looked up in either index: any of them may match
 * (OR), with typos and prefixes as above.
 */
export const SEARCH_OPTIONS = {
  tokenize: (q: string) => q.split(' '),
  processTerm: (term: string) => term,
  fuzzy,
  prefix,
  maxFuzzy: 2,
  combineWith: 'OR' as const,
};

/** Everything built once per pack: the BM25 indexes and the per-point vocabularies coverage is judged on. */
export interface PointIndex {
  search: MiniSearch<PointDocument>;
  /** The examples as documents of their own; empty when they are a field of their point. */
  exampleSearch: MiniSearch<ExampleDocument>;
  /** A query's distinct terms looked up in `search` with SEARCH_OPTIONS and the field boosts (term-search.ts). */
  searchPoints: TermSearch;
  /** The same in `exampleSearch`, unboosted. */
  searchExamples: TermSearch;
  /** The points, by their place in `pointIds`: the groups `pointsByPoint` and `examplesByPoint` answer with. */
  pointIds: readonly string[];
  /** Their motions, in the same places. */
  pointMotions: readonly string[];
  /** Each point's place in pointIds. */
  placeOf: ReadonlyMap<string, number>;
  /** `searchPoints` with each point's document as its group. */
  pointsByPoint: GroupedSearch;
  /** `searchExamples` with each point's examples as its group (none when the examples are a field). */
  examplesByPoint: GroupedSearch;
  /** Each point's distinct analysed terms, with the best field credit each earns there. */
  termsOf: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Every term a point uses, numbered: a reply's terms are numbered once, then looked up by number. */
  termIds: ReadonlyMap<string, number>;
  /** The terms by number: the index's own strings, the keys of its maps. */
  termNames: readonly string[];
  /** Their weights by number, as termWeights has them. */
  weightOfId: Float64Array;
  /**
   * `termsOf` as a table, a row of termIds.size per point (by its place in pointIds): 0 where the
   * point does not use the term, else the place in `credits` of the credit it earns there.
   */
  creditCodes: Uint8Array;
  /** The credits `creditCodes` name; the first (code 0, no credit) is NaN and never read. */
  credits: readonly number[];
  /** Each point's multi-word keywords and synonyms, analysed. */
  phrasesOf: ReadonlyMap<string, readonly (readonly string[])[]>;
  /** How many points use each term: the basis of a term's weight. */
  documentFrequency: ReadonlyMap<string, number>;
  /** Each known term's weight (coverage.ts), computed once. */
  termWeights: ReadonlyMap<string, number>;
  /** The weight of a term no point uses. */
  unknownTermWeight: number;
  /** Each point's examples, each as its distinct analysed terms: the nearest one is a feature of its own. */
  exampleTermsOf: ReadonlyMap<string, readonly ExampleTerms[]>;
  /** Terms any point of a motion uses: what a reply in a debate on that motion can be judged on. */
  vocabularyOf: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * Terms most of a motion's points use (at least TOPIC_SHARE of them): the debate's topic
   * ("ukraine", "nato"), which cannot tell one of its points from another.
   */
  topicOf: ReadonlyMap<string, ReadonlySet<string>>;
  pointCount: number;
}

/** One example's distinct analysed terms in first-seen order, each with its weight, and their sum (in that order). */
export interface ExampleTerms {
  /** The terms by number (termIds): every example's terms are its point's, so all are numbered. */
  ids: Int32Array;
  weights: Float64Array;
  weight: number;
}

function toDocument(p: Point, examples: readonly string[], inField: boolean): PointDocument {
  return {
    id: p.id,
    motion: p.motion,
    claim: p.claim,
    // A line per phrase so one keyword's words never read as the next one's.
    keywords: p.keywords.join('\n'),
    synonyms: p.synonyms.join('\n'),
    explanation: p.explanation,
    quotes: p.quotes.map((q) => q.text).join('\n'),
    examples: inField ? examples.join('\n') : '',
  };
}

function creditedTerms(p: Point, examples: readonly string[], exampleCredit: number): Map<string, number> {
  const doc = toDocument(p, examples, true);
  const terms = new Map<string, number>();
  for (const field of FIELDS) {
    const credit = field === 'examples' ? exampleCredit : FIELD_CREDIT[field];
    for (const term of analyse(doc[field])) terms.set(term, Math.max(terms.get(term) ?? 0, credit));
  }
  return terms;
}

export function buildPointIndex(
  points: readonly Point[],
  examplesOf: (pointId: string) => readonly string[],
  options: IndexOptions,
): PointIndex {
  const inField = options.examplesAs === 'field';
  // The index and queries share one analyser; terms arrive already stemmed and filtered.
  const analysed = { tokenize: analyse, processTerm: (term: string) => term };
  const search = new MiniSearch<PointDocument>({ fields: FIELDS, storeFields: ['motion'], ...analysed });
  search.addAll(points.map((p) => toDocument(p, examplesOf(p.id), inField)));
  const exampleSearch = new MiniSearch<ExampleDocument>({ fields: ['text'], storeFields: ['point', 'motion'], ...analysed });
  if (!inField) {
    exampleSearch.addAll(points.flatMap((p) =>
      examplesOf(p.id).map((text, i) => ({ id: `${p.id}#${i}`, point: p.id, motion: p.motion, text }))));
  }
  const searchPoints = termSearch(search, { ...SEARCH_OPTIONS, boost: { ...FIELD_BOOSTS, examples: options.exampleBoost } });
  const searchExamples = termSearch(exampleSearch, SEARCH_OPTIONS);

  const termsOf = new Map<string, Map<string, number>>();
  const documentFrequency = new Map<string, number>();
  const vocabularyOf = new Map<string, Set<string>>();
  // Per motion: how many of its points there are, and how many use each term.
  const motionPoints = new Map<string, number>();
  const motionFrequency = new Map<string, Map<string, number>>();
  for (const p of points) {
    const terms = creditedTerms(p, examplesOf(p.id), options.exampleCredit);
    termsOf.set(p.id, terms);
    const vocabulary = vocabularyOf.get(p.motion) ?? new Set<string>();
    vocabularyOf.set(p.motion, vocabulary);
    motionPoints.set(p.motion, (motionPoints.get(p.motion) ?? 0) + 1);
    const frequency = motionFrequency.get(p.motion) ?? new Map<string, number>();
    motionFrequency.set(p.motion, frequency);
    for (const t of terms.keys()) {
      documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
      frequency.set(t, (frequency.get(t) ?? 0) + 1);
      vocabulary.add(t);
    }
  }
  const topicOf = new Map([...motionFrequency].map(([motion, frequency]) => {
    const enough = (motionPoints.get(motion) ?? 0) * TOPIC_SHARE;
    return [motion, new Set([...frequency].filter(([, n]) => n >= enough).map(([t]) => t))] as const;
  }));
  const phrasesOf = new Map(points.map((p) => [p.id, pointPhrases(p)] as const));
  const n = points.length;
  const termWeights = new Map([...documentFrequency].map(([term, df]) => [term, weightFor(df, n)] as const));
  const unknownTermWeight = weightFor(0, n);
  // The weights are the pack's, so every reply weighs each example the same: summed here, once.
  const termNames = [...documentFrequency.keys()];
  const termIds = new Map(termNames.map((term, i) => [term, i] as const));
  const weightOfId = new Float64Array(termNames.length);
  termNames.forEach((term, i) => (weightOfId[i] = termWeights.get(term)!));
  const exampleTerms = (example: string): ExampleTerms => {
    const terms = [...new Set(analyse(example))];
    const ids = new Int32Array(terms.length);
    const weights = new Float64Array(terms.length);
    let weight = 0;
    terms.forEach((term, i) => {
      ids[i] = termIds.get(term) ?? -1;
      weights[i] = termWeights.get(term) ?? unknownTermWeight;
      weight += weights[i]!;
    });
    return { ids, weights, weight };
  };
  const exampleTermsOf = new Map(points.map((p) => [p.id, examplesOf(p.id).map(exampleTerms)] as const));
  const pointIds = points.map((p) => p.id);
  // Code 0 is no credit at all, apart from a credit of 0, which a term used only in a field so weighed still earns.
  const credits: number[] = [Number.NaN];
  const creditCodes = new Uint8Array(pointIds.length * termIds.size);
  pointIds.forEach((id, place) => {
    for (const [term, credit] of termsOf.get(id) ?? []) {
      if (!credits.includes(credit)) credits.push(credit);
      creditCodes[place * termIds.size + termIds.get(term)!] = credits.indexOf(credit);
    }
  });
  if (credits.length > 256) throw new Error('more field credits than a byte can name');
  const ordinal = new Map(pointIds.map((id, i) => [id, i] as const));
  const pointsByPoint = searchPoints.grouped((id) => ordinal.get(String(id)) ?? -1);
  const examplesByPoint = searchExamples.grouped((_, fields) => ordinal.get(String(fields['point'])) ?? -1);
  return {
    search, exampleSearch, searchPoints, searchExamples, pointIds, pointMotions: points.map((p) => p.motion), placeOf: ordinal, pointsByPoint, examplesByPoint, termsOf, termIds, termNames, weightOfId, creditCodes, credits, phrasesOf, exampleTermsOf,
    documentFrequency, termWeights, unknownTermWeight, vocabularyOf, topicOf, pointCount: n,
  };
}
