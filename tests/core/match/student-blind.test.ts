import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../src/core/pack/model.js';
import type { Matcher } from '../../../src/core/match/matcher.js';
import { readReply } from '../../../src/core/match/read-reply.js';
import { shippedPack } from '../../support/core.js';
import { describeFigures, tally, type OutcomeFigures } from './outcomes.js';
import { blindEntries, STUDENT_BLIND_FILE, type BlindEntry } from './student-blind.js';

/**
 * The honest measure (issue 10): tests/fixtures/student-blind.json, written from the article and
 * the points' claims only. The matcher was tuned on the "tune" half alone; the "heldout" half is
 * read here and only here, with the motion of the debate given, exactly as a debate reads a reply.
 * Only figures are printed, never a held-out line, so that nobody tunes to it by reading misses.
 */
let pack: Pack;
let matcher: Matcher;
let entries: BlindEntry[];

beforeAll(async () => {
  ({ pack, matcher } = await shippedPack());
  entries = blindEntries(JSON.parse(await readFile(STUDENT_BLIND_FILE, 'utf8')));
});

function measure(half: BlindEntry['half']): OutcomeFigures {
  return tally(entries.filter((e) => e.half === half), (e) => readReply(matcher, e.text, pack.motionById.get(e.motion)));
}

describe('the matcher on the blind student set (held-out half, motion given)', () => {
  it('labels only motions and points the pack has, each point on its own motion', () => {
    const bad = entries.filter((e) => !pack.motionById.has(e.motion) || (e.point !== null && pack.pointById.get(e.point)?.motion !== e.motion));
    // Counted, not listed: the held-out lines are not for reading.
    expect(bad.length, `${bad.length} cases name a motion or point the pack lacks`).toBe(0);
    expect(entries.filter((e) => e.half === 'heldout').length).toBeGreaterThanOrEqual(75);
  });

  it('answers, asks or refuses as well as when last measured', () => {
    const held = measure('heldout');
    const tune = measure('tune');
    // The held-out half shows its four aggregate figures and nothing else.
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log([
      `held-out half (${held.arguments} arguments, ${held.noPoint} lines without a point): first ${pct(held.first)}, ` +
        `first or offered ${pct(held.offered)}, refused ${pct(held.refused)}, wrong ${pct(held.wrong)}`,
      `  (tune half, fitted on: ${describeFigures(tune)})`,
    ].join('\n'));
    expect(held.first).toBeGreaterThanOrEqual(FLOORS.first);
    expect(held.offered).toBeGreaterThanOrEqual(FLOORS.offered);
    expect(held.refused).toBeGreaterThanOrEqual(FLOORS.refused);
    expect(held.wrong).toBeLessThanOrEqual(FLOORS.wrong);
  });
});

// Measured on the held-out half once, after the calibration of scripts/calibrate-matcher.ts (tune half,
// examples, older sets): first 76.9%, first or offered 93.5%, wrong 0.9%, asked 18.5% (108 arguments);
// refused 100% (25 lines). Below the aims for first (85%) and offered (95%); within them for
// wrong (≤ 3%) and refusals (≥ 95%). Each floor is a few points below (for wrong answers, above) that figure.
// A later decision, chosen by cross-validation within the tune data (docs/matching.md), measured once
// here: first 81.5%, first or offered 88.0%, refused 100%, wrong 6.5%. It fails these floors and is not shipped.
const FLOORS = { first: 0.73, offered: 0.9, refused: 0.96, wrong: 0.04 };
