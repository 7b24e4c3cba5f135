import type { Pack } from '../pack/model.js';
import type { Motion, Point } from '../pack/schema.js';
import { analyse, analyseNormalised } from './analyse.js';
import { normaliseText } from './normalise.js';
import { makesNoClaim } from './content-free.js';
import { motionTerms } from './motion-terms.js';
import type { ExampleTerms, PointIndex } from './point-index.js';
import { pointEvidence, queryOf, type PointEvidence, type Query } from './score.js';
import type { GroupHit } from './term-search.js';
import type { MatchTuning } from './tuning.js';

/** One point the query's words reach, with what the ranking and the confidence need to know about it. */
export interface Candidate {
  point: Point;
  /** BM25 of the point's document. */
  bm25: number;
  /** BM25 of the point's best example document (examples as documents), else 0. */
  example: number;
  evidence: PointEvidence;
  /** 1 − exp(−evidence / evidenceScale). */
  strength: number;
  /** How like the point's nearest example the query is: weighted Dice overlap of their terms, 0..1. */
  neighbour: number;
  /** The ranking score: higher is a better fit. */
  fit: number;
}

export interface Retrieval {
  query: Query;
  /** The share of the query's term weight that any point in scope uses at all, 0..1. */
  known: number;
  /** Best first. */
  candidates: Candidate[];
  /** The runner-up's nearest example (as Candidate.neighbour), 0 without a runner-up. */
  runnerNeighbour: number;
  /**
   * The query terms that only the first point of the two leaders uses: the words that tell it
   * from the runner-up. One such word is a hint; three are a reason.
   */
  distinctive: number;
  /**
   * The share of the query's distinct terms that are the words of the first point's motion itself
   * (its statement and title), 0..1: "no invite and no article 5" only restates the motion.
   */
  motionWords: number;
  /**
   * In a debate on a motion, the reply makes no claim (content-free.ts): a bare list, or only the
   * motion's topic words, verdicts and talk about the debate. It may be refused, never asked about.
   * Always false without a motion.
   */
  claimless: boolean;
}

/** A text analysed and looked up in the index once, before any scope is applied: see `searchText`. */
export interface Searched {
  text: string;
  /** The text as normaliseText leaves it. */
  normalised: string;
  query: Query;
  /** The points the query's words reach, over the whole pack: see PointHit. */
  hits: PointHit[];
  /** Per point (by its place in index.pointIds) and distinct query term: 1 when the term reached the point's document or an example. */
  reached: Uint8Array;
}

/**
 * Looks a text up in the index over the whole pack. A motion's scope only drops results
 * (minisearch scores every document against the whole index and filters after), so one search serves
 * a reading in the motion's scope and one across the pack alike (`retrieveFrom`).
 */
export function searchText(index: PointIndex, t: MatchTuning, text: string): Searched {
  const normalised = normaliseText(text);
  const query = queryOf(analyseNormalised(normalised), index);
  const reached = new Uint8Array(query.distinct.length * index.pointIds.length);
  if (query.distinct.length === 0) return { text, normalised, query, hits: [], reached };
  // Distinct terms only: repeating a word must not make it count more.
  const points = index.pointsByPoint.best(query.distinct, reached);
  const examples = t.examplesAs === 'documents' ? index.examplesByPoint.best(query.distinct, reached) : [];
  return { text, normalised, query, hits: pointHits(points, examples, index, query.distinct.length), reached };
}

/**
 * BM25 (minisearch) finds the points a query's words reach, over the points' documents and, when
 * they are documents of their own, the pack's example arguments; each is then scored on coverage
 * (score.ts) and ranked by a weighted blend of the two (tuning.rankWeights).
 */
export function retrieve(pack: Pack, index: PointIndex, t: MatchTuning, text: string, motion: string | undefined): Retrieval {
  return retrieveFrom(pack, index, t, searchText(index, t, text), motion);
}

/** `retrieve` from a text already searched, in `motion`'s scope (none: the whole pack). */
export function retrieveFrom(pack: Pack, index: PointIndex, t: MatchTuning, searched: Searched, motion: string | undefined): Retrieval {
  const { text, normalised, query } = searched;
  if (query.distinct.length === 0) return { query, known: 0, candidates: [], runnerNeighbour: 0, distinctive: 0, motionWords: 0, claimless: false };
  const hits = motion === undefined ? searched.hits : searched.hits.filter((h) => h.motion === motion);
  let bestBm25 = 0;
  let bestExample = 0;
  for (const h of hits) {
    bestBm25 = Math.max(bestBm25, h.bm25);
    bestExample = Math.max(bestExample, h.example);
  }
  const candidates: Candidate[] = [];
  for (const h of hits) {
    const { id } = h;
    const point = pack.pointById.get(id);
    const evidence = point && (h.evidence === undefined ? (h.evidence = pointEvidence(query, id, h.place, searched.reached, h.reachedAt, index, t)) : h.evidence);
    if (!point || !evidence) continue;
    const w = t.rankWeights;
    // Only the first candidate's nearest example is a feature: unless it ranks, it is found after sorting.
    const neighbour = w.neighbour > 0 ? nearestOf(h, query, index) : 0;
    const fit = w.coverage * evidence.score
      + w.bm25 * (bestBm25 > 0 ? h.bm25 / bestBm25 : 0)
      + w.example * (bestExample > 0 ? h.example / bestExample : 0)
      + w.neighbour * neighbour;
    candidates.push({ point, bm25: h.bm25, example: h.example, evidence, strength: 1 - Math.exp(-evidence.evidence / t.evidenceScale), neighbour, fit });
  }
  // BM25 breaks ties: it also weighs term frequency and field boosts, which coverage ignores.
  candidates.sort((a, b) => b.fit - a.fit || b.bm25 - a.bm25 || b.example - a.example);
  const [first, second] = candidates;
  const hitOf = (c: Candidate) => hits.find((h) => h.id === c.point.id)!;
  const nearest = (c: Candidate | undefined) =>
    !c ? 0 : t.rankWeights.neighbour > 0 ? c.neighbour : nearestOf(hitOf(c), query, index);
  if (first) first.neighbour = nearest(first);
  const runnerNeighbour = nearest(second);
  if (second) second.neighbour = runnerNeighbour;
  const motionOfFirst = first && pack.motionById.get(first.point.motion);
  const ownWords = motionOfFirst ? motionTerms(motionOfFirst) : undefined;
  // Only a debate has a topic to say nothing beyond: without a motion, judging finds where a line belongs.
  const debated = motion === undefined ? undefined : pack.motionById.get(motion);
  return {
    query, known: knownShare(query, index, motion), candidates, runnerNeighbour,
    distinctive: distinctiveTerms(query, first, second, index),
    motionWords: ownWords ? query.distinct.filter((term) => ownWords.has(term)).length / query.distinct.length : 0,
    claimless: debated !== undefined && makesNoClaim(text, query.distinct, topicTerms(debated, index), normalised),
  };
}

/**
 * What a search found of one point: its document's BM25, its best example's and where its query
 * terms reached are marked (Searched.reached); and, once asked, its evidence and nearest example. A
 * point's document and its examples' are all of its motion, so each scope a text is read in only
 * keeps or drops the point whole, and all of it can be worked out once per search, in the order
 * the points were first reached (the order the candidates keep on a tie: by their documents' hits,
 * best first, then by their examples'), and shared by the readings in every scope.
 */
export interface PointHit {
  id: string;
  motion: string;
  bm25: number;
  example: number;
  /** Its place in index.pointIds. */
  place: number;
  /** Where the point's row of Searched.reached starts. */
  reachedAt: number;
  evidence?: PointEvidence | null;
  neighbour?: number;
}

function pointHits(points: readonly GroupHit[], examples: readonly GroupHit[], index: PointIndex, terms: number): PointHit[] {
  const hits: PointHit[] = [];
  const byGroup = new Map<number, PointHit>();
  const hit = (group: number) => {
    let h = byGroup.get(group);
    if (!h) {
      const id = index.pointIds[group]!;
      byGroup.set(group, (h = { id, motion: index.pointMotions[group]!, bm25: 0, example: 0, place: group, reachedAt: group * terms }));
      hits.push(h);
    }
    return h;
  };
  for (const r of points) hit(r.group).bm25 = r.score;
  for (const r of examples) {
    const h = hit(r.group);
    h.example = Math.max(h.example, r.score);
  }
  return hits;
}

function nearestOf(h: PointHit, query: Query, index: PointIndex): number {
  return (h.neighbour ??= nearestExample(query, index.exampleTermsOf.get(h.id) ?? []));
}

// A motion's topic: its own words and those most of its points use, once per index and motion.
const topicTermCache = new WeakMap<PointIndex, Map<Motion, ReadonlySet<string>>>();
function topicTerms(m: Motion, index: PointIndex): ReadonlySet<string> {
  let ofIndex = topicTermCache.get(index);
  if (!ofIndex) topicTermCache.set(index, (ofIndex = new Map()));
  let terms = ofIndex.get(m);
  // The id is the motion's name as users type it ("/debate start motion:front-door").
  if (!terms) ofIndex.set(m, (terms = new Set([...motionTerms(m), ...analyse(m.id.replaceAll('-', ' ')), ...(index.topicOf.get(m.id) ?? [])])));
  return terms;
}

/** Query terms the first point uses (exactly, in any field) and the runner-up does not. */
function distinctiveTerms(query: Query, first: Candidate | undefined, second: Candidate | undefined, index: PointIndex): number {
  const mine = first && index.placeOf.get(first.point.id);
  if (mine === undefined) return 0;
  const theirs = second && index.placeOf.get(second.point.id);
  const { creditCodes: codes } = index;
  const row = index.termIds.size;
  let n = 0;
  // A point uses a term where its credit code is not 0; a term with no number no point uses.
  for (const id of query.ids) {
    if (id >= 0 && codes[mine * row + id] !== 0 && (theirs === undefined || codes[theirs * row + id] === 0)) n++;
  }
  return n;
}

/**
 * The weighted Dice overlap between the query and the closest of a point's examples: a student
 * line worded like one example ("they get nato intel every day") is that example's point, even when
 * its words are spread thin over the point's whole vocabulary.
 */
function nearestExample(query: Query, examples: readonly ExampleTerms[]): number {
  if (examples.length === 0) return 0;
  const queryWeight = query.total;
  const { asked } = query;
  let best = 0;
  for (const { ids, weights, weight: exampleWeight } of examples) {
    let shared = 0;
    for (let i = 0; i < ids.length; i++) if (asked[ids[i]!]) shared += weights[i]!;
    const total = queryWeight + exampleWeight;
    if (total > 0) best = Math.max(best, (2 * shared) / total);
  }
  return best;
}

function knownShare(query: Query, index: PointIndex, motion: string | undefined): number {
  let known = 0;
  const { distinct, weights, total } = query;
  const vocabulary = motion === undefined ? index.documentFrequency : index.vocabularyOf.get(motion);
  for (let j = 0; j < distinct.length; j++) if (vocabulary?.has(distinct[j]!)) known += weights[j]!;
  return total === 0 ? 0 : known / total;
}
