import { describe, expect, it } from 'vitest';
import { parseCadence, parseTimeOfDay, MIN_GAP_MINUTES } from '../../src/core/schedule/cadence.js';
import { nextRuns as nextRunsWith } from '../../src/core/schedule/scheduling.js';
import { lookUpTimeZone, resolveTimeZone, formatInZone } from '../../src/core/schedule/zones.js';
import { durationLabel, parseDuration } from '../../src/core/schedule/duration.js';
import { cronerScheduling } from '../../src/schedule/slots.js';

const NOW = Date.parse('2026-11-26T12:00:00Z'); // a Thursday
const parse = (cadence: string, time?: string, zone = 'UTC') => parseCadence({ cadence, time }, zone, NOW, cronerScheduling);
const nextRuns = (pattern: string, zone: string, from: number, n: number) => nextRunsWith(cronerScheduling, pattern, zone, from, n);

function errorOf(result: ReturnType<typeof parse>): string {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('cadence presets', () => {
  it('compile daily, weekdays and weekly:<day> to cron in minute-hour order', () => {
    expect(parse('daily', '09:00')).toEqual({ ok: true, value: { cron: '0 9 * * *', label: 'daily at 09:00' } });
    expect(parse('weekdays', '07:30')).toEqual({ ok: true, value: { cron: '30 7 * * 1-5', label: 'weekdays (Mon–Fri) at 07:30' } });
    expect(parse('weekly:mon', '18:05')).toEqual({ ok: true, value: { cron: '5 18 * * 1', label: 'weekly on Monday at 18:05' } });
  });

  it('accept day names in full, any case, and "weekly mon" / "weekly on Sunday"', () => {
    expect(parse('weekly:Sunday', '10:00').ok && parse('weekly:Sunday', '10:00')).toMatchObject({ value: { cron: '0 10 * * 0' } });
    expect(parse('WEEKLY:sat', '10:00')).toMatchObject({ value: { cron: '0 10 * * 6' } });
    expect(parse('weekly thu', '10:00')).toMatchObject({ value: { cron: '0 10 * * 4' } });
    expect(parse('weekly on Wednesday', '10:00')).toMatchObject({ value: { cron: '0 10 * * 3' } });
    expect(parse('weekly:tues', '10:00')).toMatchObject({ value: { cron: '0 10 * * 2' } });
    expect(parse('weekly:fri', '9:05')).toMatchObject({ value: { cron: '5 9 * * 5', label: 'weekly on Friday at 09:05' } });
  });

  it('need a day for weekly and a time for every preset', () => {
    expect(errorOf(parse('weekly', '09:00'))).toMatch(/weekly needs a day/);
    expect(errorOf(parse('weekly:funday', '09:00'))).toMatch(/“funday” is not a day of the week/);
    expect(errorOf(parse('daily'))).toMatch(/daily needs a time of day: add one such as time:09:00 or time:9am/);
    expect(errorOf(parse('weekdays'))).toMatch(/weekdays needs a time of day/);
  });

  it('refuse impossible times of day', () => {
    for (const t of ['25:00', '24:00', '12:60', '13pm', '0am', '9', '9.30', '09:0', '-1:00', '9:75 pm', '']) {
      expect(errorOf(parse('daily', t)), t).toMatch(/is not a time of day: use the 24-hour clock \(time:09:00, time:21:30\) or am\/pm \(time:9am, time:9:30 pm\)/);
    }
  });

  it('read times on the 24-hour clock and with am or pm', () => {
    const cases: [string, number, number][] = [
      ['00:00', 0, 0], ['23:59', 23, 59], ['21:30', 21, 30], ['9:05', 9, 5], ['9am', 9, 0], ['9 AM', 9, 0], ['9:30 pm', 21, 30],
      ['9:30pm', 21, 30], ['9.30 p.m.', NaN, NaN], ['12am', 0, 0], ['12pm', 12, 0], ['12:15 am', 0, 15], ['noon', 12, 0], ['midnight', 0, 0],
    ];
    for (const [text, hour, minute] of cases) {
      const r = parseTimeOfDay(text);
      if (Number.isNaN(hour)) expect(r.ok, text).toBe(false);
      else expect(r, text).toEqual({ ok: true, value: { hour, minute } });
    }
    expect(parse('weekdays', '9:30 pm')).toEqual({ ok: true, value: { cron: '30 21 * * 1-5', label: 'weekdays (Mon–Fri) at 21:30' } });
  });

  it('say what is known when the cadence is not', () => {
    expect(errorOf(parse('fortnightly', '09:00'))).toMatch(/I don’t know the cadence “fortnightly”. Use daily, weekdays, weekly:<day>/);
    expect(errorOf(parse('  ', '09:00'))).toMatch(/cadence is missing/);
  });
});

describe('cron expressions', () => {
  it('are validated by croner and kept as typed (white space tidied)', () => {
    expect(parse('0 9 * * 1-5')).toEqual({ ok: true, value: { cron: '0 9 * * 1-5', label: 'cron 0 9 * * 1-5' } });
    expect(parse(' 15  8 1,15 * * ')).toMatchObject({ ok: true, value: { cron: '15 8 1,15 * *' } });
    expect(parse('0 9 * * MON-FRI')).toMatchObject({ ok: true });
    expect(parse(`*/${MIN_GAP_MINUTES} * * * *`)).toMatchObject({ ok: true });
  });

  it('are refused when invalid, naming the field in our words and never in croner’s', () => {
    expect(errorOf(parse('61 9 * * *'))).toMatch(/“61 9 \* \* \*” is not a valid cron expression \(“61” is not a minute I can read: it takes 0–59/);
    expect(errorOf(parse('0 9 * * 8'))).toMatch(/not a valid cron expression \(“8” is not a day of the week I can read: it takes 0–7 or a name such as mon/);
    for (const typed of ['-1 * * * *', '*/0 * * * *', '0 9 5-1 * *', '0 9 1W * *', '0 9 * * 1#9', '0 9 * FOO *']) {
      const error = errorOf(parse(typed));
      expect(error, typed).toMatch(/is not a valid cron expression \(“[^”]+” is not a [a-z ]+ I can read/);
      expect(error, typed).not.toMatch(/illegal|NaN|CronPattern|stepping|configuration entry/i);
    }
    expect(parse('0 9 L * *')).toMatchObject({ ok: true });
    expect(parse('0 9 * * 1#2')).toMatchObject({ ok: true });
    expect(parse('0 9 * JAN-MAR SUN')).toMatchObject({ ok: true });
    expect(errorOf(parse('0 9 * *'))).toMatch(/needs five fields/);
    expect(errorOf(parse('0 9 * * * * *'))).toMatch(/needs five fields/);
  });

  it('are refused where croner would read them otherwise than a person means: ? and the Quartz 5L', () => {
    // croner puts the clock's day (or minute…) in place of ?, so these would change with the day they are read.
    for (const typed of ['0 9 ? * *', '0 9 * * ?', '? 9 * * *', '0 9 ? * MON-FRI']) {
      expect(errorOf(parse(typed)), typed).toMatch(/“\?” is not a [a-z ]+ I can read: it takes .*\*/);
    }
    // croner reads 5L as 5 (every Friday); its own form of the last Friday, 5#L, is taken.
    expect(errorOf(parse('0 9 * * 5L'))).toMatch(/“5L” is not a day of the week I can read/);
    expect(parse('0 9 * * 5#L')).toMatchObject({ ok: true });
    expect(nextRuns('0 9 * * 5#L', 'UTC', NOW, 3).map((t) => new Date(t).toISOString().slice(0, 10))).toEqual(['2026-11-27', '2026-12-25', '2027-01-29']);
  });

  it('are refused with six fields: no second-level schedules', () => {
    expect(errorOf(parse('*/5 * * * * *'))).toMatch(/has six fields; I take five/);
  });

  it('are refused when they would post more often than the minimum gap', () => {
    expect(errorOf(parse('* 9 * * *'))).toMatch(/“\* 9 \* \* \*” would sometimes post only 1 minute after the last prompt; a schedule may post at most once every 10 minutes\./);
    expect(errorOf(parse('*/5 * * * *'))).toMatch(/only 5 minutes after the last prompt/);
  });

  it('are refused when they never run, or come with a time, or are nicknames', () => {
    expect(errorOf(parse('0 9 30 2 *'))).toMatch(/never runs/);
    expect(errorOf(parse('0 9 * * *', '09:00'))).toMatch(/carries its own time of day/);
    expect(errorOf(parse('@daily'))).toMatch(/nicknames/);
  });
});

describe('time zones', () => {
  it('accept IANA names in any case and spell them canonically', () => {
    expect(resolveTimeZone('Europe/Kyiv')).toEqual({ ok: true, value: 'Europe/Kyiv' });
    expect(resolveTimeZone('america/new_york')).toEqual({ ok: true, value: 'America/New_York' });
    expect(resolveTimeZone('utc')).toEqual({ ok: true, value: 'UTC' });
    expect(resolveTimeZone('America/Argentina/Buenos_Aires')).toEqual({ ok: true, value: 'America/Argentina/Buenos_Aires' });
  });

  it('refuse unknown names, offsets and abbreviations', () => {
    for (const z of ['Mars/Olympus', 'Europe/Kiyv', 'EST', 'CET', '', 'New York']) {
      const r = resolveTimeZone(z);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/is not a time zone I know.*Use a city such as Kyiv or New York, or an IANA name such as Europe\/Kyiv/);
    }
    const offset = resolveTimeZone('+02:00');
    expect(offset.ok === false && offset.error).toMatch(/fixed UTC offset would shift the post/);
  });

  it('format a run time in its zone with the zone’s name', () => {
    expect(formatInZone(Date.parse('2026-11-30T07:00:00Z'), 'Europe/Kyiv')).toBe('Mon 30 Nov 2026, 09:00 (Europe/Kyiv)');
    expect(formatInZone(Date.parse('2026-11-30T00:05:00Z'), 'America/New_York')).toBe('Sun 29 Nov 2026, 19:05 (America/New_York)');
  });
});

describe('nextRuns', () => {
  it('lists the next runs strictly after `from`, at the wall time of the zone', () => {
    const runs = nextRuns('0 9 * * *', 'Europe/Kyiv', NOW, 3);
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-11-27T07:00:00.000Z', '2026-11-28T07:00:00.000Z', '2026-11-29T07:00:00.000Z']);
    expect(nextRuns('0 9 * * *', 'UTC', Date.parse('2026-11-27T09:00:00Z'), 1)[0]?.toISOString()).toBe('2026-11-28T09:00:00.000Z');
    expect(nextRuns('0 9 30 2 *', 'UTC', NOW, 3)).toEqual([]);
  });

  it('keeps 09:00 local across a daylight-saving change (the UTC time moves instead)', () => {
    const runs = nextRuns('0 9 * * *', 'America/New_York', Date.parse('2026-03-07T00:00:00Z'), 2);
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z']);
  });
});

describe('time zones by city', () => {
  it('map an unambiguous city to its IANA name, in any case and with spaces', () => {
    for (const [typed, zone] of [
      ['kyiv', 'Europe/Kyiv'], ['Kyiv', 'Europe/Kyiv'], ['kiev', 'Europe/Kyiv'], ['new york', 'America/New_York'], ['New_York', 'America/New_York'],
      ['sao paulo', 'America/Sao_Paulo'], ['São Paulo', 'America/Sao_Paulo'], ['london', 'Europe/London'], ['washington', 'America/New_York'],
      ['Europe/Kyiv', 'Europe/Kyiv'], ['utc', 'UTC'],
    ]) {
      expect(lookUpTimeZone(typed!), typed).toEqual({ ok: true, value: zone });
    }
  });

  it('list the choices for an ambiguous name, and refuse what names no zone', () => {
    const portland = lookUpTimeZone('portland');
    expect(portland.ok === false && portland.error).toBe(
      '“portland” could be more than one time zone: America/Los_Angeles, America/New_York. Give the one you mean, e.g. timezone:America/Los_Angeles.',
    );
    const partial = lookUpTimeZone('new');
    expect(partial.ok === false && partial.error).toMatch(/could be more than one time zone: .*America\/New_York/);
    const none = lookUpTimeZone('atlantis');
    expect(none.ok === false && none.error).toMatch(/“atlantis” is not a time zone I know/);
    const offset = lookUpTimeZone('+02:00');
    expect(offset.ok === false && offset.error).toMatch(/fixed UTC offset/);
  });
});

describe('how long a prompt stays open', () => {
  it('reads minutes, hours and days, from 10 minutes to 14 days', () => {
    expect(parseDuration('2h')).toEqual({ ok: true, value: 120 });
    expect(parseDuration('90 minutes')).toEqual({ ok: true, value: 90 });
    expect(parseDuration('1d 12h')).toEqual({ ok: true, value: 2160 });
    expect(parseDuration('3 days')).toEqual({ ok: true, value: 4320 });
    for (const bad of ['5m', '15d', 'soon', '2 fortnights', '2', '']) expect(parseDuration(bad).ok, bad).toBe(false);
    expect(durationLabel(150)).toBe('2 h 30 min');
    expect(durationLabel(1440)).toBe('1 day');
  });
});
