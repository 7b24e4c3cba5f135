import type { Matcher } from './matcher.js';

export interface LazyMatcher extends Matcher {
  /** Builds the index now if it is not built yet. */
  warm(): void;
}

/**
 * A matcher whose index is built on first use. Building it is most of what start-up costs, and a
 * terminal session or a script may never need it; a platform adapter warms it once it is connected.
 */
export function lazyMatcher(build: () => Matcher): LazyMatcher {
  let built: Matcher | undefined;
  const get = () => (built ??= build());
  return {
    judge: (text, options) => get().judge(text, options),
    match: (text, options) => get().match(text, options),
    read: (text) => get().read(text),
    search: (text, options) => get().search(text, options),
    rank: (text, options) => get().rank(text, options),
    warm: () => void get(),
  };
}
