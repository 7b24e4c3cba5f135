import { describe, expect, it } from 'vitest';
import { slotAfter } from '../../src/schedule/slots.js';
import { localDate, localTime, makeHarness } from './support/harness.js';

/**
 * Daylight saving, on an injected clock. Kyiv: last Sunday of March 03:00→04:00, last Sunday of
 * October 04:00→03:00. New York: second Sunday of March 02:00→03:00, first Sunday of November
 * 02:00→01:00. Times inside the gap (which does not exist) and the overlap (which happens twice).
 */
interface Case {
  zone: string;
  time: string;
  from: string;
  until: string;
  day: string;
  /** When the post goes out on the transition day. */
  expected: string;
  /** And how that reads on the local clock. */
  local: string;
}

const CASES: Case[] = [
  // 03:30 does not exist in Kyiv on 29 March: it goes out an hour later by the new clock (03:30 by the old one).
  { zone: 'Europe/Kyiv', time: '03:30', from: '2026-03-26T12:00:00Z', until: '2026-04-01T12:00:00Z', day: '2026-03-29', expected: '2026-03-29T01:30:00.000Z', local: '04:30 GMT+3' },
  // 03:30 happens twice in Kyiv on 25 October: it goes out once, at the second (winter-time) 03:30.
  { zone: 'Europe/Kyiv', time: '03:30', from: '2026-10-22T12:00:00Z', until: '2026-10-28T12:00:00Z', day: '2026-10-25', expected: '2026-10-25T01:30:00.000Z', local: '03:30 GMT+2' },
  { zone: 'Europe/Kyiv', time: '09:00', from: '2026-03-26T12:00:00Z', until: '2026-04-01T12:00:00Z', day: '2026-03-29', expected: '2026-03-29T06:00:00.000Z', local: '09:00 GMT+3' },
  { zone: 'Europe/Kyiv', time: '09:00', from: '2026-10-22T12:00:00Z', until: '2026-10-28T12:00:00Z', day: '2026-10-25', expected: '2026-10-25T07:00:00.000Z', local: '09:00 GMT+2' },
  // 02:30 does not exist in New York on 8 March: it goes out at 03:30 EDT.
  { zone: 'America/New_York', time: '02:30', from: '2026-03-05T12:00:00Z', until: '2026-03-11T12:00:00Z', day: '2026-03-08', expected: '2026-03-08T07:30:00.000Z', local: '03:30 GMT-4' },
  // 02:30 happens once on 1 November (the clock goes back at 02:00 to 01:00).
  { zone: 'America/New_York', time: '02:30', from: '2026-10-29T12:00:00Z', until: '2026-11-04T12:00:00Z', day: '2026-11-01', expected: '2026-11-01T07:30:00.000Z', local: '02:30 GMT-5' },
  // 01:30 happens twice in New York on 1 November: it goes out once, at the first (summer-time) 01:30.
  { zone: 'America/New_York', time: '01:30', from: '2026-10-29T12:00:00Z', until: '2026-11-04T12:00:00Z', day: '2026-11-01', expected: '2026-11-01T05:30:00.000Z', local: '01:30 GMT-4' },
];

/** True when the dates (YYYY-MM-DD) run one calendar day after another: nothing skipped, nothing twice. */
function consecutive(days: string[]): boolean {
  return days.every((d, i) => i === 0 || Date.parse(`${d}T00:00:00Z`) - Date.parse(`${days[i - 1]}T00:00:00Z`) === 86_400_000);
}

describe('daily schedules across daylight-saving changes', () => {
  for (const c of CASES) {
    it(`${c.zone} at ${c.time} around ${c.day}: one post a day, on the transition day at ${c.local}`, async () => {
      const h = await makeHarness(c.from);
      await h.command('schedule', { cadence: 'daily', time: c.time, timezone: c.zone });
      await h.runUntil(c.until);

      const perDay = new Map<string, string[]>();
      for (const p of h.poster.posts) {
        const day = localDate(p.at, c.zone);
        perDay.set(day, [...(perDay.get(day) ?? []), new Date(p.at).toISOString()]);
      }
      const days = h.poster.posts.map((p) => localDate(p.at, c.zone));
      expect(days.length).toBeGreaterThanOrEqual(5);
      expect(consecutive(days), days.join(' ')).toBe(true);
      expect([...perDay.values()].every((posts) => posts.length === 1)).toBe(true);
      expect(perDay.get(c.day)).toEqual([c.expected]);
      expect(localTime(Date.parse(c.expected), c.zone)).toBe(c.local);
      // Every other day goes out at the wall time asked for.
      for (const p of h.poster.posts) if (localDate(p.at, c.zone) !== c.day) expect(localTime(p.at, c.zone)).toMatch(new RegExp(`^${c.time} `));
    });
  }

  it('a loop that wakes every five minutes (other tasks, other processes) still posts once a day', async () => {
    for (const c of CASES.filter((x) => x.time !== '09:00')) {
      const h = await makeHarness(c.from);
      await h.command('schedule', { cadence: 'daily', time: c.time, timezone: c.zone });
      for (let t = h.now(); t <= Date.parse(c.until); t += 5 * 60_000) {
        h.setClock(t);
        await h.runDue();
      }
      const days = h.poster.posts.map((p) => localDate(p.at, c.zone));
      expect(new Set(days).size, c.zone).toBe(days.length);
      expect(days.length).toBeGreaterThanOrEqual(5);
      expect(consecutive(days), days.join(' ')).toBe(true);
      const onDay = h.poster.posts.filter((p) => localDate(p.at, c.zone) === c.day);
      // Woken on a five-minute grid, the post goes out at the slot itself (slots fall on the grid).
      expect(onDay.map((p) => new Date(p.at).toISOString())).toEqual([c.expected]);
    }
  });
});

describe('slotAfter inside the gap and the overlap', () => {
  // Resume plans from "now" and the grace window from "now - grace": whatever the reference,
  // the transition day must offer exactly one slot, and always one after the reference.
  for (const c of CASES) {
    it(`${c.zone} ${c.time} on ${c.day}: the same single slot from any reference that day`, () => {
      const [h, m] = c.time.split(':').map(Number) as [number, number];
      const cron = `${m} ${h} * * *`;
      const start = Date.parse(`${c.day}T00:00:00Z`) - 86_400_000;
      const found = new Set<number>();
      for (let t = start; t < start + 3 * 86_400_000; t += 5 * 60_000) {
        const next = slotAfter(cron, c.zone, t);
        expect(next).not.toBeNull();
        expect(next!).toBeGreaterThan(t);
        if (localDate(next!, c.zone) === c.day) found.add(next!);
      }
      expect([...found].map((x) => new Date(x).toISOString())).toEqual([c.expected]);
    });
  }
});
