import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../src/core/pack/model.js';
import type { Matcher } from '../../../src/core/match/matcher.js';
import { shippedPack } from '../../support/core.js';
import { percent, type LabelledArgument } from './evaluate.js';

/**
 * A blind set: paraphrases written from each point's claim and explanation only, before the
 * pack's keywords and synonyms were read, as students would type them in chat. Odd-indexed lines
 * (per list) were looked at while tuning keywords/synonyms; even-indexed lines are held out.
 */
interface BlindCases {
  arguments: LabelledArgument[];
  offTopic: string[];
  /** Bare assertions or denials of a motion: no reason given, so no point should match. */
  assertions: { text: string; motion: string; point: null }[];
}

const BLIND_FILE = fileURLToPath(new URL('../../fixtures/match-cases-blind.json', import.meta.url));

const heldOut = <T>(list: T[]) => list.filter((_, i) => i % 2 === 0);
const tuning = <T>(list: T[]) => list.filter((_, i) => i % 2 === 1);

interface Figures {
  accuracy: number;
  withMotion: number;
  top3: number;
  rejection: number;
  assertionRejection: number;
  misses: string[];
}

function measure(matcher: Matcher, pack: Pack, cases: BlindCases): Figures {
  const share = (good: number, all: number) => (all === 0 ? 1 : good / all);
  const misses: string[] = [];
  let first = 0;
  let motionFirst = 0;
  let top3 = 0;
  for (const { text, point } of cases.arguments) {
    const got = matcher.match(text);
    if (got?.point === point) first++;
    else misses.push(`"${text}" → ${got?.point ?? 'none'} (${got?.score.toFixed(2) ?? '-'}), labelled ${point}`);
    const motion = pack.pointById.get(point)?.motion;
    if (matcher.match(text, { motion })?.point === point) motionFirst++;
    if (matcher.rank(text, { limit: 3 }).some((r) => r.point === point)) top3++;
  }
  const rejected = cases.offTopic.filter((text) => matcher.match(text) === null).length;
  const assertionsRejected = cases.assertions.filter(
    ({ text, motion }) => matcher.match(text) === null && matcher.match(text, { motion }) === null,
  ).length;
  return {
    accuracy: share(first, cases.arguments.length),
    withMotion: share(motionFirst, cases.arguments.length),
    top3: share(top3, cases.arguments.length),
    rejection: share(rejected, cases.offTopic.length),
    assertionRejection: share(assertionsRejected, cases.assertions.length),
    misses,
  };
}

const line = (name: string, f: Figures) =>
  `${name}: first match ${percent(f.accuracy)}, with motion ${percent(f.withMotion)}, top-3 ${percent(f.top3)},` +
  ` off-topic rejection ${percent(f.rejection)}, assertion rejection ${percent(f.assertionRejection)}`;

describe('matcher on the blind paraphrase set (tests/fixtures/match-cases-blind.json)', () => {
  let pack: Pack;
  let matcher: Matcher;
  let cases: BlindCases;

  beforeAll(async () => {
    ({ pack, matcher } = await shippedPack());
    cases = JSON.parse(await readFile(BLIND_FILE, 'utf8')) as BlindCases;
  });

  // This set predates the front-door motion and the points added with it, so it covers the first
  // three motions only; tests/fixtures/student-blind.json covers every point.
  it('labels only points and motions that exist, at least two lines for each point it covers', () => {
    expect(cases.arguments.filter((c) => !pack.pointById.has(c.point)).map((c) => c.point)).toEqual([]);
    const motions = new Set([...pack.pointById.values()].map((p) => p.motion));
    expect(cases.assertions.filter((a) => !motions.has(a.motion)).map((a) => a.motion)).toEqual([]);
    // Every point it was written for (the first version's 37, less the two merged into others).
    const perPoint = new Map<string, number>();
    for (const c of cases.arguments) {
      const id = pack.pointById.get(c.point)!.id;
      perPoint.set(id, (perPoint.get(id) ?? 0) + 1);
    }
    expect(perPoint.size).toBeGreaterThanOrEqual(35);
    for (const [id, n] of perPoint) expect(n, id).toBeGreaterThanOrEqual(2);
  });

  it('recognises paraphrased arguments and rejects off-topic lines and bare assertions', () => {
    const full = measure(matcher, pack, cases);
    const tuned = measure(matcher, pack, {
      arguments: tuning(cases.arguments),
      offTopic: tuning(cases.offTopic),
      assertions: tuning(cases.assertions),
    });
    const held = measure(matcher, pack, {
      arguments: heldOut(cases.arguments),
      offTopic: heldOut(cases.offTopic),
      assertions: heldOut(cases.assertions),
    });
    console.log(
      [
        line(`full set (${cases.arguments.length} arguments)`, full),
        line('  tuning half (odd lines)', tuned),
        line('  held-out half (even lines)', held),
        ...full.misses.map((m) => `  miss: ${m}`),
      ].join('\n'),
    );
    // Floors: the held-out figures reached when the set was last tuned, less a margin.
    expect(held.accuracy).toBeGreaterThanOrEqual(HELD_OUT_ACCURACY_FLOOR);
    expect(held.withMotion).toBeGreaterThanOrEqual(HELD_OUT_WITH_MOTION_FLOOR);
    expect(held.top3).toBeGreaterThanOrEqual(HELD_OUT_TOP3_FLOOR);
    expect(full.accuracy).toBeGreaterThanOrEqual(FULL_ACCURACY_FLOOR);
    expect(full.rejection).toBeGreaterThanOrEqual(0.95);
    expect(full.assertionRejection).toBeGreaterThanOrEqual(ASSERTION_REJECTION_FLOOR);
  });
});

// Last tuned (2026-11-26): held-out first match 87.5%, with motion 87.5%, top-3 89.3%; full set 92.8%;
// assertion rejection 71.4% (5/7). Each floor is that figure less about five points (one line for assertions).
// Since the three outcomes, "first match" counts only what the matcher is sure of; with the calibration of
// scripts/calibrate-matcher.ts it measured: held-out first 89.3%, with motion 94.6%, top-3 100%; full set
// 88.3%; off-topic rejection 97.1%; assertion rejection 100%. The floors are unchanged.
const HELD_OUT_ACCURACY_FLOOR = 0.82;
const HELD_OUT_WITH_MOTION_FLOOR = 0.82;
const HELD_OUT_TOP3_FLOOR = 0.84;
const FULL_ACCURACY_FLOOR = 0.87;
const ASSERTION_REJECTION_FLOOR = 0.57;
