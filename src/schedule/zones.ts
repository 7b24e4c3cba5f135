import type { Parsed } from './parsed.js';
import { intlAcceptsZone, timeZoneNames } from '../core/time-zones.js';

/**
 * Time zones are IANA names (Europe/Kyiv), never offsets or abbreviations: a schedule at 09:00
 * must stay at 09:00 local time when daylight saving starts or ends.
 */

let known: Map<string, string> | null = null;
function knownZones(): Map<string, string> {
  if (!known) {
    known = new Map();
    for (const z of timeZoneNames()) known.set(z.toLowerCase(), z);
  }
  return known;
}

// Area/Location (America/Argentina/Buenos_Aires, Etc/GMT+2), or UTC/GMT alone.
const IANA_SHAPE = /^(?:[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)+|UTC|GMT)$/i;


/** Checks a zone name and spells it as the zone database does (case-insensitive input). */
export function resolveTimeZone(input: string): Parsed<string> {
  const name = input.trim();
  const fail = (why: string): Parsed<string> => ({
    ok: false,
    error: `“${name}” is not a time zone I know${why}. Use an IANA name such as Europe/Kyiv, America/New_York or UTC (the timezone option suggests them as you type).`,
  });
  if (!name) return fail('');
  if (!IANA_SHAPE.test(name)) {
    return fail(/^[+-]|\d:\d/.test(name) ? ': a fixed UTC offset would shift the post when daylight saving changes' : '');
  }
  if (!intlAcceptsZone(name)) return fail('');
  // Names the runtime lists come back in their own spelling; a valid alias (Europe/Kyiv where the
  // runtime lists Europe/Kiev, US/Eastern) is kept as typed, since Intl and croner both accept it.
  return { ok: true, value: knownZones().get(name.toLowerCase()) ?? name };
}

/** "Mon 30 Nov 2026, 09:00 (Europe/Kyiv)": a run time as people in that zone read it. */
export function formatInZone(at: number | Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} (${zone})`;
}
