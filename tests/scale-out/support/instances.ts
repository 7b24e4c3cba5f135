import { expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { slotAfter } from '../../../src/schedule/slots.js';
import { loadPack } from '../../../src/core/pack/load.js';
import type { Store } from '../../../src/core/store/store.js';
import { useStarted } from '../../support/hooks.js';
import { until } from '../../support/until.js';
import type { Backend, FreshDatabase } from './backends.js';
import { useChildren, type Child } from './children.js';
import type { PostLine } from './instance.js';
import { openTarget } from './target.js';

/**
 * Real processes on the real clock, sharing one database: what must happen once happens once when
 * several instances run, and when one dies mid-way. Each test has a new database. Schedules here use
 * croner's second-level patterns, written straight into the store (the /prompt parser refuses them);
 * channel-quiz questions stay open 1 s. Each test takes 3 to 7 s.
 */
const INSTANCE = 'tests/scale-out/support/instance.ts';
/** How long to wait for an effect across processes: only a failing or heavily loaded run waits this long. */
const EVENT_TIMEOUT_MS = 30_000;
/** Room for two process starts and a wait, each bounded above. */
const TEST_TIMEOUT_MS = 120_000;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function duplicates(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v);
    return seen.has(key) ? true : (seen.add(key), false);
  });
}

interface Shared extends FreshDatabase {
  store: Store;
  /** Every post so far, from every instance, in the order written. */
  posts(): PostLine[];
  /** Starts an instance on the database and resolves once its loop runs. */
  start(mode?: 'hang'): Promise<Child>;
}

export function instanceTests(backend: Backend): void {
  const db = useStarted<Shared>(async () => {
    const fresh = await backend.fresh();
    const dir = mkdtempSync(join(tmpdir(), 'rostrum-posts-'));
    const out = join(dir, 'posts.jsonl');
    const store = await openTarget(fresh.target);
    return {
      ...fresh,
      store,
      posts: () => (existsSync(out) ? readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as PostLine) : []),
      async start(mode) {
        const child = spawn(INSTANCE, [fresh.target, out, ...(mode ? [mode] : [])]);
        await child.waitFor('ready');
        return child;
      },
      async drop() {
        await store.close();
        await fresh.drop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }, (d) => d.drop());
  // Registered after the database, so its instances are killed before the database goes.
  const spawn = useChildren();

  async function stopAll(...children: Child[]): Promise<void> {
    for (const c of children) c.send('stop');
    await Promise.all(children.map((c) => c.exited()));
  }

  async function addSchedule(cron: string, firstSlot: number): Promise<string> {
    await db.store.createSchedule({
      id: 'sched-1', platform: 'discord', serverId: 'g', channelId: 'c', cron, label: cron, timeZone: 'UTC',
      createdBy: 'test', paused: false, pauseReason: null, nextRun: firstSlot, createdAt: Date.now(), closeAfterMinutes: null,
    }, 5);
    return 'sched-1';
  }

  const prompts = () => db.posts().filter((l) => l.slot !== null);

  it('two processes sharing the database post each scheduled slot once', { timeout: TEST_TIMEOUT_MS }, async () => {
    const cron = '* * * * * *'; // every second
    const [a, b] = await Promise.all([db.start(), db.start()]);
    const firstSlot = slotAfter(cron, 'UTC', Date.now() + 300)!;
    await addSchedule(cron, firstSlot);
    a.send('wake');
    b.send('wake');

    const slots = [0, 1, 2].map((i) => firstSlot + i * 1000);
    await until(() => slots.every((s) => prompts().some((l) => l.slot === s)), EVENT_TIMEOUT_MS, 'three slots posted');
    await sleep(600); // give a late duplicate the chance to show
    await stopAll(a, b);

    const lines = prompts();
    expect(duplicates(lines.map((l) => l.slot))).toEqual([]);
    for (const s of slots) expect(lines.filter((l) => l.slot === s)).toHaveLength(1);
    expect(lines.every((l) => l.pid === a.pid || l.pid === b.pid)).toBe(true);
  });

  it('a process killed right after posting, then restarted, posts nothing twice', { timeout: TEST_TIMEOUT_MS }, async () => {
    const cron = '*/2 * * * * *'; // every two seconds
    const first = await db.start('hang');
    const id = await addSchedule(cron, slotAfter(cron, 'UTC', Date.now() + 200)!);
    first.send('wake');

    const [posted] = await until(() => prompts().length > 0 && prompts(), EVENT_TIMEOUT_MS, 'the first post');
    await first.kill();
    // The lease survived the kill, still 'posting' (the post never returned). Put nextRun back on the
    // posted slot, as if the process had died before moving it on: only the lease now stands between
    // the restart and a second post.
    expect(await db.store.getPostLease(`sched:${id}:${posted!.slot}`)).toMatchObject({ state: 'posting' });
    await db.store.updateSchedule(id, { nextRun: posted!.slot });

    const second = await db.start();
    await until(() => prompts().some((l) => l.pid === second.pid), EVENT_TIMEOUT_MS, 'a post by the restarted process');
    await stopAll(second);

    const lines = prompts();
    expect(duplicates(lines.map((l) => l.slot))).toEqual([]);
    expect(lines.filter((l) => l.slot === posted!.slot)).toHaveLength(1);
    expect(lines.filter((l) => l.pid === second.pid).every((l) => l.slot! > posted!.slot!)).toBe(true);
    // Each post is a different prompt: the rotation is kept in the store too.
    expect(new Set(lines.map((l) => l.promptId)).size).toBe(lines.length);
  });

  it('two processes running the channel-quiz reveal reveal each question once', { timeout: TEST_TIMEOUT_MS }, async () => {
    const channels = ['quiz-1', 'quiz-2', 'quiz-3'];
    const questions = (await loadPack()).quiz.slice(0, 3).map((q) => ({ id: q.id, order: [0, 1, 2, 3] }));
    const [a, b] = await Promise.all([db.start(), db.start()]);
    const deadline = Date.now() + 500;
    for (const channelId of channels) {
      await db.store.createQuiz({
        id: channelId, platform: 'discord', serverId: 'g', channelId, starterId: 'u', mode: 'channel', questions,
        current: 0, status: 'active', deadline, createdAt: Date.now(), seconds: null, reveal: 'each',
      });
    }
    a.send('wake');
    b.send('wake');

    const finished = (channel: string) => db.posts().some((l) => l.channel === channel && l.heading === 'Quiz finished');
    await until(() => channels.every(finished), EVENT_TIMEOUT_MS, 'every quiz finished');
    await sleep(600); // give a late duplicate the chance to show
    await stopAll(a, b);

    const lines = db.posts();
    for (const channel of channels) {
      expect(lines.filter((l) => l.channel === channel).map((l) => l.heading)).toEqual([
        'Answer to question 1', 'Question 2 of 3',
        'Answer to question 2', 'Question 3 of 3',
        'Answer to question 3', 'Quiz finished',
      ]);
    }
    expect(lines.every((l) => l.pid === a.pid || l.pid === b.pid)).toBe(true);
  });
}
