import type { Services } from '../../context.js';
import { readReply } from '../../match/read-reply.js';

/**
 * Where an argument sits among the motion's points: `sure` of one, `unsure` between a few (the
 * speaker is asked which), `none`, or `rude` (not posted). The debate's own reading decides
 * (readReply), so a class debate places an argument exactly as a one-to-one debate would.
 */
export type Placement =
  | { outcome: 'sure'; point: string }
  | { outcome: 'unsure'; candidates: string[] }
  | { outcome: 'none' }
  | { outcome: 'rude' };

export function placeArgument(services: Services, text: string, motionId: string): Placement {
  const reading = readReply(services.matcher, text, services.pack.motionById.get(motionId));
  if (reading.rude) return { outcome: 'rude' };
  if (reading.outcome === 'sure' && reading.match) return { outcome: 'sure', point: reading.match.point };
  if (reading.outcome === 'unsure' && reading.candidates.length > 0) return { outcome: 'unsure', candidates: reading.candidates.map((c) => c.point) };
  return { outcome: 'none' };
}
