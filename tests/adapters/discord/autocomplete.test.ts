import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/core/commands/index.js';
import { ADMIN, useBot } from './harness.js';

const bot = useBot({}, {}, 'file');

type Suggestion = { name: string; value: string };

async function suggest(command: string, subcommand: string | undefined, option: string, partial: string): Promise<Suggestion[]> {
  const flattened = COMMANDS.find((c) => c.name === command)!.subcommands.length === 1;
  const sent = await bot.fake.autocomplete({
    name: command, ...(flattened ? {} : { subcommand }), options: { [option]: partial }, focused: option, user: ADMIN,
  });
  const [callback] = await bot.responses(sent, 1);
  const body = callback!.body as { type: number; data: { choices: Suggestion[] } };
  expect(body.type).toBe(8);
  expect(body.data.choices.length).toBeLessThanOrEqual(25);
  for (const c of body.data.choices) {
    expect(c.name.length).toBeGreaterThan(0);
    expect(c.name.length).toBeLessThanOrEqual(100);
    expect(c.value.length).toBeLessThanOrEqual(100);
  }
  return body.data.choices;
}

/** Every option the core declares with an autocomplete source, wherever it is. */
const AUTOCOMPLETED = COMMANDS.flatMap((c) => c.subcommands.flatMap((s) =>
  s.options.filter((o) => o.autocomplete).map((o) => ({ command: c.name, subcommand: s.name, option: o.name, source: o.autocomplete! }))));

describe('autocomplete on Discord', () => {
  it('covers motions, topics, time zones and schedules', () => {
    expect(new Set(AUTOCOMPLETED.map((a) => a.source))).toEqual(new Set(['motion', 'topic', 'timezone', 'schedule']));
  });

  it('answers every autocompleted option of the one list within Discord’s limits', async () => {
    for (const a of AUTOCOMPLETED) await suggest(a.command, a.subcommand, a.option, '');
  });

  it('suggests motions by title and id', async () => {
    const motions = await suggest('debate', 'start', 'motion', '');
    expect(motions.length).toBeGreaterThan(0);
    const first = motions[0]!;
    const narrowed = await suggest('debate', 'start', 'motion', first.value.slice(0, 6));
    expect(narrowed.map((m) => m.value)).toContain(first.value);
  });

  it('suggests topics and time zones as the user types', async () => {
    const topics = await suggest('keypoints', 'show', 'topic', 'nato');
    expect(topics.length).toBeGreaterThan(0);
    const zones = await suggest('prompt', 'schedule', 'timezone', 'berl');
    expect(zones.map((z) => z.value)).toContain('Europe/Berlin');
  });

  it('suggests this server’s schedules by id', async () => {
    const created = await bot.slash('prompt', 'schedule', { cadence: 'weekdays', time: '08:30', timezone: 'Europe/Kyiv' }, ADMIN);
    await bot.responses(created, 1);
    const schedules = await suggest('prompt', 'pause', 'id', '');
    expect(schedules).toHaveLength(1);
    expect(schedules[0]!.name).toContain(schedules[0]!.value);
  });
});
