/**
 * One bot process for the kill -9 tests: opens the shared database and runs the background work a
 * platform adapter runs (src/adapter.ts: scheduled prompts, prompt results, channel-quiz reveals,
 * takeovers of posts whose process died) on the real clock, posting through the real Discord or
 * Slack poster (discord.js logged in, or the Slack Web API client) to a fake on 127.0.0.1.
 *
 *   node bin/run-ts.js tests/chaos/support/bot.ts <sqlite file | postgres url> discord|slack <fake api url>
 *
 * A channel-quiz question stays open 1 s and a post's lease lasts LEASE_SECONDS, so a killed post is
 * taken over within seconds. "wake" on standard input re-plans; it says "ready" once its loop runs.
 */
import { createInterface } from 'node:readline';
import { createServices } from '../../../src/core/services.js';
import { loadPack } from '../../../src/core/pack/load.js';
import { startBackground } from '../../../src/core/background.js';
import { dueTasks } from '../../../src/adapter.js';
import type { Poster } from '../../../src/core/poster.js';
import { openTarget } from '../../scale-out/support/target.js';
import { noMatcher } from '../../support/no-matcher.js';
import { silentLogger, type Logger } from '../../../src/core/logger.js';
import { appendFileSync } from 'node:fs';
import { BOT_TOKEN, LEASE_SECONDS } from './settings.js';


const [target, platform, apiUrl] = process.argv.slice(2);
if (!target || (platform !== 'discord' && platform !== 'slack') || !apiUrl) {
  console.error('usage: bot.ts <sqlite file | postgres url> discord|slack <fake api url>');
  process.exit(2);
}
// Never outlive a test that forgot this process.
setTimeout(() => process.exit(5), 300_000).unref();

/** With CHAOS_LOG set, warnings and errors go to that file (one JSON line each), to tell why a run failed. */
function fileLogger(path: string | undefined, bindings: object = {}): Logger {
  if (!path) return silentLogger;
  const at = (level: string) => (obj: object, msg?: string) => {
    const o = { ...bindings, ...obj } as Record<string, unknown>;
    if (o.err instanceof Error) o.err = `${o.err.name}: ${o.err.message}`;
    appendFileSync(path, `${JSON.stringify({ pid: process.pid, at: Date.now(), level, msg, ...o })}\n`);
  };
  return { debug: () => {}, info: at('info'), warn: at('warn'), error: at('error'), child: (more) => fileLogger(path, { ...bindings, ...more }) };
}
const logger = fileLogger(process.env.CHAOS_LOG);

/** Loads only the platform's SDK, as start-up does: a process start is what the kill loop repeats. */
async function platformPoster(): Promise<Poster> {
  if (platform === 'slack') {
    const { webApi } = await import('@slack/bolt');
    const { slackPoster } = await import('../../../adapters/slack/poster.js');
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: apiUrl, logLevel: webApi.LogLevel.ERROR, retryConfig: { retries: 2, minTimeout: 50, maxTimeout: 200 } });
    return slackPoster(client, logger);
  }
  const { Events } = await import('discord.js');
  const { loadConfig } = await import('../../../src/config.js');
  const { createClient } = await import('../../../adapters/discord/index.js');
  const { discordPoster } = await import('../../../adapters/discord/poster.js');
  const client = createClient(loadConfig({ DISCORD_TOKEN: BOT_TOKEN, DISCORD_API_URL: apiUrl }));
  const ready = new Promise((r) => client.once(Events.ClientReady, r));
  await client.login(BOT_TOKEN);
  await ready;
  return discordPoster(client, logger);
}

const [store, poster] = await Promise.all([openTarget(target), platformPoster()]);
const services = createServices({
  pack: await loadPack(), matcher: noMatcher, store, settings: { quizChannelSeconds: 1, postLeaseSeconds: LEASE_SECONDS }, logger,
});
const background = startBackground(services, dueTasks(services, platform, poster));
services.wake = () => background.wake();

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'wake') services.wake();
});
process.stdout.write('ready\n');
