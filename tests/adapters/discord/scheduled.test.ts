import { describe, expect, it } from 'vitest';
import { until } from '../../support/until.js';
import { ADMIN, CHANNEL, textOf, useBot } from './harness.js';

const bot = useBot();

describe('scheduled prompts on Discord', () => {
  it('posts a due slot into the schedule’s channel, with its quote, votes and a discussion thread, once', async () => {
    const created = await bot.slash('prompt', 'schedule', { cadence: 'daily', time: '09:00', timezone: 'Europe/Kyiv' }, ADMIN);
    await bot.responses(created, 1);
    const services = bot.runtime.services;
    const [schedule] = await services.store.listSchedules('discord', bot.fake.guildId);
    expect(schedule?.channelId).toBe(CHANNEL);

    // Make the next slot due now instead of waiting for 09:00 in Kyiv; the scheduler does the rest.
    const slot = Date.now();
    await services.store.updateSchedule(schedule!.id, { nextRun: slot });
    services.wake();

    const message = await until(() => bot.fake.channelMessages(CHANNEL).find((m) => textOf(m).includes('Agree or disagree: ')));
    expect(textOf(message)).toMatch(/Agree or disagree: /);
    expect(textOf(message)).toMatch(/Andrew Latham/);
    const thread = await until(() => bot.fake.threads(CHANNEL)[0]);
    expect(thread.id).toBe(message.id);

    // The slot is posted for good, with the message's id: waking again (as a restart or a second
    // instance would) posts nothing more.
    // (Marked posted just after the message is out.)
    const lease = await until(async () => {
      const l = await services.store.getPostLease(`sched:${schedule!.id}:${slot}`);
      return l?.state === 'posted' && l;
    }, 10_000, 'the slot marked posted');
    expect(lease).toMatchObject({ state: 'posted', messageId: message.id });
    services.wake();
    await new Promise((r) => setTimeout(r, 300));
    expect(bot.fake.channelMessages(CHANNEL).filter((m) => textOf(m).includes('Agree or disagree: '))).toHaveLength(1);
    const after = await services.store.getSchedule(schedule!.id);
    expect(after!.nextRun).toBeGreaterThan(slot);
  });
});
