import { afterEach, describe, expect, it } from 'vitest';
import { quizRevealTask, startBackground, type Background, type DueTask } from '../../src/core/background.js';
import { runCommand } from '../../src/core/dispatch.js';
import { PostError, type Poster } from '../../src/core/poster.js';
import { contextFor, testClock, testServices } from '../support/core.js';
import { recordingLogger } from '../support/logger.js';
import { until } from '../support/until.js';

/** A task whose due time the test controls, recording when it ran. */
function task(name: string, dueAt: () => number | null, onRun: () => void | Promise<void> = () => {}): DueTask & { runs: number } {
  const t = {
    name,
    runs: 0,
    async runDue() {
      t.runs++;
      await onRun();
    },
    nextDue: async () => dueAt(),
  };
  return t;
}

describe('background work', () => {
  let bg: Background | null = null;
  afterEach(async () => {
    await bg?.stop();
    bg = null;
  });

  it('sleeps until the earliest due time, not on a fixed tick', async () => {
    const services = await testServices();
    let due: number | null = Date.now() + 150;
    const t = task('soon', () => due, () => { due = null; });
    bg = startBackground(services, [t]);
    await new Promise((r) => setTimeout(r, 60));
    expect(t.runs).toBe(0);
    await until(() => t.runs === 1, 3000);
    await new Promise((r) => setTimeout(r, 100));
    expect(t.runs).toBe(1);
  });

  it('wakes early when told that something new is due', async () => {
    const services = await testServices();
    let due: number | null = null;
    const t = task('new', () => due, () => { due = null; });
    bg = startBackground(services, [t]);
    await new Promise((r) => setTimeout(r, 50));
    due = Date.now();
    bg.wake();
    await until(() => t.runs === 1, 1000);
  });

  it('looks again only now and then at work that stays due after a run (held by another process)', async () => {
    const services = await testServices();
    const t = task('held elsewhere', () => Date.now() - 10);
    bg = startBackground(services, [t]);
    await until(() => t.runs === 1, 3000);
    await new Promise((r) => setTimeout(r, 500));
    // Planning every 25 ms would have run it about twenty times by now.
    expect(t.runs).toBeLessThanOrEqual(2);
  });

  it('runs what fell due first before the rest, whatever order the tasks are given in', async () => {
    const services = await testServices();
    const order: string[] = [];
    const now = Date.now();
    let dues: Record<string, number | null> = { fresh: now - 10, nothing: null, oldest: now - 60_000, older: now - 5_000 };
    const tasks = Object.keys(dues).map((name) => task(name, () => dues[name]!, () => { order.push(name); }));
    bg = startBackground(services, tasks);
    await until(() => order.length === 4, 3000);
    dues = { fresh: null, nothing: null, oldest: null, older: null };
    // A process killed at its first post would still have done the oldest work.
    expect(order).toEqual(['oldest', 'older', 'fresh', 'nothing']);
  });

  it('backs off after a failing run instead of retrying at once', async () => {
    const services = await testServices();
    const t = task('broken', () => Date.now(), () => { throw new Error('store unavailable'); });
    bg = startBackground(services, [t]);
    await new Promise((r) => setTimeout(r, 500));
    // Without a back-off the loop would run every 25 ms (about 20 times by now).
    expect(t.runs).toBe(1);
  });

  it('stop waits for a run in flight and plans nothing after it', async () => {
    const services = await testServices();
    let finished = false;
    const t = task('slow', () => Date.now(), async () => {
      await new Promise((r) => setTimeout(r, 150));
      finished = true;
    });
    bg = startBackground(services, [t]);
    await until(() => t.runs === 1, 3000);
    await bg.stop();
    expect(finished).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(t.runs).toBe(1);
  });
});

describe('background work at shutdown', () => {
  it('stop waits for planning in flight, so no query reaches a closed store', async () => {
    const logger = recordingLogger();
    const services = await testServices({ logger });
    let closed = false;
    let asked = 0;
    const slowToPlan: DueTask = {
      name: 'slow-to-plan',
      runDue: async () => {},
      nextDue: async () => {
        asked++;
        await new Promise((r) => setTimeout(r, 100));
        if (closed) throw new Error('the store is closed');
        return null;
      },
    };
    const bg = startBackground(services, [slowToPlan, slowToPlan]);
    await until(() => asked === 1, 1000);
    await bg.stop();
    closed = true;
    await new Promise((r) => setTimeout(r, 300));
    expect(logger.entries.filter((e) => e.level === 'error')).toEqual([]);
  });
});

describe('channel quiz reveals', () => {
  it('stop a quiz whose channel the bot cannot post in, instead of running it where nobody sees it', async () => {
    const clock = testClock();
    const logger = recordingLogger();
    const services = await testServices({ now: clock.now, logger });
    const ctx = contextFor(services, 'alice', 'private-room');
    await runCommand(ctx, { command: 'quiz', subcommand: 'start', options: { mode: 'channel', questions: 3 } });
    const quiz = (await services.store.activeChannelQuiz(ctx))!;
    const attempts: string[] = [];
    const poster: Poster = {
      post: async (where) => {
        attempts.push(where.channelId);
        throw new PostError('forbidden', 'not_in_channel');
      },
    };
    clock.advance((services.settings.quizChannelSeconds + 1) * 1000);
    await quizRevealTask(services, 'shell', poster).runDue();
    expect((await services.store.getQuiz(quiz.id))?.status).toBe('stopped');
    expect(attempts).toEqual(['private-room']);
    expect(logger.entries.find((e) => e.level === 'warn')?.obj).toMatchObject({ channel: 'private-room', quiz: quiz.id });
  });
});
