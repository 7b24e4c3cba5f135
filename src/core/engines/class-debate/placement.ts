import type { Services } from '../../context.js';

/**
 * Where an argument sits among the motion's points: `sure` of one, `unsure` between a few (the
 * speaker is asked which), or `none`. The matcher decides; this only puts its answer in these terms.
 */
export type Placement =
  | { outcome: 'sure'; point: string }
  | { outcome: 'unsure'; candidates: string[] }
  | { outcome: 'none' };

export function placeArgument(services: Services, text: string, motion: string): Placement {
  const match = services.matcher.match(text, { motion });
  if (match) return { outcome: 'sure', point: match.point };
  // Until the matcher reports doubt of its own, an argument it does not place is posted untagged.
  return { outcome: 'none' };
}
