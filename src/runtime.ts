import type { Config } from './config.js';
import type { Services } from './core/context.js';
import type { Logger } from './core/logger.js';
import { createServices } from './core/services.js';
import { loadPack, DEFAULT_PACK_DIR } from './core/pack/load.js';
import { lazyMatcher } from './core/match/lazy-matcher.js';
import { openStore } from './store/open.js';
import { cronerScheduling } from './schedule/slots.js';

/** The bot's shared parts, built once per process and handed to every adapter. */
export interface Runtime {
  services: Services;
  /** Adds a listener to `services.wake` (each adapter's background loop registers one). */
  onWake(listener: () => void): void;
  /** Loads and builds now what is otherwise loaded and built on first use (the matcher), so no user waits for it. */
  warm(): Promise<void>;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const pack = await loadPack(config.CONTENT_PACK ?? DEFAULT_PACK_DIR);
  // The matcher's code (its index, minisearch, the tables it builds as it loads) loads with the first command.
  const matcher = lazyMatcher(async () => {
    const { createMatcher } = await import('./core/match/create-matcher.js');
    return () => createMatcher(pack);
  });
  const store = await openStore(config);
  const listeners: (() => void)[] = [];
  const services: Services = {
    ...createServices({
      pack, matcher, store, logger, scheduling: cronerScheduling,
      settings: {
        quizChannelSeconds: config.QUIZ_CHANNEL_SECONDS,
        debateTurnLimit: config.DEBATE_TURN_LIMIT,
        defaultTimeZone: config.DEFAULT_TIMEZONE,
        maxSchedulesPerChannel: config.MAX_SCHEDULES_PER_CHANNEL,
        scheduleGraceMinutes: config.SCHEDULE_GRACE_MINUTES,
      },
    }),
    wake: () => listeners.forEach((l) => l()),
    ready: () => matcher.load(),
    // Loaded on first use: a bot that never draws a map never loads the native renderer.
    renderPng: async (svg) => (await import('./images/svg-to-png.js')).svgToPng(svg),
  };
  logger.info({ pack: pack.manifest.id, points: pack.points.length, database: config.DATABASE_URL ? 'postgres' : config.DATABASE_PATH }, 'runtime ready');
  return {
    services,
    onWake: (l) => listeners.push(l),
    warm: () => matcher.warm(),
    close: () => store.close(),
  };
}
