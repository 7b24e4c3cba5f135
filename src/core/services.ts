import type { CoreSettings, Services } from './context.js';
import type { Pack } from './pack/model.js';
import type { Matcher } from './match/matcher.js';
import type { Store } from './store/store.js';
import { silentLogger, type Logger } from './logger.js';
import type { Scheduling } from './schedule/scheduling.js';

export const DEFAULT_SETTINGS: CoreSettings = {
  quizChannelSeconds: 20,
  debateTurnLimit: 6,
  defaultTimeZone: 'UTC',
  maxSchedulesPerChannel: 5,
  scheduleGraceMinutes: 60,
  postLeaseSeconds: 30,
};

export function createServices(parts: {
  pack: Pack;
  matcher: Matcher;
  store: Store;
  /** Needed only where schedules are made or resumed: without one, those commands fail (and log why). */
  scheduling?: Scheduling;
  settings?: Partial<CoreSettings>;
  logger?: Logger;
  now?: () => Date;
  random?: () => number;
  renderPng?: (svg: string) => Promise<Uint8Array>;
}): Services {
  return {
    pack: parts.pack,
    matcher: parts.matcher,
    store: parts.store,
    settings: { ...DEFAULT_SETTINGS, ...parts.settings },
    logger: parts.logger ?? silentLogger,
    now: parts.now ?? (() => new Date()),
    random: parts.random ?? Math.random,
    scheduling: parts.scheduling ?? NO_SCHEDULING,
    // Replaced by start-up once background work runs; until then there is nothing to wake.
    wake: () => {},
    ...(parts.renderPng ? { renderPng: parts.renderPng } : {}),
  };
}

const missing = (): never => {
  throw new Error('no scheduling engine was given to createServices');
};
const NO_SCHEDULING: Scheduling = { runnable: missing, slotAfter: missing };
