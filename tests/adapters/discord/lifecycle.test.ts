import { describe, expect, it } from 'vitest';
import { GatewayIntentBits, MessageFlags } from 'discord.js';
import { loadConfig } from '../../../src/config.js';
import { openRuntime } from '../../../src/runtime.js';
import { startDiscord } from '../../../adapters/discord/index.js';
import { recordingLogger } from '../../support/logger.js';
import { until } from '../../support/until.js';
import { ALICE, APP, BOB, CHANNEL, GUILD, TOKEN, callbackType, sentMessage, textOf, useStartBot } from './harness.js';

const startBot = useStartBot();

describe('the Discord adapter’s life', () => {
  it('identifies with the Guilds intent only (no privileged intents) and logs its start without the token', async () => {
    const bot = await startBot();
    const identify = bot.fake.gatewayLog.find((e) => e.direction === 'in' && e.op === 2)!;
    expect((identify.d as { intents: number }).intents).toBe(GatewayIntentBits.Guilds);
    expect(bot.log.entries.some((e) => e.msg === 'connected to Discord')).toBe(true);
    expect(bot.fake.requests.find((r) => r.path === '/gateway/bot')?.headers.authorization).toBe(`Bot ${TOKEN}`);
  });

  it('holds only its own shards when DISCORD_SHARDS and DISCORD_SHARD_COUNT are set, and answers on them', async () => {
    const bot = await startBot({ DISCORD_SHARDS: '1', DISCORD_SHARD_COUNT: '2' });
    const identifies = bot.fake.gatewayLog.filter((e) => e.direction === 'in' && e.op === 2);
    expect(identifies.map((e) => (e.d as { shard: number[] }).shard)).toEqual([[1, 2]]);
    const sent = await bot.slash('keypoints', 'show', {}, ALICE);
    expect(callbackType((await bot.responses(sent, 1))[0])).toBe(4);
  });

  /** A bot whose answer to one /keypoints is held up by a rate limit, so it is still in flight when stop() begins. */
  async function botWithAnInteractionInFlight() {
    const bot = await startBot({}, { deferAfterMs: 0 });
    bot.fake.failNext({ method: 'PATCH', pathPattern: /messages\/@original$/, status: 429, retryAfter: 0.5 });
    const sent = await bot.slash('keypoints', 'show', {}, ALICE);
    await bot.fake.waitForCallback(sent.id);
    return { bot, sent };
  }

  it('lets an interaction in flight finish before it disconnects', async () => {
    const { bot, sent } = await botWithAnInteractionInFlight();
    const stopping = bot.adapter.stop();
    await stopping;
    const statuses = bot.fake.interactionResponses(sent.id, { includeFailed: true }).map((r) => `${r.method} ${r.status}`);
    expect(statuses).toEqual(['POST 204', 'PATCH 429', 'PATCH 200']);
    expect(bot.fake.gatewayConnected).toBe(false);
    // The harness stops it again on close: stopping twice is harmless.
  });

  it('answers an interaction that arrives while it stops, instead of leaving it unanswered', async () => {
    const { bot } = await botWithAnInteractionInFlight();
    const stopping = bot.adapter.stop();
    const late = await bot.slash('quiz', 'start', {}, BOB);
    const [answer] = await bot.responses(late, 1);
    expect(callbackType(answer)).toBe(4);
    expect(sentMessage(answer!).flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(textOf(sentMessage(answer!))).toMatch(/restarting/i);
    await stopping;
    expect(await bot.runtime.services.store.activeChannelQuiz({ platform: 'discord', serverId: GUILD, channelId: CHANNEL })).toBeNull();
  });

  it('refuses to start without a token, and reports a refused login without echoing the token', async () => {
    const log = recordingLogger();
    const config = loadConfig({ DATABASE_PATH: ':memory:' });
    const runtime = await openRuntime(config, log);
    try {
      await expect(startDiscord(runtime, config, log)).rejects.toThrow(/DISCORD_TOKEN/);
      const bot = await startBot();
      const wrong = loadConfig({ DATABASE_PATH: ':memory:', DISCORD_TOKEN: 'not-the-token-at-all', DISCORD_API_URL: bot.fake.apiUrl, DISCORD_APPLICATION_ID: APP });
      const err = await startDiscord(runtime, wrong, log).then(() => null, (e: unknown) => e as Error);
      expect(err?.message).toMatch(/could not connect to Discord/);
      expect(err?.message).not.toContain('not-the-token-at-all');
      expect(JSON.stringify(log.entries)).not.toContain('not-the-token-at-all');
    } finally {
      await runtime.close();
    }
  });
  it('logs a failed answer with its route, never the interaction token', async () => {
    const bot = await startBot();
    bot.fake.failNext({ method: 'POST', pathPattern: /\/callback$/, status: 404, code: 10062, message: 'Unknown interaction' });
    const sent = await bot.slash('keypoints', 'show');
    await bot.fake.waitFor((r) => r.interactionId === sent.id && r.status === 404);
    const failed = await until(() => bot.log.entries.find((e) => e.msg === 'interaction failed'));
    expect(failed.obj).toMatchObject({ interaction: sent.id, err: { code: 10062, status: 404, route: expect.stringMatching(/\/interactions\/\d+\/:token\/callback/) } });
    expect(JSON.stringify(bot.log.entries)).not.toContain(sent.token);
  });
});
