import type { Config } from './config.js';
import type { Logger } from './core/logger.js';
import type { Platform, Services } from './core/context.js';
import type { Poster } from './core/poster.js';
import type { Runtime } from './runtime.js';
import { quizRevealTask, revealKind, startBackground, type Background, type DueTask } from './core/background.js';
import { scheduledPromptTask, scheduledSlotKind } from './schedule/runner.js';
import { classDebateKind, classDebateTask } from './core/engines/class-debate/clock.js';
import { promptCloseKind, promptCloseTask } from './core/prompt-close-task.js';
import { postRecoveryTask } from './core/post-once.js';

/** A platform adapter once started: `stop` lets work in flight finish, then disconnects. */
export interface RunningAdapter {
  platform: Platform;
  stop(): Promise<void>;
}

export type AdapterStarter = (runtime: Runtime, config: Config, logger: Logger) => Promise<RunningAdapter>;

/** Thrown by an adapter whose start-up was called off by a stop signal: a clean stop, not a failure. */
export class StartAborted extends Error {
  constructor(platform: Platform) {
    super(`${platform} start-up was stopped before it finished`);
    this.name = 'StartAborted';
  }
}

/**
 * Runs `connect` unless `signal` is aborted first; on abort, `cancel` tears down what it began and
 * StartAborted is thrown. What `connect` does later (a login that completes anyway) is ignored.
 */
export async function unlessAborted<T>(platform: Platform, signal: AbortSignal | undefined, connect: Promise<T>, cancel: () => Promise<void>): Promise<T> {
  connect.catch(() => {});
  if (!signal) return connect;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new StartAborted(platform));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([connect, aborted]);
  } catch (err) {
    if (err instanceof StartAborted) await cancel().catch(() => {});
    throw err;
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort);
  }
}

/** Everything that falls due on the clock for one platform, posted through that platform's poster. */
export function dueTasks(services: Services, platform: Platform, poster: Poster): DueTask[] {
  return [
    // Posts whose process died mid-way, taken up again once their leases expire. First: they are the
    // oldest work, and a process that is killed again and again soon after it starts (a crash loop, a
    // starved machine) still gets to them before new work, instead of never.
    postRecoveryTask(services, platform, poster, [
      scheduledSlotKind(services), revealKind(services), promptCloseKind(services), classDebateKind(services),
    ]),
    quizRevealTask(services, platform, poster), scheduledPromptTask(services, platform, poster), promptCloseTask(services, platform, poster),
    classDebateTask(services, platform, poster),
  ];
}

/** Starts a platform's background loop and lets `services.wake()` reach it. */
export function startPlatformBackground(runtime: Runtime, platform: Platform, poster: Poster): Background {
  const background = startBackground(runtime.services, dueTasks(runtime.services, platform, poster));
  runtime.onWake(() => background.wake());
  return background;
}
