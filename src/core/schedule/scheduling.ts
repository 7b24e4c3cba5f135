/**
 * What the core needs from a cron engine. The core parses cadences and plans replies; the calendar
 * and daylight-saving arithmetic is the engine's, which start-up hands in (src/schedule supplies the
 * croner-backed one), so the core imports no scheduling library. Times are epoch milliseconds.
 */
export interface Scheduling {
  /** Whether the engine can run `pattern` in `zone`; the engine's own reason is never shown to users. */
  runnable(pattern: string, zone: string): boolean;
  /** The first slot strictly after `after`, or null when the pattern never runs again. */
  slotAfter(pattern: string, zone: string, after: number): number | null;
}

/** The next `n` run times strictly after `from`. */
export function nextRuns(scheduling: Scheduling, pattern: string, zone: string, from: Date | number, n: number): Date[] {
  const runs: Date[] = [];
  let ref = typeof from === 'number' ? from : from.getTime();
  while (runs.length < n) {
    const next = scheduling.slotAfter(pattern, zone, ref);
    if (next === null) break;
    runs.push(new Date(next));
    ref = next;
  }
  return runs;
}
