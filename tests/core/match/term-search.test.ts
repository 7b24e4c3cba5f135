import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { SearchResult } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPointIndex, FIELD_BOOSTS, SEARCH_OPTIONS, type IndexOptions, type PointIndex } from '../../../src/core/match/point-index.js';
import { searchText } from '../../../src/core/match/retrieve.js';
import { termSearch, type GroupHit, type Hit } from '../../../src/core/match/term-search.js';
import { DEFAULT_TUNING, type MatchTuning } from '../../../src/core/match/tuning.js';
import type { Pack } from '../../../src/core/pack/model.js';
import { shippedPack } from '../../support/core.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Every text in the match fixtures: labelled arguments, chatter, assertions, the student sets. */
async function fixtureLines(): Promise<string[]> {
  const lines: string[] = [];
  const collect = (x: unknown): void => {
    if (typeof x === 'string') lines.push(x);
    else if (Array.isArray(x)) x.forEach(collect);
    else if (x && typeof x === 'object' && 'text' in x && typeof x.text === 'string') lines.push(x.text);
    else if (x && typeof x === 'object') for (const [key, v] of Object.entries(x)) if (key !== 'note') collect(v);
  };
  for (const file of (await readdir(FIXTURES)).filter((f) => f.endsWith('.json')).sort()) {
    collect(JSON.parse(await readFile(`${FIXTURES}${file}`, 'utf8')));
  }
  return lines;
}

/** Plain minisearch searches of a text's joined distinct terms, as `searchText` made them before. */
function plainSearches(index: PointIndex, t: MatchTuning, terms: readonly string[]): { points: SearchResult[]; examples: SearchResult[] } {
  const q = terms.join(' ');
  if (!q) return { points: [], examples: [] };
  return {
    points: index.search.search(q, { ...SEARCH_OPTIONS, boost: { ...FIELD_BOOSTS, examples: t.exampleBoost } }),
    examples: t.examplesAs === 'documents' ? index.exampleSearch.search(q, SEARCH_OPTIONS) : [],
  };
}

// Every field, scores exactly (not merely to 1e-9); arrays copied so frozen and fresh ones compare alike.
const shape = (rs: readonly SearchResult[]) => rs.map((r) => ({ ...r, terms: [...r.terms], queryTerms: [...r.queryTerms] }));

/** minisearch's results as hits: the same without the match info, the stored fields apart. */
const asHits = (rs: readonly SearchResult[]): Hit[] =>
  rs.map(({ id, score, queryTerms, terms: _terms, match: _match, ...fields }) => ({ id, score, queryTerms: [...queryTerms], fields }));

/**
 * minisearch's results by group, as a reading reads them: each group where its first result stands
 * (results are best first, ties in the order reached), with that result's score, and the query terms
 * any of its results was reached by marked in `reached` (a row of `terms.length` per group).
 */
function byGroup(results: readonly SearchResult[], groupOf: (r: SearchResult) => number, terms: readonly string[], reached: Uint8Array): GroupHit[] {
  const groups: GroupHit[] = [];
  for (const r of results) {
    const group = groupOf(r);
    if (!groups.some((g) => g.group === group)) groups.push({ group, score: r.score });
    for (const term of r.queryTerms) reached[group * terms.length + terms.indexOf(term)] = 1;
  }
  return groups;
}

/** Each point a search reaches, as [id, BM25, best example's BM25]: those its document reaches in their order, then those only its examples reach. */
function pointsThenExamples(index: PointIndex, points: readonly GroupHit[], examples: readonly GroupHit[]): [string, number, number][] {
  const rows = new Map<number, [string, number, number]>(points.map((g) => [g.group, [index.pointIds[g.group]!, g.score, 0]]));
  for (const g of examples) {
    const row = rows.get(g.group) ?? [index.pointIds[g.group]!, 0, 0];
    row[2] = g.score;
    rows.set(g.group, row);
  }
  return [...rows.values()];
}

describe('termSearch', () => {
  let pack: Pack;
  let lines: string[];
  beforeAll(async () => {
    ({ pack } = await shippedPack());
    // Typos, truncations, digits and a repeated word too: what the fuzzy and prefix passes are for.
    const odd = ['escalat ukrain membershp garantee', 'nato nato nato', 'article 5 and 2008 bucharest', 'zzzzqx'];
    lines = [...(await fixtureLines()), ...pack.points.flatMap((p) => pack.examplesOf(p.id)), ...odd];
    expect(lines.length).toBeGreaterThan(2000);
  });

  // The shipped tuning (examples as documents), and examples as a boosted field of their point.
  const settings: [string, MatchTuning][] = [
    ['examples as documents', DEFAULT_TUNING],
    ['examples as a boosted field', { ...DEFAULT_TUNING, examplesAs: 'field', exampleBoost: 2, exampleCredit: 0.75 }],
  ];
  for (const [name, t] of settings) {
    it(`finds what minisearch finds, line for line, first asked and remembered (${name})`, () => {
      const options: IndexOptions = { examplesAs: t.examplesAs, exampleCredit: t.exampleCredit, exampleBoost: t.exampleBoost };
      const index = buildPointIndex(pack.points, pack.examplesOf, options);
      let reached = 0;
      const plainOf = new Map<string, { points: SearchResult[]; examples: SearchResult[] }>();
      for (let round = 0; round < 2; round++) {
        for (const text of lines) {
          // First the hits, as a reading asks (first asked in round 0, remembered in round 1), then the full results.
          const cached = searchText(index, t, text);
          const terms = cached.query.distinct;
          const plain = plainOf.get(text) ?? plainSearches(index, t, terms);
          plainOf.set(text, plain);
          // What a reading is read from: each point's best document and example, in order, and the terms that reached it.
          const ordinal = (id: unknown) => index.pointIds.indexOf(String(id));
          const marked = new Uint8Array(terms.length * index.pointIds.length);
          const points = byGroup(plain.points, (r) => ordinal(r.id), terms, marked);
          const examples = byGroup(plain.examples, (r) => ordinal(r['point']), terms, marked);
          const found = new Uint8Array(marked.length);
          if (terms.length > 0) {
            expect(index.pointsByPoint.best(terms, found), text).toEqual(points);
            expect(index.examplesByPoint.best(terms, found), text).toEqual(t.examplesAs === 'documents' ? examples : []);
          }
          expect(found, text).toEqual(marked);
          expect(cached.reached, text).toEqual(marked);
          expect(cached.hits.map((h) => [h.id, h.bm25, h.example]), text).toEqual(pointsThenExamples(index, points, examples));
          if (terms.length > 0) {
            expect(index.searchPoints.hits(terms), text).toEqual(asHits(plain.points));
            expect(shape(index.searchPoints.search(terms)), text).toEqual(shape(plain.points));
            if (t.examplesAs === 'documents') {
              expect(index.searchExamples.hits(terms), text).toEqual(asHits(plain.examples));
              expect(shape(index.searchExamples.search(terms)), text).toEqual(shape(plain.examples));
            }
          }
          reached += plain.points.length;
        }
      }
      expect(reached).toBeGreaterThan(lines.length);
    }, 600_000);
  }

  it('forgets the least recently asked term past its bound and still answers it', () => {
    const index = buildPointIndex(pack.points, pack.examplesOf, { examplesAs: 'documents', exampleCredit: 1, exampleBoost: 1 });
    const search = termSearch(index.exampleSearch, SEARCH_OPTIONS, 2);
    const internals = index.exampleSearch as unknown as { executeQuery: (...a: unknown[]) => unknown };
    const { executeQuery } = internals;
    let asked = 0;
    internals.executeQuery = (...a) => (asked++, executeQuery.apply(index.exampleSearch, a));
    for (const terms of [['escal', 'membership'], ['escal'], ['guarante'], ['membership'], ['escal']]) {
      expect(search.hits(terms)).toEqual(asHits(index.exampleSearch.search(terms.join(' '), SEARCH_OPTIONS)));
    }
    // Remembered in order of use: "escal", used again, outlived "membership" when "guarante" came;
    // "membership", asked again, then pushed "escal" out. First-in-first-out would have kept
    // "membership" and asked 4 times. Each plain search above asked once itself.
    const plainAsks = 5;
    expect(asked - plainAsks).toBe(5);
  });
});
