import type { Parsed } from './parsed.js';
import { nextRuns, type Scheduling } from './scheduling.js';
import { cronFieldProblem } from './cron-fields.js';

/** What a schedule runs on: a cron pattern (presets compile to one) and how to describe it. */
export interface Cadence {
  cron: string;
  /** How lists show it: "weekdays at 09:00". */
  label: string;
}

const DAYS: readonly { cron: number; name: string; spellings: readonly string[] }[] = [
  { cron: 1, name: 'Monday', spellings: ['mon', 'monday'] },
  { cron: 2, name: 'Tuesday', spellings: ['tue', 'tues', 'tuesday'] },
  { cron: 3, name: 'Wednesday', spellings: ['wed', 'weds', 'wednesday'] },
  { cron: 4, name: 'Thursday', spellings: ['thu', 'thur', 'thurs', 'thursday'] },
  { cron: 5, name: 'Friday', spellings: ['fri', 'friday'] },
  { cron: 6, name: 'Saturday', spellings: ['sat', 'saturday'] },
  { cron: 0, name: 'Sunday', spellings: ['sun', 'sunday'] },
];

/**
 * A user's cron may not post more often than this. The classic slip `* 9 * * *` means every minute
 * from 09:00 to 09:59; refusing it up front beats sixty prompts in a channel.
 */
export const MIN_GAP_MINUTES = 10;
/** How many upcoming runs the gap check looks at. */
const GAP_SAMPLE = 60;

const USAGE = 'Use daily, weekdays, weekly:<day> (mon … sun), or a cron expression such as `0 9 * * 1-5`.';

/**
 * A time of day as people write it: "21:30" or "09:00" on the 24-hour clock, "9am", "9:30 pm" or
 * "12 noon" on the 12-hour one (12am is midnight, 12pm noon). "25:00" or "9.00" are refused.
 */
export function parseTimeOfDay(input: string): Parsed<{ hour: number; minute: number }> {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const fail: Parsed<{ hour: number; minute: number }> = {
    ok: false,
    error: `“${input.trim()}” is not a time of day: use the 24-hour clock (time:09:00, time:21:30) or am/pm (time:9am, time:9:30 pm).`,
  };
  if (text === 'noon' || text === '12 noon') return { ok: true, value: { hour: 12, minute: 0 } };
  if (text === 'midnight') return { ok: true, value: { hour: 0, minute: 0 } };
  const twelve = /^(\d{1,2})(?::(\d{2}))? ?([ap])\.?m\.?$/.exec(text);
  if (twelve) {
    const h = Number(twelve[1]);
    const minute = twelve[2] === undefined ? 0 : Number(twelve[2]);
    if (!(h >= 1 && h <= 12 && minute <= 59)) return fail;
    return { ok: true, value: { hour: (h % 12) + (twelve[3] === 'p' ? 12 : 0), minute } };
  }
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  const hour = m ? Number(m[1]) : NaN;
  const minute = m ? Number(m[2]) : NaN;
  if (!(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)) return fail;
  return { ok: true, value: { hour, minute } };
}

const pad = (n: number) => String(n).padStart(2, '0');

type Preset = { kind: 'daily' } | { kind: 'weekdays' } | { kind: 'weekly'; day: (typeof DAYS)[number] | null; typed?: string };

/** daily, weekdays, weekly:mon (also "weekly mon", "weekly on Monday"); null when it is none of them. */
function parsePreset(text: string): Preset | null {
  const t = text.trim().toLowerCase();
  if (t === 'daily' || t === 'every day') return { kind: 'daily' };
  if (t === 'weekdays' || t === 'weekday') return { kind: 'weekdays' };
  const weekly = /^weekly(?:\s*[:\-\s]\s*(?:on\s+)?([a-z]+))?$/.exec(t);
  if (!weekly) return null;
  const typed = weekly[1];
  if (!typed) return { kind: 'weekly', day: null };
  return { kind: 'weekly', day: DAYS.find((d) => d.spellings.includes(typed)) ?? null, typed };
}

/**
 * Reads a cadence and time of day as an admin typed them. `zone`, `now` and the engine are needed
 * because a cron expression is checked by asking for its next runs there.
 */
export function parseCadence(input: { cadence: string; time?: string }, zone: string, now: number, scheduling: Scheduling): Parsed<Cadence> {
  const text = input.cadence.trim().replace(/\s+/g, ' ');
  if (!text) return { ok: false, error: `The cadence is missing. ${USAGE}` };
  const preset = parsePreset(text);
  if (preset) return presetCadence(preset, input.time);
  return cronCadence(text, input.time, zone, now, scheduling);
}

function presetCadence(preset: Preset, time: string | undefined): Parsed<Cadence> {
  if (preset.kind === 'weekly' && !preset.day) {
    return {
      ok: false,
      error: preset.typed
        ? `“${preset.typed}” is not a day of the week: use mon, tue, wed, thu, fri, sat or sun (e.g. weekly:mon).`
        : 'weekly needs a day: weekly:mon, weekly:tue … weekly:sun.',
    };
  }
  if (time === undefined) return { ok: false, error: `${preset.kind} needs a time of day: add one such as time:09:00 or time:9am.` };
  const tod = parseTimeOfDay(time);
  if (!tod.ok) return tod;
  const { hour, minute } = tod.value;
  const at = `${pad(hour)}:${pad(minute)}`;
  switch (preset.kind) {
    case 'daily':
      return { ok: true, value: { cron: `${minute} ${hour} * * *`, label: `daily at ${at}` } };
    case 'weekdays':
      return { ok: true, value: { cron: `${minute} ${hour} * * 1-5`, label: `weekdays (Mon–Fri) at ${at}` } };
    case 'weekly': {
      const day = preset.day!;
      return { ok: true, value: { cron: `${minute} ${hour} * * ${day.cron}`, label: `weekly on ${day.name} at ${at}` } };
    }
  }
}

function cronCadence(text: string, time: string | undefined, zone: string, now: number, scheduling: Scheduling): Parsed<Cadence> {
  const fields = text.split(' ');
  // One word that is no preset is a misspelt cadence, not a cron expression.
  if (fields.length === 1 && !text.startsWith('@')) return { ok: false, error: `I don’t know the cadence “${text}”. ${USAGE}` };
  if (time !== undefined) {
    return { ok: false, error: 'A cron expression carries its own time of day: leave out time:, or use daily, weekdays or weekly:<day> with time:.' };
  }
  if (text.startsWith('@')) return { ok: false, error: `Cron nicknames such as ${text} are not accepted. ${USAGE}` };
  if (fields.length === 6) {
    return { ok: false, error: `“${text}” has six fields; I take five (minute hour day-of-month month day-of-week) and nothing more often than every ${MIN_GAP_MINUTES} minutes.` };
  }
  if (fields.length !== 5) {
    return { ok: false, error: `“${text}” is not a cron expression: it needs five fields (minute hour day-of-month month day-of-week), e.g. \`0 9 * * 1-5\`.` };
  }
  const problem = cronFieldProblem(fields);
  if (problem) return { ok: false, error: `“${text}” is not a valid cron expression (${problem}). ${USAGE}` };
  if (!scheduling.runnable(text, zone)) return { ok: false, error: `“${text}” is not a cron expression I can run. ${USAGE}` };
  const runs = nextRuns(scheduling, text, zone, now, GAP_SAMPLE).map((d) => d.getTime());
  if (runs.length === 0) return { ok: false, error: `“${text}” never runs (is it a date that does not exist, such as 30 February?).` };
  for (let i = 1; i < runs.length; i++) {
    const gap = (runs[i]! - runs[i - 1]!) / 60_000;
    if (gap < MIN_GAP_MINUTES) {
      const minutes = Math.round(gap);
      return { ok: false, error: `“${text}” would sometimes post only ${minutes} minute${minutes === 1 ? '' : 's'} after the last prompt; a schedule may post at most once every ${MIN_GAP_MINUTES} minutes.` };
    }
  }
  return { ok: true, value: { cron: text, label: `cron ${text}` } };
}
