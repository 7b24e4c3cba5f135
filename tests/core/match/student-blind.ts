import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../src/core/pack/model.js';
import type { Matcher } from '../../../src/core/match/matcher.js';
import { readReply } from '../../../src/core/match/read-reply.js';
import { shippedPack } from '../../support/core.js';
import { describeFigures, tally, type OutcomeFigures } from './outcomes.js';

/**
 * tests/fixtures/student-blind.json: student-style lines written from the article and the points'
 * claims only, before the examples, each in one half. Tuning (scripts/calibrate-matcher.ts) reads
 * the "tune" half only; the "heldout" half is read by the evaluation test alone, which prints figures
 * and never the lines themselves.
 */
export interface BlindEntry {
  text: string;
  /** The point the line makes, or null for a line that makes none. */
  point: string | null;
  /** The motion of the debate the line is a reply in. */
  motion: string;
  /** For a line without a point: off-topic, rude, spam, assertion or content-free. */
  kind?: string;
  half: 'tune' | 'heldout';
}

export const STUDENT_BLIND_FILE = fileURLToPath(new URL('../../fixtures/student-blind.json', import.meta.url));
/** The third blind set, written the same way by someone who never saw the pack's keywords, examples or matcher. */
export const STUDENT_BLIND_V3_FILE = fileURLToPath(new URL('../../fixtures/student-blind-v3.json', import.meta.url));
/** The fourth blind set, written the same way (article and claims only), 162 tune and 162 held-out lines. */
export const STUDENT_BLIND_V4_FILE = fileURLToPath(new URL('../../fixtures/student-blind-v4.json', import.meta.url));

/** The set's cases (`{"note", "cases": [{text, motion, point, kind?, half}]}`); a malformed case is dropped. */
export function blindEntries(raw: unknown): BlindEntry[] {
  const cases = typeof raw === 'object' && raw !== null ? (raw as { cases?: unknown }).cases : undefined;
  return (Array.isArray(cases) ? cases : []).flatMap((e: unknown): BlindEntry[] => {
    if (typeof e !== 'object' || e === null) return [];
    const { text, point, motion, kind, half } = e as Record<string, unknown>;
    if (typeof text !== 'string' || typeof motion !== 'string' || (half !== 'tune' && half !== 'heldout')) return [];
    return [{ text, motion, point: typeof point === 'string' ? point : null, ...(typeof kind === 'string' ? { kind } : {}), half }];
  });
}

export const tuneHalf = (raw: unknown) => blindEntries(raw).filter((e) => e.half === 'tune');
export const heldOutHalf = (raw: unknown) => blindEntries(raw).filter((e) => e.half === 'heldout');

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
