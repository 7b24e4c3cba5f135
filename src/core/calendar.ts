/**
 * Calendar arithmetic in an IANA time zone with nothing but Intl: "this week" and "this month" are
 * the class's week and month where it is, and a typed date is that day's local midnight.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

interface LocalDate {
  year: number;
  month: number;
  day: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function parts(at: number, zone: string): Record<string, string> {
  const out: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short',
    hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23',
  });
  for (const p of format.formatToParts(at)) out[p.type] = p.value;
  return out;
}

function localDate(at: number, zone: string): LocalDate {
  const p = parts(at, zone);
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), weekday: WEEKDAYS.indexOf(p.weekday ?? '') };
}

/** How far the zone's clock is ahead of UTC at `at`, in ms. */
function offsetAt(at: number, zone: string): number {
  const p = parts(at, zone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The instant the zone's clock reads 00:00 on that date (a day whose midnight is skipped starts when it does). */
export function localMidnight(year: number, month: number, day: number, zone: string): number {
  const wall = Date.UTC(year, month - 1, day);
  let at = wall - offsetAt(wall, zone);
  // A second look settles the offset when midnight is near a daylight-saving change.
  at = wall - offsetAt(at, zone);
  return at;
}

/** Monday 00:00 of the week holding `now`, in the zone. */
export function startOfWeek(now: number, zone: string): number {
  const d = localDate(now, zone);
  const monday = new Date(Date.UTC(d.year, d.month - 1, d.day) - d.weekday * DAY_MS);
  return localMidnight(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), zone);
}

/** The 1st of the month holding `now`, 00:00, in the zone. */
export function startOfMonth(now: number, zone: string): number {
  const d = localDate(now, zone);
  return localMidnight(d.year, d.month, 1, zone);
}

/** "2026-01-05" → that day's local midnight in the zone; null when it is not such a date. */
export function parseLocalDate(text: string, zone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return localMidnight(year, month, day, zone);
}

/** "2026-01-05 09:30": a time as a spreadsheet reads it, on the zone's clock. */
export function spreadsheetTime(at: number, zone: string): string {
  const p = parts(at, zone);
  const pad = (v: string | undefined) => String(v ?? '').padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "Mon 5 Jan 2026": a day as people read it, in the zone. */
export function dayLabel(at: number, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
    .format(at).replace(/,/g, '');
}
