/**
 * Reads the five fields of a cron expression before any engine sees it, so a mistake is explained in
 * our words (which field, what it takes) and no engine's error text reaches a user.
 */

interface Field {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  /** Extra forms the engine supports in this field (L for the last day, 1#2, 5#L). */
  extra?: RegExp;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const FIELDS: readonly Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of the month', min: 1, max: 31, extra: /^L$/i },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  // 0 and 7 are both Sunday. The last Friday is 5#L: croner reads the Quartz form 5L as 5, every Friday.
  { name: 'day of the week', min: 0, max: 7, names: WEEKDAYS, extra: /^[0-7]#(?:[1-5]|L)$/i },
];

function valueOf(field: Field, text: string): number | null {
  if (/^\d{1,2}$/.test(text)) {
    const n = Number(text);
    return n >= field.min && n <= field.max ? n : null;
  }
  const i = field.names?.indexOf(text.toLowerCase()) ?? -1;
  return i < 0 ? null : i + (field.min === 1 ? 1 : 0);
}

/**
 * One comma-separated part: *, a value, a range a-b, each with an optional step /n. Not ?: croner
 * puts the clock's value at the moment it reads the pattern in its place, so `0 9 ? * *` would post
 * monthly on whichever day it was read, and on another day after a restart or on another instance.
 */
function partOk(field: Field, part: string): boolean {
  if (field.extra?.test(part)) return true;
  const m = /^([^/]+)(?:\/(\d{1,2}))?$/.exec(part);
  if (!m) return false;
  const [, base, step] = m;
  if (step !== undefined && !(Number(step) >= 1 && Number(step) <= field.max)) return false;
  if (base === '*') return true;
  const range = /^([^-]+)-([^-]+)$/.exec(base!);
  if (!range) return valueOf(field, base!) !== null;
  const from = valueOf(field, range[1]!);
  const to = valueOf(field, range[2]!);
  return from !== null && to !== null && from <= to;
}

/** Null when every field reads; else a sentence naming the first field that does not. */
export function cronFieldProblem(fields: readonly string[]): string | null {
  for (let i = 0; i < FIELDS.length; i++) {
    const field = FIELDS[i]!;
    const text = fields[i] ?? '';
    if (!text.split(',').every((part) => partOk(field, part))) {
      return `“${text}” is not a ${field.name} I can read: it takes ${field.min}–${field.max}${field.names ? ` or a name such as ${field.names[1]}` : ''}, *, a range such as ${field.min}-${field.min + 4}, a list such as ${field.min},${field.min + 2} or a step such as */2`;
    }
  }
  return null;
}
