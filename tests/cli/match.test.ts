import { describe, expect, it } from 'vitest';
import { runRostrum } from '../support/cli.js';
import { contextFor, shippedPack, testServices } from '../support/core.js';
import { unsureText } from '../support/debate-texts.js';
import { runCommand } from '../../src/core/dispatch.js';
import { choicesOf } from '../support/replies.js';

const MOTION = 'de-facto-member';

async function matchJson(...args: string[]) {
  const r = await runRostrum(['match', '--json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(r.stdout) as { match: { point: string; motion: string; side: string; anchors: string[]; score: number } | null; candidates: { point: string; motion: string; side: string; score: number }[] };
}

describe('rostrum match --json', () => {
  it('prints the candidates a debate would offer, exactly, and no match, for a text it is unsure of', async () => {
    const { text } = await unsureText(MOTION);
    const printed = await matchJson('--motion', MOTION, text);
    expect(printed.match).toBeNull();
    expect(printed.candidates.length).toBeGreaterThanOrEqual(2);
    for (const c of printed.candidates) {
      expect(Object.keys(c).sort()).toEqual(['motion', 'point', 'score', 'side']);
      expect(c.motion).toBe(MOTION);
    }
    // The same text as a reply in a debate on that motion: its pick choices name the same points, in order.
    const services = await testServices();
    const ctx = contextFor(services, 'alice', 'cli-check');
    await runCommand(ctx, { command: 'debate', subcommand: 'start', options: { motion: MOTION, side: 'for' } });
    const replies = await runCommand(ctx, { command: 'debate', subcommand: 'reply', options: { text } });
    const offered = choicesOf(replies).filter((c) => c.id.startsWith('debate:pick:')).map((c) => c.id.split(':').at(-1));
    expect(printed.candidates.map((c) => c.point)).toEqual(offered);
  });

  it('prints the sure point as "match" with no candidates', async () => {
    const { pack, matcher } = await shippedPack();
    const point = pack.pointsOf(MOTION)[0]!;
    const text = [point.claim, ...pack.examplesOf(point.id)].find((t) => matcher.match(t, { motion: MOTION })?.point === point.id);
    expect(text, 'a text the shipped matcher is sure of').toBeDefined();
    const printed = await matchJson('--motion', MOTION, text!);
    expect(printed.match).toMatchObject({ point: point.id, motion: MOTION, side: point.side });
    expect(printed.candidates).toEqual([]);
  });

  it('keeps to --motion, and refuses an unknown one with exit code 2', async () => {
    const { pack } = await shippedPack();
    const other = pack.motions.find((m) => m.id !== MOTION)!;
    const { text } = await unsureText(MOTION, 1);
    const printed = await matchJson('--motion', other.id, text);
    for (const c of printed.candidates) expect(c.motion).toBe(other.id);
    if (printed.match) expect(printed.match.motion).toBe(other.id);
    const bad = await runRostrum(['match', '--json', '--motion', 'no-such-motion', text]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('There is no motion “no-such-motion”');
  });

  it('prints {"match": null, "candidates": []} for an empty text, a rude one and one without a point', async () => {
    expect(await matchJson('')).toEqual({ match: null, candidates: [] });
    expect(await matchJson('--motion', MOTION, 'you are a fucking idiot, ukraine has no article 5')).toEqual({ match: null, candidates: [] });
    expect(await matchJson('--motion', MOTION, 'anyone want pizza after class')).toEqual({ match: null, candidates: [] });
  });

  it('takes a text starting with "-" after --', async () => {
    const dashed = await runRostrum(['match', '--json', '--', '-ukraine has no article 5 guarantee, so it is not a member']);
    expect(dashed.code, dashed.stderr).toBe(0);
    expect(Object.keys(JSON.parse(dashed.stdout)).sort()).toEqual(['candidates', 'match']);
    const refused = await runRostrum(['match', '--json', '-ukraine has no article 5']);
    expect(refused.code).not.toBe(0);
  });
});
