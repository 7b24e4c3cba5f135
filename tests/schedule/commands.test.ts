import { describe, expect, it } from 'vitest';
import { runAutocomplete } from '../../src/core/dispatch.js';
import { findCommand } from '../../src/core/commands/index.js';
import { usage } from '../../src/core/commands/help.js';
import { CHANNEL, PLATFORM, SERVER, makeHarness, type Harness } from './support/harness.js';

const START = '2026-11-26T12:00:00Z'; // Thursday, 14:00 in Kyiv

async function saved(h: Harness) {
  return h.store.listSchedules(PLATFORM, SERVER);
}

describe('/prompt schedule', () => {
  it('saves the schedule and lists its next three runs in its zone', async () => {
    const h = await makeHarness(START);
    const replies = await h.command('schedule', { cadence: 'daily', time: '09:00', timezone: 'Europe/Kyiv' });
    expect(replies).toHaveLength(1);
    expect(replies[0]!.visibility).toBe('private');
    const [s] = await saved(h);
    expect(s).toMatchObject({
      platform: PLATFORM, serverId: SERVER, channelId: CHANNEL, cron: '0 9 * * *', label: 'daily at 09:00',
      timeZone: 'Europe/Kyiv', createdBy: 'u-admin', paused: false, pauseReason: null, nextRun: Date.parse('2026-11-27T07:00:00Z'),
    });
    const text = await h.text('list');
    expect(text).toContain('Next: Fri 27 Nov 2026, 09:00 (Europe/Kyiv)');
    const confirm = replies.map((r) => r.blocks.map((b) => ('text' in b ? b.text : '')).join('\n')).join('\n');
    expect(confirm).toContain('Daily at 09:00 in this channel, Europe/Kyiv time.');
    expect(confirm).toContain('• Fri 27 Nov 2026, 09:00 (Europe/Kyiv)\n• Sat 28 Nov 2026, 09:00 (Europe/Kyiv)\n• Sun 29 Nov 2026, 09:00 (Europe/Kyiv)');
    expect(confirm).toContain(`/prompt pause ${s!.id}`);
    expect(h.wakes).toBe(1);
  });

  it('takes weekdays, weekly:<day> and cron cadences', async () => {
    const h = await makeHarness(START);
    const weekdays = await h.text('schedule', { cadence: 'weekdays', time: '07:30', timezone: 'America/New_York' });
    // 12:00 UTC is 07:00 in New York: today's 07:30 is still to come.
    expect(weekdays).toContain('• Thu 26 Nov 2026, 07:30 (America/New_York)\n• Fri 27 Nov 2026, 07:30 (America/New_York)\n• Mon 30 Nov 2026, 07:30 (America/New_York)');
    const weekly = await h.text('schedule', { cadence: 'weekly:sunday', time: '18:00', timezone: 'UTC' });
    expect(weekly).toContain('Weekly on Sunday at 18:00');
    expect(weekly).toContain('• Sun 29 Nov 2026, 18:00 (UTC)\n• Sun 6 Dec 2026, 18:00 (UTC)\n• Sun 13 Dec 2026, 18:00 (UTC)');
    const cron = await h.text('schedule', { cadence: '0 12 1 * *', timezone: 'Asia/Tokyo' });
    expect(cron).toContain('• Tue 1 Dec 2026, 12:00 (Asia/Tokyo)\n• Fri 1 Jan 2027, 12:00 (Asia/Tokyo)\n• Mon 1 Feb 2027, 12:00 (Asia/Tokyo)');
    expect((await saved(h)).map((s) => s.cron).sort()).toEqual(['0 12 1 * *', '0 18 * * 0', '30 7 * * 1-5']);
  });

  it('defaults to the configured time zone, else UTC', async () => {
    const configured = await makeHarness(START, { defaultTimeZone: 'Europe/Kyiv' });
    await configured.command('schedule', { cadence: 'daily', time: '09:00' });
    expect((await saved(configured))[0]?.timeZone).toBe('Europe/Kyiv');
    const none = await makeHarness(START, { defaultTimeZone: '' });
    await none.command('schedule', { cadence: 'daily', time: '09:00' });
    expect((await saved(none))[0]?.timeZone).toBe('UTC');
  });

  it('posts to another channel when asked, in the platform’s form, including a pasted channel mention', async () => {
    const h = await makeHarness(START);
    const text = await h.text('schedule', { cadence: 'daily', time: '09:00', channel: 'history' });
    expect(text).toContain('in channel history');
    const discord = { platform: 'discord' as const };
    await h.command('schedule', { cadence: 'daily', time: '10:00', channel: '910000000000000011' }, discord);
    await h.command('schedule', { cadence: 'daily', time: '10:00', channel: '<#910000000000000012>' }, discord);
    await h.command('schedule', { cadence: 'daily', time: '10:00', channel: '<#C0SLACK|general>' }, { platform: 'slack' });
    expect((await saved(h)).map((s) => s.channelId)).toEqual(['history']);
    expect((await h.store.listSchedules('discord', SERVER)).map((s) => s.channelId).sort()).toEqual(['910000000000000011', '910000000000000012']);
    expect((await h.store.listSchedules('slack', SERVER)).map((s) => s.channelId)).toEqual(['C0SLACK']);
  });

  it('refuses a channel not in the platform’s form, saying what to give, and saves nothing', async () => {
    const h = await makeHarness(START);
    const refused: [string, { platform?: 'discord' | 'slack' }, RegExp][] = [
      ['#', {}, /“#” is not a channel I can post in: give a channel name such as #general/],
      ['two words', {}, /not a channel I can post in/],
      ['x'.repeat(65), {}, /not a channel I can post in/],
      ['<#C0SLACK|general>', { platform: 'discord' }, /pick a channel from the list Discord offers/],
      ['123456789', { platform: 'discord' }, /not a channel I can post in/],
      ['910000000000000011', { platform: 'slack' }, /type # and pick the channel from the list Slack offers/],
      ['<#c0lower|general>', { platform: 'slack' }, /not a channel I can post in/],
    ];
    for (const [channel, as, why] of refused) {
      expect(await h.text('schedule', { cadence: 'daily', time: '09:00', channel }, as), channel).toMatch(why);
    }
    // Nothing is left once the NUL goes: the option counts as not given, so this channel is meant.
    expect(await h.text('schedule', { cadence: 'daily', time: '09:00', channel: '\u0000' })).toContain('in this channel');
    const rows = [...await saved(h), ...await h.store.listSchedules('discord', SERVER), ...await h.store.listSchedules('slack', SERVER)];
    expect(rows.map((s) => s.channelId)).toEqual([CHANNEL]);
  });

  const INVALID: [string, Record<string, string>, RegExp][] = [
    ['an invalid cron expression', { cadence: '61 9 * * *' }, /not a valid cron expression \(“61” is not a minute I can read/],
    ['a six-field cron expression', { cadence: '*/10 * * * * *' }, /six fields/],
    ['an unknown time zone', { cadence: 'daily', time: '09:00', timezone: 'Europe/Atlantis' }, /“Europe\/Atlantis” is not a time zone I know/],
    ['a fixed offset', { cadence: 'daily', time: '09:00', timezone: '+03:00' }, /fixed UTC offset/],
    ['an impossible time', { cadence: 'daily', time: '25:00' }, /“25:00” is not a time of day/],
    ['a missing time', { cadence: 'weekly:mon' }, /weekly needs a time of day/],
    ['an unknown day', { cadence: 'weekly:someday', time: '09:00' }, /not a day of the week/],
  ];
  for (const [what, options, message] of INVALID) {
    it(`refuses ${what} privately and saves nothing`, async () => {
      const h = await makeHarness(START);
      const replies = await h.command('schedule', options);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.visibility).toBe('private');
      const text = await h.text('schedule', options);
      expect(text).toContain('Nothing was scheduled');
      expect(text).toMatch(message);
      expect(await saved(h)).toEqual([]);
      expect(h.wakes).toBe(0);
    });
  }

  it('refuses a configured default zone it cannot use, saying so', async () => {
    const h = await makeHarness(START, { defaultTimeZone: 'Nowhere/Special' });
    expect(await h.text('schedule', { cadence: 'daily', time: '09:00' })).toMatch(/configured default time zone is not usable/);
    expect(await saved(h)).toEqual([]);
  });

  it('refuses more than the configured number of schedules for one channel', async () => {
    const h = await makeHarness(START, { maxSchedulesPerChannel: 2 });
    await h.command('schedule', { cadence: 'daily', time: '09:00' });
    await h.command('schedule', { cadence: 'daily', time: '10:00' });
    const text = await h.text('schedule', { cadence: 'daily', time: '11:00' });
    expect(text).toContain('This channel already has 2 schedules, the most one channel may have.');
    expect(await saved(h)).toHaveLength(2);
    // Another channel has its own allowance.
    await h.command('schedule', { cadence: 'daily', time: '11:00', channel: 'chan-2' });
    expect(await saved(h)).toHaveLength(3);
  });

  it('refuses a second schedule with the same cadence and time in one channel, naming the first', async () => {
    const h = await makeHarness(START);
    await h.command('schedule', { cadence: 'daily', time: '09:00', timezone: 'Europe/Kyiv' });
    const [first] = await saved(h);
    // 9am is 09:00: the same slots, so a second would post every prompt twice.
    const text = await h.text('schedule', { cadence: 'daily', time: '9am', timezone: 'kyiv' });
    expect(text).toContain('Nothing was scheduled');
    expect(text).toContain(`This channel already has schedule ${first!.id} for daily at 09:00 (Europe/Kyiv): a second would post every prompt twice. Cancel it first with /prompt cancel ${first!.id}, or choose another time.`);
    expect(await saved(h)).toHaveLength(1);
    // Another time, zone or channel is another schedule.
    await h.command('schedule', { cadence: 'daily', time: '9:30 am', timezone: 'kyiv' });
    await h.command('schedule', { cadence: 'daily', time: '09:00', timezone: 'Europe/London' });
    await h.command('schedule', { cadence: 'daily', time: '09:00', timezone: 'Europe/Kyiv', channel: 'chan-2' });
    expect(await saved(h)).toHaveLength(4);
  });

  it('takes times such as 9am and 9:30 pm and a city for the zone, and shows the zone it chose', async () => {
    const h = await makeHarness(START);
    const text = await h.text('schedule', { cadence: 'weekdays', time: '9:30 pm', timezone: 'new york' });
    expect(text).toContain('Weekdays (Mon–Fri) at 21:30 in this channel, America/New_York time (for “new york”).');
    expect(text).toContain('• Thu 26 Nov 2026, 21:30 (America/New_York)');
    expect((await saved(h))[0]).toMatchObject({ cron: '30 21 * * 1-5', timeZone: 'America/New_York' });
    const ambiguous = await h.text('schedule', { cadence: 'daily', time: '9am', timezone: 'portland' });
    expect(ambiguous).toContain('“portland” could be more than one time zone: America/Los_Angeles, America/New_York.');
    expect(await saved(h)).toHaveLength(1);
  });

  it('keeps how long each prompt takes votes, and says so when saving and listing', async () => {
    const h = await makeHarness(START);
    const text = await h.text('schedule', { cadence: 'daily', time: '09:00', closes_after: '2h' });
    expect(text).toContain('Each prompt takes votes for 2 h (or until the next one posts); then its result is posted.');
    expect((await saved(h))[0]?.closeAfterMinutes).toBe(120);
    expect(await h.text('list')).toContain('daily at 09:00 in this channel; each prompt open 2 h');
    const plainSchedule = await h.text('schedule', { cadence: 'daily', time: '10:00' });
    expect(plainSchedule).toContain('Each prompt takes votes until the next one posts; then its result is posted.');
    expect(await h.text('schedule', { cadence: 'daily', time: '11:00', closes_after: 'a while' })).toMatch(/“a while” is not a length of time/);
    expect(await saved(h)).toHaveLength(2);
  });

  it('is for admins only; /prompt list is for everyone', async () => {
    const h = await makeHarness(START);
    const text = await h.text('schedule', { cadence: 'daily', time: '09:00' }, { isAdmin: false });
    expect(text).toMatch(/Only admins can use \/prompt schedule/);
    expect(await saved(h)).toEqual([]);
    expect(await h.text('list', {}, { isAdmin: false })).toMatch(/No discussion prompts are scheduled on this server/);
    const spec = findCommand('prompt')!;
    expect(spec.subcommands.map((s) => [s.name, Boolean(s.adminOnly)])).toEqual([
      ['now', false], ['schedule', true], ['list', false], ['pause', true], ['resume', true], ['cancel', true], ['results', true],
    ]);
    expect(usage(spec, spec.subcommands.find((s) => s.name === 'schedule')!)).toBe(
      '/prompt schedule cadence:… [time:…] [timezone:…] [closes_after:…] [channel:#channel]',
    );
  });
});

describe('/prompt list, pause, resume and cancel', () => {
  async function withTwo(h: Harness) {
    await h.command('schedule', { cadence: 'daily', time: '09:00', timezone: 'Europe/Kyiv' });
    // Lists are in order of creation.
    h.setClock(h.now() + 60_000);
    await h.command('schedule', { cadence: 'weekly:mon', time: '18:00', timezone: 'UTC', channel: 'chan-2' });
    return (await saved(h)).map((s) => s.id) as [string, string];
  }

  it('lists each schedule of the server with its next run, or why it is paused', async () => {
    const h = await makeHarness(START);
    const [a, b] = await withTwo(h);
    await h.command('pause', { id: b }, { user: { id: 'u2', name: 'Grace' } });
    const text = await h.text('list');
    expect(text).toContain(`${a} — daily at 09:00 in this channel\nNext: Fri 27 Nov 2026, 09:00 (Europe/Kyiv)\n${b}`);
    expect(text).toContain(`${b} — weekly on Monday at 18:00 in channel chan-2\nPaused: paused by Grace on Thu 26 Nov 2026, 12:01 (UTC). Resume with /prompt resume ${b}.`);
    // Another server sees none of them.
    expect(await h.text('list', {}, { serverId: 'guild-2' })).toMatch(/No discussion prompts are scheduled/);
  });

  it('pause stops posting; resume plans from now; cancel deletes', async () => {
    const h = await makeHarness(START);
    const [a] = await withTwo(h);
    expect(await h.text('pause', { id: a })).toContain(`Paused schedule ${a}`);
    expect(await h.text('pause', { id: a })).toContain('already paused');
    await h.runUntil('2026-11-28T12:00:00Z');
    expect(h.poster.posts.filter((p) => p.where.channelId === CHANNEL)).toHaveLength(0);

    expect(await h.text('resume', { id: a })).toContain('Next run: Sun 29 Nov 2026, 09:00 (Europe/Kyiv)');
    expect(await h.text('resume', { id: a })).toContain('is not paused');
    await h.runUntil('2026-11-29T12:00:00Z');
    expect(h.poster.posts.filter((p) => p.where.channelId === CHANNEL).map((p) => new Date(p.at).toISOString())).toEqual(['2026-11-29T07:00:00.000Z']);

    expect(await h.text('cancel', { id: a })).toContain(`Cancelled schedule ${a}`);
    expect(await h.store.getSchedule(a)).toBeNull();
    expect(await h.text('list')).not.toContain(a);
    expect(h.wakes).toBe(2 + 1 + 1 + 1);
  });

  it('give schedules short lowercase ids that can be typed back in any case, and take #channel as typed', async () => {
    const h = await makeHarness(START);
    await h.command('schedule', { cadence: 'daily', time: '09:00', channel: '#history' });
    const [s] = await saved(h);
    expect(s!.id).toMatch(/^[a-z2-9]{6}$/);
    expect(s!.id).not.toMatch(/[01ilo]/);
    expect(s!.channelId).toBe('history');
    expect(await h.text('pause', { id: s!.id.toUpperCase() })).toContain(`Paused schedule ${s!.id}`);
  });

  it('touch only schedules of the same platform and server', async () => {
    const h = await makeHarness(START);
    const [a] = await withTwo(h);
    for (const sub of ['pause', 'resume', 'cancel']) {
      for (const as of [{ serverId: 'guild-2' }, { platform: 'slack' as const }]) {
        expect(await h.text(sub, { id: a }, as)).toContain(`There is no schedule “${a}” on this server.`);
      }
      expect(await h.text(sub, { id: 'nonexistent' })).toContain('There is no schedule “nonexistent” on this server.');
    }
    expect(await h.store.getSchedule(a)).toMatchObject({ paused: false });
  });

  it('are refused to non-admins, except list', async () => {
    const h = await makeHarness(START);
    const [a] = await withTwo(h);
    for (const sub of ['pause', 'resume', 'cancel']) {
      expect(await h.text(sub, { id: a }, { isAdmin: false })).toMatch(new RegExp(`Only admins can use /prompt ${sub}`));
    }
    expect(await h.store.getSchedule(a)).toMatchObject({ paused: false });
  });

  it('autocomplete the id from the server’s schedules, and the time zone from IANA names', async () => {
    const h = await makeHarness(START);
    const [a, b] = await withTwo(h);
    const base = { platform: PLATFORM, serverId: SERVER, channelId: CHANNEL, user: { id: 'u', name: 'u' }, isAdmin: true, services: h.services };
    const ids = await runAutocomplete(base, { command: 'prompt', subcommand: 'pause', option: 'id', partial: '' });
    expect(ids.map((s) => s.value)).toEqual([a, b]);
    expect(ids[1]!.name).toBe(`${b} — weekly on Monday at 18:00`);
    const zones = await runAutocomplete(base, { command: 'prompt', subcommand: 'schedule', option: 'timezone', partial: 'new_y' });
    expect(zones.map((z) => z.value)).toContain('America/New_York');
  });
});
