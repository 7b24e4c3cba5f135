import { fileURLToPath } from 'node:url';

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
  /** The motion of the debate the line is a reply in, when the set names one. */
  motion?: string;
  half: 'tune' | 'heldout';
}

export const STUDENT_BLIND_FILE = fileURLToPath(new URL('../../fixtures/student-blind.json', import.meta.url));

export function blindEntries(raw: unknown): BlindEntry[] {
  const list = Array.isArray(raw) ? raw : [];
  return list.flatMap((e: unknown): BlindEntry[] => {
    if (typeof e !== 'object' || e === null) return [];
    const { text, point, motion, half } = e as Record<string, unknown>;
    if (typeof text !== 'string' || (half !== 'tune' && half !== 'heldout')) return [];
    return [{ text, point: typeof point === 'string' ? point : null, ...(typeof motion === 'string' ? { motion } : {}), half }];
  });
}

export const tuneHalf = (raw: unknown) => blindEntries(raw).filter((e) => e.half === 'tune');
export const heldOutHalf = (raw: unknown) => blindEntries(raw).filter((e) => e.half === 'heldout');
