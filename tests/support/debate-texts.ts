import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readReply } from '../../src/core/match/read-reply.js';
import type { ReplyReading } from '../../src/core/match/read-reply.js';
import { shippedPack } from './core.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Lines the shipped matcher has never been fitted to be sure of: the labelled sets' arguments and the pack's examples. */
async function pool(): Promise<string[]> {
  const { pack } = await shippedPack();
  const cases = JSON.parse(readFileSync(fixture('match-cases.json'), 'utf8')) as { arguments: { text: string }[] };
  const blind = JSON.parse(readFileSync(fixture('match-cases-blind.json'), 'utf8')) as { arguments: { text: string }[] };
  return [...cases.arguments.map((a) => a.text), ...blind.arguments.map((a) => a.text), ...pack.points.flatMap((p) => pack.examplesOf(p.id))];
}

/**
 * A reply the shipped matcher is unsure of in a debate on `motion` ("Did you mean…?" with at least
 * `min` choices), found among known lines so that no test hard-codes what the calibration does.
 * Throws when there is none, so a test says why.
 */
export async function unsureText(motion: string, min = 2): Promise<{ text: string; reading: ReplyReading }> {
  const { pack, matcher } = await shippedPack();
  for (const text of await pool()) {
    const reading = readReply(matcher, text, pack.motionById.get(motion));
    if (reading.outcome === 'unsure' && reading.candidates.length >= min) return { text, reading };
  }
  throw new Error(`no known line makes the shipped matcher ask on ${motion}`);
}
