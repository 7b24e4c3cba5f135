import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/match/analyse.js';
import { rememberTermLookups } from '../../../src/core/match/term-lookups.js';
import { shippedPack } from '../../support/core.js';
import { loadMatchCases } from './evaluate.js';

// The same options as the matcher's search (retrieve.ts): typo-tolerant from five letters, prefixes from six.
const OPTIONS = {
  tokenize: (q: string) => q.split(' '),
  processTerm: (term: string) => term,
  fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
  prefix: (term: string) => term.length >= 6,
  maxFuzzy: 2,
  combineWith: 'OR' as const,
};

async function indexOfPack(): Promise<MiniSearch<{ id: string; text: string }>> {
  const { pack } = await shippedPack();
  const search = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], tokenize: analyse, processTerm: (t) => t });
  search.addAll(pack.points.map((p) => ({ id: p.id, text: [p.claim, ...p.keywords, ...p.synonyms, p.explanation].join('\n') })));
  return search;
}

/** Counts the walks of the term tree that reach it (under any remembering put on top later). */
function countWalks(search: MiniSearch<{ id: string; text: string }>): { fuzzy: number; prefix: number } {
  const tree = (search as unknown as { _index: { fuzzyGet: (...a: never[]) => unknown; atPrefix: (...a: never[]) => unknown } })._index;
  const counts = { fuzzy: 0, prefix: 0 };
  const { fuzzyGet, atPrefix } = tree;
  tree.fuzzyGet = (...a) => (counts.fuzzy++, fuzzyGet.apply(tree, a));
  tree.atPrefix = (...a) => (counts.prefix++, atPrefix.apply(tree, a));
  return counts;
}

describe('rememberTermLookups', () => {
  it('finds exactly what the index finds without it, and walks the tree once per term', async () => {
    const cases = await loadMatchCases();
    // Typos and truncations too: those are what the fuzzy and prefix passes are for.
    const texts = [...cases.arguments.map((a) => a.text), ...cases.offTopic, 'escalat ukrain membershp garantee', 'nato nato nato'];
    const queries = texts.map((t) => [...new Set(analyse(t))].join(' ')).filter(Boolean);
    const plain = await indexOfPack();
    const remembered = await indexOfPack();
    const walks = countWalks(remembered);
    rememberTermLookups(remembered);
    for (let round = 0; round < 2; round++) {
      for (const q of queries) expect(remembered.search(q, OPTIONS), q).toEqual(plain.search(q, OPTIONS));
    }
    const distinct = new Set(queries.flatMap((q) => q.split(' ')));
    expect(walks.prefix).toBe([...distinct].filter((t) => t.length >= 6).length);
    expect(walks.fuzzy).toBe([...distinct].filter((t) => t.length >= 5).length);
    expect(walks.fuzzy).toBeGreaterThan(0);
  });

  it('forgets the oldest terms past its bound and still answers them', async () => {
    const plain = await indexOfPack();
    const remembered = await indexOfPack();
    const walks = countWalks(remembered);
    rememberTermLookups(remembered, 2);
    for (const q of ['escalation', 'membership', 'guarantee', 'escalation']) {
      expect(remembered.search(q, OPTIONS)).toEqual(plain.search(q, OPTIONS));
    }
    // The fourth search came after two others had pushed "escalation" out: its tree was walked again.
    expect(walks.prefix).toBe(4);
  });
});
