import { slotAfter, slotAtOrAfter } from './slots.js';

/** What to do about one due schedule at `now`. */
export interface SlotPlan {
  /** The slot to post now, or null when nothing is recent enough. */
  post: number | null;
  /** The first slot strictly after everything handled now: the schedule's new `nextRun`. */
  next: number | null;
  /** The stored slot, when it (and every slot up to the grace window) is too old to post. */
  skippedSince: number | null;
  /** Slots inside the grace window that were passed over for a later one. */
  folded: number;
}

/**
 * Picks at most one slot for a schedule whose `nextRun` has come.
 *
 * Slots older than the grace window are skipped. Of the slots inside the window, only the latest
 * one at or before `now` is posted: after downtime a channel gets one late prompt, not a burst.
 * `next` is the slot after the one posted (or after `now`), so the same slots are never planned again.
 */
export function planSlot(cron: string, zone: string, nextRun: number, now: number, graceMs: number): SlotPlan {
  const lateBound = now - graceMs;
  let skippedSince: number | null = null;
  let slot: number | null = nextRun;
  if (slot < lateBound) {
    skippedSince = slot;
    slot = slotAtOrAfter(cron, zone, lateBound);
  }
  if (slot === null || slot > now) return { post: null, next: slot, skippedSince, folded: 0 };
  let folded = 0;
  let next = slotAfter(cron, zone, slot);
  while (next !== null && next <= now) {
    slot = next;
    folded++;
    next = slotAfter(cron, zone, slot);
  }
  return { post: slot, next, skippedSince, folded };
}
