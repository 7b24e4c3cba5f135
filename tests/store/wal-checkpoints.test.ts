import { mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startWalCheckpoints, type WalCheckpoints } from '../../src/store/wal-checkpoints.js';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits (on a loaded machine, a thread can be slow to start or to be scheduled) until `check` holds. */
async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; !check();) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(10);
  }
}
let cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

function walDatabase(): { db: Database.Database; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rostrum-wal-'));
  const path = join(dir, 'test.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table t (id integer primary key, body text)');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { db, path };
}

/** ~60 pages of 4 KiB, each row a commit of its own, as the store's writes are. */
const insertRound = (db: Database.Database) => {
  const insert = db.prepare('insert into t (body) values (?)');
  for (let i = 0; i < 60; i++) insert.run('x'.repeat(3000));
};

function started(db: Database.Database, path: string, options: Parameters<typeof startWalCheckpoints>[2]): WalCheckpoints {
  const checkpoints = startWalCheckpoints(db, path, options);
  cleanups.push(async () => {
    await checkpoints.stop();
    db.close();
  });
  return checkpoints;
}

describe('startWalCheckpoints', () => {
  it('checkpoints the log from a thread of its own once it has grown, so the log stops growing with every write', async () => {
    const { db, path } = walDatabase();
    const checkpoints = started(db, path, { startAtBytes: 64 * 1024, everyMs: 20, watchMs: 20 });
    insertRound(db);
    const oneRound = statSync(`${path}-wal`).size;
    await until(() => checkpoints.started(), 'the thread started');
    for (let r = 0; r < 10; r++) {
      // Each round is copied back before the next: the next commit then starts the log over. The
      // checkpoint waited for must have begun after the round's last commit: one that ran while the
      // round was being written copied only part of it, and a log not copied in full grows on.
      const roundEnd = Date.now();
      await until(() => checkpoints.lastCopiedAt() > roundEnd, 'a checkpoint of the whole round');
      insertRound(db);
    }
    // Without the thread this connection would not checkpoint before 16,384 pages: eleven rounds' worth.
    expect(statSync(`${path}-wal`).size).toBeLessThan(3 * oneRound);
    expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 660 });
  });

  it('starts no thread for a database hardly written to', async () => {
    const { db, path } = walDatabase();
    const checkpoints = started(db, path, { startAtBytes: 1024 * 1024, watchMs: 10 });
    db.prepare('insert into t (body) values (?)').run('a little');
    await sleep(80);
    expect(checkpoints.started()).toBe(false);
  });

  it('stops the thread, after which the connection closes as usual', async () => {
    const { db, path } = walDatabase();
    const checkpoints = startWalCheckpoints(db, path, { startAtBytes: 1, everyMs: 10, watchMs: 10 });
    insertRound(db);
    await until(() => checkpoints.copied() > 0, 'a checkpoint');
    await checkpoints.stop();
    db.close();
    expect(db.open).toBe(false);
  });

  // Windows does not let a file open in SQLite be renamed, which is how this test ends the thread.
  it.skipIf(process.platform === 'win32')('stops promptly when the thread has already ended on its own, and the connection checkpoints for itself again', async () => {
    const { db, path } = walDatabase();
    const checkpoints = startWalCheckpoints(db, path, { startAtBytes: 1, everyMs: 10, watchMs: 10 });
    // The file moved away under the open connection: the thread's own connection cannot open it, and the thread ends.
    renameSync(path, `${path}.moved`);
    insertRound(db);
    await until(() => checkpoints.started(), 'the thread started');
    await until(() => db.pragma('wal_autocheckpoint', { simple: true }) === 1000, 'the connection checkpointing for itself');
    await sleep(50);
    const stopped = await Promise.race([checkpoints.stop().then(() => 'stopped'), sleep(5000).then(() => 'hung')]);
    db.close();
    expect(stopped).toBe('stopped');
  });
});
