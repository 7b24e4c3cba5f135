import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { SearchResult } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPointIndex, FIELD_BOOSTS, SEARCH_OPTIONS, type IndexOptions, type PointIndex } from '../../../src/core/match/point-index.js';
import { retrieveFrom, searchText, type Retrieval, type Searched } from '../../../src/core/match/retrieve.js';
import { termSearch, type Hit } from '../../../src/core/match/term-search.js';
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

/** Everything a reading decides from, with each candidate's point by id. */
const decidedFrom = (r: Retrieval) => ({ ...r, candidates: r.candidates.map((c) => ({ ...c, point: c.point.id })) });

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
      let lineNo = 0;
      const plainOf = new Map<string, { points: SearchResult[]; examples: SearchResult[] }>();
      for (let round = 0; round < 2; round++) {
        for (const text of lines) {
          // First the hits, as a reading asks (first asked in round 0, remembered in round 1), then the full results.
          const cached = searchText(index, t, text);
          const terms = cached.query.distinct;
          const plain = plainOf.get(text) ?? plainSearches(index, t, terms);
          plainOf.set(text, plain);
          expect(cached.points, text).toEqual(asHits(plain.points));
          expect(cached.examples, text).toEqual(asHits(plain.examples));
          if (terms.length > 0) {
            expect(shape(index.searchPoints.search(terms)), text).toEqual(shape(plain.points));
            if (t.examplesAs === 'documents') expect(shape(index.searchExamples.search(terms)), text).toEqual(shape(plain.examples));
          }
          reached += plain.points.length;
          if (round > 0 || t !== DEFAULT_TUNING) continue;
          // In every scope a reading is judged in, as shipped: the same candidates, scores and features.
          const fromPlain: Searched = { ...cached, points: asHits(plain.points), examples: asHits(plain.examples) };
          // Without a motion and in one (each motion in turn, line by line), as a debate reads a reply.
          for (const motion of [undefined, pack.motions[lineNo++ % pack.motions.length]!.id]) {
            expect(decidedFrom(retrieveFrom(pack, index, t, cached, motion)), `${text} @${motion}`)
              .toEqual(decidedFrom(retrieveFrom(pack, index, t, fromPlain, motion)));
          }
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
