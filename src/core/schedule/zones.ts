import type { Parsed } from './parsed.js';
import { intlAcceptsZone, timeZoneNames } from '../time-zones.js';

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
    error: `“${name}” is not a time zone I know${why}. Use a city such as Kyiv or New York, or an IANA name such as Europe/Kyiv, America/New_York or UTC (the timezone option suggests them as you type).`,
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

/**
 * Names people use for a place whose zone is named after another city, and names that mean
 * several places. Only what the zone list cannot tell by itself is here; every zone is still
 * found by its own city (America/New_York by "new york").
 */
const PLACE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  kiev: ['Europe/Kyiv'], ukraine: ['Europe/Kyiv'], kharkiv: ['Europe/Kyiv'], odesa: ['Europe/Kyiv'], odessa: ['Europe/Kyiv'],
  lviv: ['Europe/Kyiv'], dnipro: ['Europe/Kyiv'],
  washington: ['America/New_York'], 'washington dc': ['America/New_York'], boston: ['America/New_York'],
  philadelphia: ['America/New_York'], miami: ['America/New_York'], atlanta: ['America/New_York'],
  'san francisco': ['America/Los_Angeles'], seattle: ['America/Los_Angeles'], 'san diego': ['America/Los_Angeles'],
  houston: ['America/Chicago'], dallas: ['America/Chicago'], austin: ['America/Chicago'],
  beijing: ['Asia/Shanghai'], mumbai: ['Asia/Kolkata'], delhi: ['Asia/Kolkata'], 'new delhi': ['Asia/Kolkata'],
  bangalore: ['Asia/Kolkata'], bengaluru: ['Asia/Kolkata'], 'st petersburg': ['Europe/Moscow'], 'saint petersburg': ['Europe/Moscow'],
  portland: ['America/Los_Angeles', 'America/New_York'], birmingham: ['Europe/London', 'America/Chicago'],
  cambridge: ['Europe/London', 'America/New_York'], 'san jose': ['America/Los_Angeles', 'America/Costa_Rica'],
};

/** "New_York", "são paulo", "Kyiv " → "new york", "sao paulo", "kyiv". */
function placeKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[_\-\s]+/g, ' ').trim();
}

let byPlace: Map<string, string[]> | null = null;
/** Each zone under its last part, the city it is named after (Europe/Kyiv under "kyiv"). */
function zonesByPlace(): Map<string, string[]> {
  if (!byPlace) {
    byPlace = new Map();
    for (const zone of timeZoneNames()) {
      const key = placeKey(zone.split('/').pop() ?? zone);
      byPlace.set(key, [...(byPlace.get(key) ?? []), zone]);
    }
  }
  return byPlace;
}

/** Zones a place name could mean: an alias, a zone's own city, else every city that starts so. */
function placeCandidates(input: string): string[] {
  const key = placeKey(input);
  if (key.length < 2) return [];
  const alias = PLACE_ALIASES[key];
  if (alias) return [...alias].filter(intlAcceptsZone);
  const exact = zonesByPlace().get(key);
  if (exact) return exact;
  if (key.length < 3) return [];
  return [...zonesByPlace().entries()].filter(([place]) => place.startsWith(key)).flatMap(([, zones]) => zones);
}

const MAX_CHOICES = 8;

/**
 * Reads a time zone as an admin typed it: an IANA name (Europe/Kyiv), or a city the zone list
 * names unambiguously ("kyiv", "new york"), which maps to its IANA name. An ambiguous name lists
 * the zones it could mean.
 */
export function lookUpTimeZone(input: string): Parsed<string> {
  const name = input.trim();
  if (!name.includes('/') && !/^(utc|gmt)$/i.test(name) && !/^[+-]|\d:\d/.test(name)) {
    const candidates = [...new Set(placeCandidates(name))];
    if (candidates.length === 1) return { ok: true, value: candidates[0]! };
    if (candidates.length > 1) {
      const shown = candidates.slice(0, MAX_CHOICES);
      const more = candidates.length > MAX_CHOICES ? `, and ${candidates.length - MAX_CHOICES} more` : '';
      return {
        ok: false,
        error: `“${name}” could be more than one time zone: ${shown.join(', ')}${more}. Give the one you mean, e.g. timezone:${shown[0]}.`,
      };
    }
  }
  return resolveTimeZone(name);
}
