import type { Config } from './config.js';
import type { Logger } from './core/logger.js';
import { StartAborted, type RunningAdapter } from './adapter.js';
import { setTimeout as delay } from 'node:timers/promises';
import { openRuntime, type Runtime } from './runtime.js';
import { startUpDone } from './young-generation.js';

/** How long stopping (or a start-up interrupted by a stop signal) may take before the process goes anyway. */
export const STOP_DEADLINE_MS = 5000;

export function platformsConfigured(config: Config): { discord: boolean; slack: boolean } {
  return { discord: Boolean(config.DISCORD_TOKEN), slack: Boolean(config.SLACK_BOT_TOKEN) };
}

/**
 * Starts the bot: Discord and/or Slack when their tokens are set (one process can serve both),
 * otherwise the terminal adapter. Platform SDKs are imported only for the adapter that starts.
 */
export async function startBot(config: Config, logger: Logger): Promise<void> {
  // Listening from the start: a signal that comes while the adapters connect calls the connecting off.
  const stopping = new AbortController();
  const stopSignal = new Promise<string>((resolve) => {
    const stop = (signal: string) => {
      stopping.abort();
      resolve(signal);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  const runtime = await openRuntime(config, logger);
  const wanted = platformsConfigured(config);
  const adapters: RunningAdapter[] = [];
  const { signal } = stopping;
  const startAdapters = async () => {
    if (wanted.discord && !signal.aborted) {
      const { startDiscord } = await import('../adapters/discord/index.js');
      if (!signal.aborted) adapters.push(await startDiscord(runtime, config, logger, { signal }));
    }
    if (wanted.slack && !signal.aborted) {
      const { startSlack } = await import('../adapters/slack/index.js');
      if (!signal.aborted) adapters.push(await startSlack(runtime, config, logger, { signal }));
    }
    return 'started' as const;
  };
  // Loading an adapter (discord.js is large) cannot be called off; on a busy machine it may take
  // seconds. A stop that comes meanwhile waits for it a little, then goes: nothing had started.
  const gaveUp = stopSignal.then(() => delay(STOP_DEADLINE_MS, 'gave up' as const, { ref: false }));
  try {
    if ((await Promise.race([startAdapters(), gaveUp])) === 'gave up') {
      logger.warn({ waitedMs: STOP_DEADLINE_MS }, 'stopping before start-up finished: an adapter was still loading');
    }
  } catch (err) {
    if (!(err instanceof StartAborted)) {
      logger.error({ err }, 'an adapter failed to start');
      await stopAll(adapters, runtime, logger);
      throw err;
    }
  }
  if (signal.aborted) {
    logger.info({ signal: await stopSignal, whileStarting: true }, 'stopping');
    await stopAll(adapters, runtime, logger);
    return;
  }
  if (adapters.length > 0) {
    // While the young generation is still held (young-generation.ts). Warming loads the matcher's
    // code; a bot that cannot load it must not stay connected half-started.
    try {
      await runtime.warm();
    } catch (err) {
      logger.error({ err }, 'the argument matcher failed to load');
      await stopAll(adapters, runtime, logger);
      throw err;
    }
  }
  startUpDone();
  if (adapters.length === 0) {
    const { runShellAdapter } = await import('../adapters/shell/index.js');
    const { exportDirFor } = await import('../adapters/shell/files.js');
    await runShellAdapter(runtime, { user: 'you', channel: 'general', json: false, exportDir: exportDirFor(config.DATABASE_PATH) });
    await runtime.close();
    return;
  }
  logger.info({ signal: await stopSignal }, 'stopping');
  await stopAll(adapters, runtime, logger);
}

/** Stops every adapter, then closes the store; a failure is logged, never left to reject (the process must still exit 0). */
export async function stopAll(adapters: RunningAdapter[], runtime: Runtime, logger: Logger): Promise<void> {
  // A hung platform must not keep the process alive: give everything a few seconds, then go.
  const deadline = delay(STOP_DEADLINE_MS, undefined, { ref: false });
  await Promise.race([
    (async () => {
      for (const a of adapters) await a.stop().catch((err) => logger.error({ err, platform: a.platform }, 'stop failed'));
      await runtime.close().catch((err) => logger.error({ err }, 'could not close the store'));
    })(),
    deadline,
  ]);
}
