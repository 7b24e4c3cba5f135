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
/** The fifth blind set, written the same way and held out whole: every line is "heldout". */
export const STUDENT_BLIND_V5_FILE = fileURLToPath(new URL('../../fixtures/student-blind-v5.json', import.meta.url));
/** The sixth blind set, written the same way and held out whole, after the matcher's decisions were last changed. */
export const STUDENT_BLIND_V6_FILE = fileURLToPath(new URL('../../fixtures/student-blind-v6.json', import.meta.url));

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
