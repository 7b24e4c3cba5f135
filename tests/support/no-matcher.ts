import { distinctTerms } from '../../src/core/match/analyse.js';
import type { Matcher } from '../../src/core/match/matcher.js';

/** A matcher that places nothing, for tests that never debate (the schedule, scale-out instances). */
export const noMatcher: Matcher = {
  judge: () => ({ outcome: 'none', match: null, candidates: [], confidence: 0 }),
  read: (text) => ({ terms: distinctTerms(text), judge: () => ({ outcome: 'none', match: null, candidates: [], confidence: 0 }), match: () => null }),
  match: () => null,
  rank: () => [],
  search: () => [],
};
