import { describe, expect, it } from 'vitest';
import { until } from '../../support/until.js';
import { ADMIN, ALICE, APP, buttonIds, callbackType, CHANNEL, sentMessage, useBot } from './harness.js';

// Discord does not count an interaction's follow-ups and edits against the bot's global rate limit;
// discord.js's REST client does (it exempts only the callback). The adapter sends them through a
// REST manager of its own (adapters/discord/interaction-webhooks.ts), so a global limit on the bot's
// other requests does not hold them up.

const bot = useBot({}, { deferAfterMs: 0 });

const CHANNEL_POST = new RegExp(`^/channels/${CHANNEL}/messages$`);
/** Long enough that an answer held behind the global limit could not arrive inside HELD_UNDER_MS. */
const GLOBAL_LIMIT_S = 5;
const HELD_UNDER_MS = 3500;

/**
 * Makes a scheduled prompt due. Its post to the channel (a request of the bot's own, through the
 * client's REST) meets a global 429, so the client then holds every request it sends for GLOBAL_LIMIT_S.
 */
async function globallyLimited(): Promise<void> {
  await bot.slash('prompt', 'schedule', { cadence: 'daily', time: '09:00', timezone: 'Europe/Kyiv' }, ADMIN);
  const { store } = bot.runtime.services;
  const schedule = await until(async () => (await store.listSchedules('discord', bot.fake.guildId))[0]);
  bot.fake.failNext({ method: 'POST', pathPattern: CHANNEL_POST, status: 429, global: true, retryAfter: GLOBAL_LIMIT_S });
  await store.updateSchedule(schedule.id, { nextRun: Date.now() });
  bot.runtime.services.wake();
  await bot.fake.waitFor({ method: 'POST', path: CHANNEL_POST, status: 429 });
}

/** The scheduled post, once the limit has passed: held, not dropped. */
const postedAfterTheLimit = () => bot.fake.waitFor({ method: 'POST', path: CHANNEL_POST, status: 200 }, (GLOBAL_LIMIT_S + 5) * 1000);

describe('interaction follow-ups and edits on Discord', () => {
  it('edits a deferred answer while a global rate limit holds the bot’s own requests', async () => {
    await globallyLimited();
    const t0 = Date.now();
    const sent = await bot.slash('keypoints', 'show', {}, ALICE);
    const [callback, edit] = await bot.responses(sent, 2);
    expect(Date.now() - t0).toBeLessThan(HELD_UNDER_MS);
    expect(callbackType(callback)).toBe(5);
    expect(edit).toMatchObject({ method: 'PATCH', path: `/webhooks/${APP}/${sent.token}/messages/@original`, status: 200 });
    expect(sentMessage(edit!).embeds[0]?.title).toMatch(/^Key point — /);
    expect(bot.fake.find({ method: 'POST', path: CHANNEL_POST, status: 200 })).toHaveLength(0);
    await postedAfterTheLimit();
  });

  it('sends a click’s follow-up while the limit holds, and the Discord error of a refused one still reaches the log', async () => {
    const [, shown] = await bot.responses(await bot.slash('keypoints', 'show', {}, ALICE), 2);
    await globallyLimited();
    const t0 = Date.now();
    const click = await bot.fake.clickButton({ customId: buttonIds(sentMessage(shown!))[0]!, user: ALICE });
    const [, followUp] = await bot.responses(click, 2);
    expect(Date.now() - t0).toBeLessThan(HELD_UNDER_MS);
    expect(followUp).toMatchObject({ method: 'POST', path: `/webhooks/${APP}/${click.token}`, query: { wait: 'true' } });
    expect(sentMessage(followUp!).allowed_mentions).toEqual({ parse: [] });
    await postedAfterTheLimit();

    // A follow-up Discord refuses fails as it did through discord.js: logged with Discord's code.
    bot.fake.failNext({ method: 'POST', pathPattern: /^\/webhooks\/\d+\/[^/]+$/, status: 403, code: 50013, message: 'Missing Permissions' });
    const refused = await bot.fake.clickButton({ customId: buttonIds(sentMessage(shown!))[0]!, user: ALICE });
    await bot.fake.waitForInteraction(refused.id, { method: 'POST', status: 403 });
    await expect.poll(() => bot.log.entries.find((e) => e.msg === 'interaction failed')).toBeTruthy();
    expect(JSON.stringify(bot.log.entries.find((e) => e.msg === 'interaction failed'))).toContain('50013');
  });
});
