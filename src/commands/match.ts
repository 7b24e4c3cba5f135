import { loadPack, DEFAULT_PACK_DIR } from '../core/pack/load.js';
import { createMatcher } from '../core/match/create-matcher.js';
import { readReply } from '../core/match/read-reply.js';
import type { MatchResult } from '../core/match/matcher.js';
import { sideLabel } from '../core/present.js';

const USAGE = 'usage: rostrum match [--json] [--motion ID] [--] TEXT\nGive the argument to place, e.g. rostrum match "ukraine already uses nato weapons"; put -- before a text that starts with "-".\n';

const candidate = (c: MatchResult) => ({ point: c.point, motion: c.motion, side: c.side, score: c.score });

/**
 * `rostrum match [--json] [--motion ID] TEXT`: what the debate would make of TEXT, read exactly as a
 * debate reply is (read-reply.ts). "match" is the point it is sure of, or null; "candidates" are the
 * choices a debate would offer ("Did you mean…?"), empty when it would answer directly or refuse.
 * An empty TEXT is a text that makes no point; no TEXT at all is a usage error.
 */
export async function matchCommand(text: string | undefined, options: { json: boolean; motion?: string }): Promise<number> {
  if (text === undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  const pack = await loadPack(process.env.CONTENT_PACK || DEFAULT_PACK_DIR);
  const motion = options.motion === undefined ? undefined : pack.motionById.get(options.motion);
  if (options.motion !== undefined && !motion) {
    process.stderr.write(`There is no motion “${options.motion}”. Motions: ${pack.motions.map((m) => m.id).join(', ')}.\n`);
    return 2;
  }
  const reading = readReply(createMatcher(pack), text, motion);
  const { match } = reading;
  if (options.json) {
    process.stdout.write(JSON.stringify({
      match: match && { point: match.point, motion: match.motion, side: match.side, anchors: match.anchors, score: match.score },
      candidates: reading.candidates.map(candidate),
    }) + '\n');
    return 0;
  }
  if (reading.rude) {
    process.stdout.write('That text is rude: a debate answers it with a request to keep it civil, and places no point.\n');
    return 0;
  }
  if (match) {
    const point = pack.pointById.get(match.point);
    const m = pack.motionById.get(match.motion);
    process.stdout.write(
      `Point ${match.point} (score ${match.score.toFixed(2)}): ${point?.claim}\n` +
        `It argues ${sideLabel(match.side)} “${m?.statement}”.\n` +
        (match.anchors.length ? `The article says so at ${match.anchors.join(', ')}.\n` : 'It is an editorial point, not the author’s argument.\n'),
    );
    return 0;
  }
  if (reading.candidates.length > 0) {
    const lines = reading.candidates.map((c, i) => `  ${i + 1}. ${c.point} (${sideLabel(c.side)}): ${pack.pointById.get(c.point)?.claim ?? ''}`);
    process.stdout.write(`Not sure: a debate would ask “Did you mean…?” with these choices:\n${lines.join('\n')}\n`);
    return 0;
  }
  process.stdout.write('No match: that text makes none of the points in the pack.\n');
  return 0;
}
