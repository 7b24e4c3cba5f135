import type MiniSearch from 'minisearch';

/** The part of minisearch's term tree (its SearchableMap) that a fuzzy or prefix query walks. */
interface TermTree {
  fuzzyGet(term: string, maxDistance: number): Map<string, [unknown, number]>;
  atPrefix(prefix: string): Iterable<[string, unknown]>;
}

/** Distinct query terms remembered per index; past this the oldest are forgotten. */
export const MAX_REMEMBERED_TERMS = 4096;

/**
 * Makes `search` remember which indexed terms each query term reaches by typo (fuzzyGet) and by
 * prefix (atPrefix). Walking the term tree for those was the largest part of reading a debate reply,
 * and the answer for a term depends only on the index, which is complete and never changes after it
 * is built: results are the same, term for term. Replies in a debate share most of their words, so
 * most lookups are then remembered. Call it once the index holds every document: a document added
 * later would not be seen by terms already remembered.
 *
 * minisearch keeps the tree in a private field (`_index`); the version is pinned (package.json).
 */
export function rememberTermLookups<T>(search: MiniSearch<T>, max = MAX_REMEMBERED_TERMS): void {
  const tree = (search as unknown as { _index: TermTree })._index;
  const fuzzyGet = tree.fuzzyGet.bind(tree);
  const atPrefix = tree.atPrefix.bind(tree);
  const fuzzy = new Map<string, Map<string, [unknown, number]>>();
  const prefixed = new Map<string, [string, unknown][]>();
  const remember = <T>(cache: Map<string, T>, key: string, value: T) => {
    if (cache.size >= max) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
    return value;
  };
  // A copy each time: minisearch deletes from the fuzzy matches the terms its prefix pass scored.
  tree.fuzzyGet = (term, maxDistance) => {
    const key = `${maxDistance}:${term}`;
    return new Map(fuzzy.get(key) ?? remember(fuzzy, key, fuzzyGet(term, maxDistance)));
  };
  tree.atPrefix = (prefix) => prefixed.get(prefix) ?? remember(prefixed, prefix, [...atPrefix(prefix)]);
}
