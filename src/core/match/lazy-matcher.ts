import type { Matcher } from './matcher.js';

export interface LazyMatcher extends Matcher {
  /** Loads the matcher's code, once; its methods answer only after this has resolved. */
  load(): Promise<void>;
  /** Loads the code and builds the index now, if not done yet. */
  warm(): Promise<void>;
}

/**
 * A matcher whose code loads, and whose index is built, on first use. Loading and building are most
 * of what start-up would cost, and a terminal session or a script may never need them; a platform
 * adapter warms it once it is connected. The code loads asynchronously (an ES module), so whatever
 * calls the matcher awaits `load()` first: command and choice handlers run after Services.ready.
 */
export function lazyMatcher(load: () => Promise<() => Matcher>): LazyMatcher {
  let build: (() => Matcher) | undefined;
  let loading: Promise<void> | undefined;
  let built: Matcher | undefined;
  const get = () => {
    if (!build) throw new Error('the matcher was used before its code loaded (await Services.ready first)');
    return (built ??= build());
  };
  const loaded = () => (loading ??= load().then(
    (b) => {
      build = b;
    },
    (err: unknown) => {
      loading = undefined; // a later request tries again
      throw err;
    },
  ));
  return {
    judge: (text, options) => get().judge(text, options),
    match: (text, options) => get().match(text, options),
    read: (text) => get().read(text),
    search: (text, options) => get().search(text, options),
    rank: (text, options) => get().rank(text, options),
    load: loaded,
    warm: async () => {
      await loaded();
      get();
    },
  };
}
