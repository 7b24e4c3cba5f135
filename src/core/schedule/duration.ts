import type { Parsed } from './parsed.js';

const UNITS: readonly { minutes: number; spellings: readonly string[] }[] = [
  { minutes: 1, spellings: ['m', 'min', 'mins', 'minute', 'minutes'] },
  { minutes: 60, spellings: ['h', 'hr', 'hrs', 'hour', 'hours'] },
  { minutes: 24 * 60, spellings: ['d', 'day', 'days'] },
];

export const MIN_OPEN_MINUTES = 10;
export const MAX_OPEN_MINUTES = 14 * 24 * 60;

/** "2h", "90 minutes", "1d 12h" → minutes, from 10 minutes to 14 days. */
export function parseDuration(input: string): Parsed<number> {
  const text = input.trim().toLowerCase();
  const fail = (why: string): Parsed<number> => ({ ok: false, error: `“${input.trim()}” ${why}: give a length such as closes_after:2h, closes_after:90m or closes_after:1d.` });
  const parts = [...text.matchAll(/(\d{1,5})\s*([a-z]+)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('').replace(/\s/g, '') !== text.replace(/[\s,]|and/g, '')) return fail('is not a length of time');
  let minutes = 0;
  for (const [, n, unit] of parts) {
    const u = UNITS.find((x) => x.spellings.includes(unit!));
    if (!u) return fail(`has a unit I don’t know (${unit})`);
    minutes += Number(n) * u.minutes;
  }
  if (minutes < MIN_OPEN_MINUTES || minutes > MAX_OPEN_MINUTES) return fail('is outside what a prompt may stay open, 10 minutes to 14 days');
  return { ok: true, value: minutes };
}

/** 150 → "2 h 30 min", 1440 → "1 day". */
export function durationLabel(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  return [days ? `${days} day${days === 1 ? '' : 's'}` : '', hours ? `${hours} h` : '', mins ? `${mins} min` : ''].filter(Boolean).join(' ');
}
