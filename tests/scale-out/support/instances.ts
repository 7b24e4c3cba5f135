import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { slotAfter } from '../../src/schedule/slots.js';
import type { Store } from '../../src/store/store.js';
import { until } from '../support/until.js';

/**
 * Real processes on the real clock, sharing one SQLite file. Schedules here use croner's
 * second-level patterns, written straight into the store: the /prompt schedule parser refuses them.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const WORKER = 'tests/schedule/support/worker.ts';

interface Line { pid: number; slot: number; promptId: string; at: number }

const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}


/** Starts a worker and resolves once it has opened the store and started its loop. */
async function startWorker(db: string, out: string, mode?: 'hang'): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(process.execPath, ['bin/run-ts.js', WORKER, db, out, ...(mode ? [mode] : [])], { cwd: ROOT });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  await until(() => stdout.includes('ready') || (child.exitCode !== null && (() => { throw new Error(`worker exited: ${stderr}`); })()), 8000, 'worker ready');
  return child;
}

function exited(child: ChildProcessWithoutNullStreams): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

function posts(out: string): Line[] {
  if (!existsSync(out)) return [];
  return readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
}

async function setup(): Promise<{ db: string; out: string; store: Store }> {
  const dir = mkdtempSync(join(tmpdir(), 'rostrum-schedule-'));
  dirs.push(dir);
  const db = join(dir, 'bot.db');
  return { db, out: join(dir, 'posts.jsonl'), store: await openSqliteStore(db) };
}

async function addSchedule(store: Store, cron: string, firstSlot: number): Promise<string> {
  await store.createSchedule({
    id: 'sched-1', platform: 'discord', serverId: 'g', channelId: 'c', cron, label: cron, timeZone: 'UTC',
    createdBy: 'test', paused: false, pauseReason: null, nextRun: firstSlot, createdAt: Date.now(),
  }, 5);
  return 'sched-1';
}

function duplicates(lines: Line[]): number[] {
  const seen = new Set<number>();
  return lines.map((l) => l.slot).filter((s) => (seen.has(s) ? true : (seen.add(s), false)));
}

describe('across processes, on the real clock', () => {
  it('a process killed right after posting, then restarted, posts nothing twice', async () => {
    const { db, out, store } = await setup();
    const cron = '*/2 * * * * *'; // every two seconds
    const first = await startWorker(db, out, 'hang');
    const id = await addSchedule(store, cron, slotAfter(cron, 'UTC', Date.now() + 200)!);
    first.stdin.write('wake\n');

    const [posted] = await until(() => posts(out).length > 0 && posts(out), 8000, 'the first post');
    first.kill('SIGKILL');
    await exited(first);
    // The claim survived the kill. Put nextRun back on the posted slot, as if the process had died
    // before moving it on: only the claim now stands between the restart and a second post.
    expect(await store.claimSlot(id, posted!.slot, Date.now())).toBe(false);
    await store.updateSchedule(id, { nextRun: posted!.slot });

    const second = await startWorker(db, out);
    await until(() => posts(out).some((l) => l.pid === second.pid), 8000, 'a post by the restarted process');
    second.stdin.write('stop\n');
    await exited(second);

    const lines = posts(out);
    expect(duplicates(lines)).toEqual([]);
    expect(lines.filter((l) => l.slot === posted!.slot)).toHaveLength(1);
    expect(lines.filter((l) => l.pid === second.pid).every((l) => l.slot > posted!.slot)).toBe(true);
    // Each post is a different prompt: the rotation is kept in the store too.
    expect(new Set(lines.map((l) => l.promptId)).size).toBe(lines.length);
    await store.close();
  }, 20_000);

  it('two processes sharing the store post each slot once', async () => {
    const { db, out, store } = await setup();
    const cron = '* * * * * *'; // every second
    const [a, b] = await Promise.all([startWorker(db, out), startWorker(db, out)]);
    const firstSlot = slotAfter(cron, 'UTC', Date.now() + 300)!;
    await addSchedule(store, cron, firstSlot);
    a.stdin.write('wake\n');
    b.stdin.write('wake\n');

    const slots = [0, 1, 2].map((i) => firstSlot + i * 1000);
    await until(() => slots.every((s) => posts(out).some((l) => l.slot === s)), 8000, 'three slots posted');
    await sleep(600); // give a late duplicate the chance to show
    a.stdin.write('stop\n');
    b.stdin.write('stop\n');
    await Promise.all([exited(a), exited(b)]);

    const lines = posts(out);
    expect(duplicates(lines)).toEqual([]);
    for (const s of slots) expect(lines.filter((l) => l.slot === s)).toHaveLength(1);
    expect(lines.every((l) => l.pid === a.pid || l.pid === b.pid)).toBe(true);
    await store.close();
  }, 20_000);
});
