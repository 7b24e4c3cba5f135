import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../src/core/pack/model.js';
import type { Matcher } from '../../../src/core/match/matcher.js';
import { readReply } from '../../../src/core/match/read-reply.js';
import { shippedPack } from '../../support/core.js';
import { describeFigures, tally, type OutcomeFigures } from './outcomes.js';
import { blindEntries, type BlindEntry } from './blind-entries.js';

// The sets' entries live in a module of their own, free of vitest, so the calibration can read them too.
export { blindEntries, heldOutHalf, tuneHalf, STUDENT_BLIND_FILE, STUDENT_BLIND_V3_FILE, STUDENT_BLIND_V4_FILE, STUDENT_BLIND_V5_FILE, STUDENT_BLIND_V6_FILE } from './blind-entries.js';
export type { BlindEntry } from './blind-entries.js';

/** What the held-out half must keep: floors for the shares of good outcomes, a ceiling for wrong answers. */
export interface HeldOutFloors {
  first: number;
  offered: number;
  refused: number;
  wrong: number;
}

/**
 * The honest measure of one blind set: its held-out half read with the motion of the debate given,
 * exactly as a debate reads a reply. Only aggregate figures are printed, never a held-out line, so
 * that nobody tunes to it by reading misses.
 */
export function describeHeldOut(name: string, file: string, floors: HeldOutFloors, atLeast: number): void {
  let pack: Pack;
  let matcher: Matcher;
  let entries: BlindEntry[];

  beforeAll(async () => {
    ({ pack, matcher } = await shippedPack());
    entries = blindEntries(JSON.parse(await readFile(file, 'utf8')));
  });

  const measure = (half: BlindEntry['half']): OutcomeFigures =>
    tally(entries.filter((e) => e.half === half), (e) => readReply(matcher, e.text, pack.motionById.get(e.motion)));

  describe(`the matcher on ${name} (held-out half, motion given)`, () => {
    it('labels only motions and points the pack has, each point on its own motion', () => {
      const bad = entries.filter((e) => !pack.motionById.has(e.motion) || (e.point !== null && pack.pointById.get(e.point)?.motion !== e.motion));
      // Counted, not listed: the held-out lines are not for reading.
      expect(bad.length, `${bad.length} cases name a motion or point the pack lacks`).toBe(0);
      expect(entries.filter((e) => e.half === 'heldout').length).toBeGreaterThanOrEqual(atLeast);
    });

    it('answers, asks or refuses as well as when last measured', () => {
      const held = measure('heldout');
      const tune = measure('tune');
      // The held-out half shows its four aggregate figures and nothing else.
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      console.log([
        `${name}, held-out half (${held.arguments} arguments, ${held.noPoint} lines without a point): first ${pct(held.first)}, ` +
          `first or offered ${pct(held.offered)}, refused ${pct(held.refused)}, wrong ${pct(held.wrong)}`,
        `  (tune half: ${describeFigures(tune)})`,
      ].join('\n'));
      expect(held.first).toBeGreaterThanOrEqual(floors.first);
      expect(held.offered).toBeGreaterThanOrEqual(floors.offered);
      expect(held.refused).toBeGreaterThanOrEqual(floors.refused);
      expect(held.wrong).toBeLessThanOrEqual(floors.wrong);
    });
  });
}
