import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';

const require = createRequire(import.meta.url);

export interface WalCheckpointOptions {
  /** Start checkpointing in the background once the log is this large (default: SQLite's own trigger, 1000 pages). */
  startAtBytes?: number;
  /** How often the background thread checkpoints once started (default 1 s). */
  everyMs?: number;
  /** How often this thread looks at the size of the log until then (default 1 s). */
  watchMs?: number;
}

export interface WalCheckpoints {
  /** Whether the background thread has been started. */
  started(): boolean;
  /** How many of its checkpoints found frames in the log and copied them all. */
  copied(): number;
  /**
   * When the latest of those began (ms since the epoch; 0 before any). Every commit before that
   * moment is copied back, so the next write starts the log over.
   */
  lastCopiedAt(): number;
  stop(): Promise<void>;
}

/**
 * The log may grow to this many pages (64 MiB at 4 KiB) before the connection checkpoints it
 * itself: only if the background thread has stopped or fallen far behind.
 */
const BACKSTOP_PAGES = 16_384;
const SQLITE_DEFAULT_PAGES = 1000;

// Runs in the background thread: its own connection to the file, which checkpoints without waiting
// for (or holding up) the connection that writes. Plain CommonJS, passed as a string: nothing to bundle.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const timer = setInterval(() => {
  try {
    const at = Date.now();
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (r.log > 0 && r.checkpointed === r.log) parentPort.postMessage({ copied: r.log, at });
  } catch (err) { parentPort.postMessage({ failed: String(err && err.message || err) }); }
}, workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/**
 * Moves the checkpoints of a WAL database off this thread. A checkpoint copies the log back into
 * the database file and syncs both to disk; SQLite runs one from inside whichever commit takes the
 * log past 1000 pages, so under load every few hundred commits one of them held the event loop for
 * the syncs, 5 to 80 ms on a busy disk, and every interaction waited. Here the connection's own
 * checkpoints wait for a log 16 times larger (a backstop), and once the log has grown as far as
 * SQLite's own trigger a thread of its own checkpoints it every second (PASSIVE: it never blocks the
 * writer, and a checkpoint that finds the log copied already does nothing). Until then nothing more
 * runs than a look at the log's size; a database that is hardly written to never starts the thread.
 *
 * Durability is as before: commits are synced to disk at checkpoints (synchronous = NORMAL, see
 * sqlite.ts), now at least once a second under load rather than every 1000 pages.
 */
export function startWalCheckpoints(database: Database, path: string, options: WalCheckpointOptions = {}): WalCheckpoints {
  const pageSize = database.pragma('page_size', { simple: true }) as number;
  const startAt = options.startAtBytes ?? SQLITE_DEFAULT_PAGES * pageSize;
  database.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  let worker: Worker | undefined;
  // Settles when the thread ends, whether told to or on its own (a failure): stop() waits on this,
  // as an 'exit' listened for after the thread has ended would never come.
  let exited: Promise<void> = Promise.resolve();
  let stopped = false;
  let copied = 0;
  let lastCopiedAt = 0;
  const watch = setInterval(() => {
    let size = 0;
    try {
      size = statSync(`${path}-wal`).size;
    } catch {
      return; // no log yet
    }
    if (size < startAt) return;
    clearInterval(watch);
    // Required here, not imported: most runs never start the thread, and loading node:worker_threads
    // was a noticeable part of a start.
    const { Worker: Thread } = require('node:worker_threads') as typeof import('node:worker_threads');
    worker = new Thread(CHECKPOINTER, {
      eval: true,
      workerData: { path, driver: require.resolve('better-sqlite3'), everyMs: options.everyMs ?? 1000 },
    });
    worker.unref();
    const thread = worker;
    exited = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
    // Should the thread fail, the connection checkpoints for itself again, as SQLite does by default.
    const fallBack = () => {
      if (database.open) database.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
    };
    worker.on('error', fallBack);
    worker.on('message', (m: { failed?: string; copied?: number; at?: number }) => {
      if (m.failed) fallBack();
      if (m.copied) {
        copied += 1;
        lastCopiedAt = Math.max(lastCopiedAt, m.at ?? 0);
      }
    });
  }, options.watchMs ?? 1000);
  watch.unref();
  return {
    started: () => worker !== undefined,
    copied: () => copied,
    lastCopiedAt: () => lastCopiedAt,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(watch);
      if (!worker) return;
      const thread = worker;
      thread.postMessage('stop');
      const late = setTimeout(() => void thread.terminate(), 2000);
      await exited;
      clearTimeout(late);
    },
  };
}
