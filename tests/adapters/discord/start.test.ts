import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRostrum, tempDbPath } from '../../support/cli.js';
import { startFakeDiscord, type FakeDiscord } from '../../support/fake-discord/index.js';
import { until } from '../../support/until.js';
import { APP, CHANNEL, GUILD, TOKEN } from './harness.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord({
    guilds: [{ id: GUILD, name: 'Debate Club', channels: [{ id: CHANNEL, name: 'debates', type: 0 }] }],
    applicationId: APP, botUserId: APP, token: TOKEN,
  });
});
afterAll(async () => {
  await fake.close();
  expect(fake.errors).toEqual([]);
});

describe('`rostrum start` with DISCORD_TOKEN', () => {
  it('connects to Discord, answers a command, and stops cleanly on SIGTERM without logging the token', async () => {
    const bot = startRostrum(['start'], {
      DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DATABASE_PATH: await tempDbPath(), LOG_LEVEL: 'info',
    });
    try {
      await bot.waitFor(/connected to Discord/, 20_000);
      const sent = await fake.slashCommand({ name: 'help' });
      const callback = await fake.waitForCallback(sent.id);
      expect((callback.body as { type: number }).type).toBe(4);
      const exited = new Promise<number | null>((resolve) => bot.child.once('exit', (code) => resolve(code)));
      bot.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(bot.output()).toContain('disconnected from Discord');
      expect(bot.output()).not.toContain(TOKEN);
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 40_000);

  it('stops cleanly on a SIGTERM that arrives while it is still connecting', async () => {
    // The gateway address is held up by a rate limit, so the signal comes before the bot is connected
    // (on a busy machine, often before discord.js has even finished loading). Stopping calls the
    // connecting off rather than waiting for it: it used to wait, and on a loaded machine loading
    // and connecting took longer than the 5 s it allowed, so the process gave up with exit code 1.
    fake.failNext({ method: 'GET', pathPattern: '/gateway/bot', status: 429, retryAfter: 30 });
    const bot = startRostrum(['start'], {
      DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DATABASE_PATH: await tempDbPath(), LOG_LEVEL: 'info',
    });
    try {
      await bot.waitFor(/runtime ready/, 20_000);
      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => bot.child.once('exit', (code, signal) => resolve({ code, signal })));
      bot.child.kill('SIGTERM');
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(bot.output()).toMatch(/"signal":"SIGTERM","whileStarting":true,"msg":"stopping"/);
      expect(bot.output()).not.toMatch(/"level":50/);
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 40_000);

  it('survives a malformed gateway payload that makes discord.js throw, logs it, and answers the next interaction', async () => {
    // The rate limit the test above puts on the gateway address may still be waiting, unused.
    fake.clearFailures();
    const bot = startRostrum(['start'], {
      DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DATABASE_PATH: await tempDbPath(), LOG_LEVEL: 'info',
    });
    let exit: { code: number | null; signal: string | null } | null = null;
    bot.child.once('exit', (code, signal) => (exit = { code, signal }));
    try {
      await bot.waitFor(/connected to Discord/, 30_000);
      // An application-command interaction without its `data`: discord.js reads `data.data.type`
      // while building the interaction and throws a TypeError inside its INTERACTION_CREATE handler,
      // which runs from @discordjs/ws's async message handler. Before the process guard this
      // rejection went unhandled and Node stopped the process (exit 1).
      await fake.dispatch('INTERACTION_CREATE', {
        id: '930000000000000001', application_id: APP, type: 2, token: 'malformed', version: 1, guild_id: GUILD,
        channel_id: CHANNEL,
      });
      await bot.waitFor(/"msg":"an event handler failed; the bot carries on"/, 20_000);
      expect(bot.output()).toMatch(/"level":50[^\n]*Cannot read properties of undefined/);
      expect(exit).toBeNull();

      const sent = await fake.slashCommand({ name: 'help' });
      const callback = await fake.waitForCallback(sent.id, 20_000);
      expect((callback.body as { type: number }).type).toBe(4);
      expect(exit).toBeNull();
      // Still a clean stop afterwards: the guard did not leave anything half-open.
      bot.child.kill('SIGTERM');
      await until(() => exit, 20_000, 'the bot to exit');
      expect(exit).toEqual({ code: 0, signal: null });
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 90_000);
});
