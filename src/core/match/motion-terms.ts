import type { Motion } from '../pack/schema.js';
import { analyse } from './analyse.js';

// Analysed once per motion object: a pack's motions live as long as it does.
const motionTermCache = new WeakMap<Motion, ReadonlySet<string>>();

/** A motion's own words (its statement and title), analysed: what a reply in its debate may merely repeat. */
export function motionTerms(motion: Motion): ReadonlySet<string> {
  let terms = motionTermCache.get(motion);
  if (!terms) motionTermCache.set(motion, (terms = new Set(analyse(`${motion.statement} ${motion.title}`))));
  return terms;
}
