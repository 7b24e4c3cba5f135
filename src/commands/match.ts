import { loadPack, DEFAULT_PACK_DIR } from '../core/pack/load.js';
import { createMatcher } from '../core/match/create-matcher.js';
import { sideLabel } from '../core/present.js';

/** `rostrum match [--json] TEXT`: the point TEXT makes, as one JSON line or a sentence. */
export async function matchCommand(text: string, options: { json: boolean; motion?: string }): Promise<number> {
  if (!text.trim()) {
    process.stderr.write('usage: rostrum match [--json] [--motion ID] TEXT\nGive the argument to place, e.g. rostrum match "ukraine already uses nato weapons".\n');
    return 2;
  }
  const pack = await loadPack(process.env.CONTENT_PACK || DEFAULT_PACK_DIR);
  if (options.motion && !pack.motionById.has(options.motion)) {
    process.stderr.write(`There is no motion “${options.motion}”. Motions: ${pack.motions.map((m) => m.id).join(', ')}.\n`);
    return 2;
  }
  const match = createMatcher(pack).match(text, { motion: options.motion });
  if (options.json) {
    process.stdout.write(JSON.stringify({ match: match && { point: match.point, motion: match.motion, side: match.side, anchors: match.anchors, score: Number(match.score.toFixed(3)) } }) + '\n');
    return 0;
  }
  if (!match) {
    process.stdout.write('No match: that text makes none of the points in the pack.\n');
    return 0;
  }
  const point = pack.pointById.get(match.point);
  const motion = pack.motionById.get(match.motion);
  process.stdout.write(
    `Point ${match.point} (score ${match.score.toFixed(2)}): ${point?.claim}\n` +
      `It argues ${sideLabel(match.side)} “${motion?.statement}”.\n` +
      (match.anchors.length ? `The article says so at ${match.anchors.join(', ')}.\n` : 'It is an editorial point, not the author’s argument.\n'),
  );
  return 0;
}
