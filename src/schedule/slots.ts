import { Cron } from 'croner';
import type { Scheduling } from '../core/schedule/scheduling.js';

/**
 * Slot arithmetic for a cron pattern in an IANA time zone. croner does the calendar and
 * daylight-saving work; nothing here parses cron. Times are epoch milliseconds.
 */

function job(pattern: string, zone: string): Cron {
  // No callback: croner only computes run times and starts no timer.
  return new Cron(pattern, { timezone: zone, paused: true });
}

/** Guards croner's answers, which may step back or repeat inside a fall-back overlap. */
const MAX_STEPS = 8;

/**
 * The first slot strictly after `after`, or null when the pattern never runs again.
 *
 * Inside a daylight-saving fall-back overlap croner can answer with a slot before the reference
 * (e.g. 01:30 EDT when asked from 01:10 EST in New York); stepping on from that answer keeps the
 * result after `after` and yields croner's next slot, so a repeated wall time is never posted twice.
 */
export function slotAfter(pattern: string, zone: string, after: number): number | null {
  const cron = job(pattern, zone);
  let ref = new Date(after);
  for (let i = 0; i < MAX_STEPS; i++) {
    const next = cron.nextRun(ref);
    if (!next) return null;
    if (next.getTime() > after) return next.getTime();
    // Asked from the slot it answered, croner moves on to the slot after it.
    ref = next.getTime() < ref.getTime() ? next : new Date(ref.getTime() + 1000);
  }
  throw new Error(`no slot found after ${new Date(after).toISOString()} for “${pattern}” in ${zone}`);
}

/** The first slot at or after `at`. croner counts in whole seconds, so one millisecond back is enough. */
export function slotAtOrAfter(pattern: string, zone: string, at: number): number | null {
  return slotAfter(pattern, zone, at - 1);
}

/** Whether croner can run the pattern in the zone; croner's own message stays out of replies. */
export function runnable(pattern: string, zone: string): boolean {
  try {
    job(pattern, zone);
    return true;
  } catch {
    return false;
  }
}

/** The croner-backed engine start-up hands to the core's services. */
export const cronerScheduling: Scheduling = { runnable, slotAfter };
