/**
 * The scheduler under a popular minute and at rest, on SQLite (a temp file) and on Postgres (a
 * throwaway database at TEST_DATABASE_URL or 127.0.0.1:5432, when reachable).
 *
 * 1. N schedules in distinct channels all due at 09:00 are run by the real runner (runDueSchedules)
 *    with a poster that answers at once, and with one that takes a round trip and queues itself to
 *    Discord's global 50 requests/s, as discord.js's REST manager does. Prints posted/due, doubled,
 *    time to post all against the grace window, peak posts in flight, the busiest second at the
 *    platform, time in dueSchedules, and heap growth for 1,000 against 10,000 due.
 * 2. Idle: with 0, 1,000 and 100,000 stored but none due soon, the store queries the background loop
 *    makes over a fixed window, and the cost of its "when next?" query.
 * Floor: `node -e 0`, timed in the same run.
 * Run: npm run bench -- scheduler [due] [roundTripMs]
 */
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadPack } from '../src/core/pack/load.js';
import { createServices, DEFAULT_SETTINGS } from '../src/core/services.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { runDueSchedules, scheduledPromptTask } from '../src/schedule/runner.js';
import { startBackground } from '../src/core/background.js';
import type { Poster } from '../src/core/poster.js';
import type { Store } from '../src/core/store/store.js';
import { noMatcher } from '../tests/support/no-matcher.js';
import { TEST_PG_URL, freshDatabase } from '../tests/support/pg-database.js';
import { deadline, sleep } from './support/processes.js';
import { median, printTable, type Row } from './support/stats.js';

deadline('scheduler', 15 * 60_000);
const DUE = Number(process.argv[2] ?? 10_000);
const ROUND_TRIP_MS = Number(process.argv[3] ?? 30);
/** Discord's global limit per bot; discord.js queues its requests to it rather than failing them. */
const GLOBAL_PER_SECOND = 50;
const IDLE_WINDOW_MS = 3_000;
const PLATFORM = 'discord' as const;
const SLOT = Date.parse('2026-11-26T09:00:00Z');
const GRACE_MS = DEFAULT_SETTINGS.scheduleGraceMinutes * 60_000;

const pack = await loadPack();
const dir = mkdtempSync(join(tmpdir(), 'rostrum-bench-sched-'));

interface Backend {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty store, and a bulk insert of schedule rows into it. */
  open(): Promise<{ store: Store; seed(rows: SeedRow[]): Promise<void>; close(): Promise<void> }>;
}

type SeedRow = { id: string; channel: string; nextRun: number };

const COLUMNS = ['id', 'platform', 'server_id', 'channel_id', 'cron', 'label', 'time_zone', 'created_by', 'paused', 'pause_reason', 'next_run', 'created_at', 'close_after_minutes'] as const;
const values = (r: SeedRow) => [r.id, PLATFORM, 'bench-guild', r.channel, '0 9 * * *', 'daily at 09:00', 'UTC', 'bench', 0, null, r.nextRun, SLOT - 86_400_000, null];

function sqliteBackend(): Backend {
  return {
    name: 'sqlite',
    async open() {
      const file = join(dir, `sched-${randomBytes(4).toString('hex')}.db`);
      const store = await openSqliteStore(file);
      return {
        store,
        // Straight into the file the store opened (migrated), in one transaction: seeding is not measured.
        async seed(rows) {
          const db = new Database(file);
          db.pragma('busy_timeout = 5000');
          const insert = db.prepare(`insert into schedules (${COLUMNS.join(',')}) values (${COLUMNS.map(() => '?').join(',')})`);
          db.transaction(() => { for (const r of rows) insert.run(...values(r)); })();
          db.close();
        },
        close: () => store.close(),
      };
    },
  };
}

/** A throwaway database per store, so each measurement starts empty. */
function postgresBackend(): Backend {
  return {
    name: 'postgres',
    async open() {
      const database = await freshDatabase('rostrum_bench');
      const url = database.url;
      const store = await openPostgresStore(url);
      return {
        store,
        async seed(rows) {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          for (let i = 0; i < rows.length; i += 5_000) {
            const chunk = rows.slice(i, i + 5_000).map(values);
            // One statement per chunk: a column array each, unnested into rows.
            const cols = COLUMNS.map((_, c) => chunk.map((v) => v[c]));
            await client.query(
              `insert into schedules (${COLUMNS.join(',')}) select * from unnest($1::text[],$2::text[],$3::text[],$4::text[],$5::text[],$6::text[],$7::text[],$8::text[],$9::int[],$10::text[],$11::bigint[],$12::bigint[],$13::int[])`,
              cols,
            );
          }
          // Fresh statistics, as a database that has held these rows for a while would have.
          await client.query('analyze schedules');
          await client.end();
        },
        async close() {
          await store.close();
          await database.drop();
        },
      };
    },
  };
}

/** Counts and times the store's due reads and plans, as the runner and the background loop make them. */
function counted(store: Store) {
  const c = { dueReads: 0, dueMs: 0, dueRows: 0, nextRuns: 0, nextMs: [] as number[] };
  const wrapped: Store = {
    ...store,
    async dueSchedules(platform, now, page) {
      const t0 = performance.now();
      const rows = await store.dueSchedules(platform, now, page);
      c.dueMs += performance.now() - t0;
      c.dueReads += 1;
      c.dueRows += rows.length;
      return rows;
    },
    async nextScheduleRun(platform) {
      const t0 = performance.now();
      const next = await store.nextScheduleRun(platform);
      c.nextMs.push(performance.now() - t0);
      c.nextRuns += 1;
      return next;
    },
  };
  return { store: wrapped, c };
}

/** What the poster saw: posts per channel, most in flight, the busiest one-second window at the platform. */
function watchingPoster(roundTripMs: number, perSecond: number | null, sample: () => void = () => {}) {
  const perChannel = new Map<string, number>();
  const sentAt: number[] = [];
  let inFlight = 0;
  let most = 0;
  // A queue to the global limit, as discord.js keeps one: each request waits for its turn, none is refused.
  let nextFree = 0;
  const turn = async (): Promise<number> => {
    const now = performance.now();
    if (perSecond === null) return now;
    const at = Math.max(now, nextFree);
    nextFree = at + 1000 / perSecond;
    if (at > now) await sleep(at - now);
    return at;
  };
  const poster: Poster = {
    async post(where) {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        // The turn's reserved time, which the queue spaces out; timers may wake a little late after it.
        sentAt.push(await turn());
        sample();
        if (roundTripMs > 0) await sleep(roundTripMs);
        perChannel.set(where.channelId, (perChannel.get(where.channelId) ?? 0) + 1);
        return { messageId: `m-${where.channelId}` };
      } finally {
        inFlight -= 1;
      }
    },
  };
  const busiestSecond = () => {
    // Timers may wake in another order than their turns: count over the turns in time order.
    sentAt.sort((a, b) => a - b);
    let best = 0;
    let lo = 0;
    for (let hi = 0; hi < sentAt.length; hi++) {
      while (sentAt[hi]! - sentAt[lo]! >= 1000 - 1e-6) lo++; // turns 20 ms apart sum to 999.99… ms
      best = Math.max(best, hi - lo + 1);
    }
    return best;
  };
  return { poster, perChannel, most: () => most, busiestSecond };
}

interface BurstResult {
  due: number;
  posted: number;
  doubled: number;
  stillDue: number;
  ms: number;
  mostInFlight: number;
  busiestSecond: number;
  dueReads: number;
  dueMs: number;
  heapGrowthMiB: number;
  rssGrowthMiB: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

async function burst(backend: Backend, due: number, roundTripMs: number, perSecond: number | null): Promise<BurstResult> {
  const opened = await backend.open();
  await opened.seed(Array.from({ length: due }, (_, i) => ({ id: `s-${String(i).padStart(6, '0')}`, channel: `c-${i}`, nextRun: SLOT })));
  const { store, c } = counted(opened.store);
  const t0 = performance.now();
  // The clock starts ten seconds into the popular minute and runs on in real time, so the grace window is real.
  const services = createServices({ pack, matcher: noMatcher, store, now: () => new Date(SLOT + 10_000 + (performance.now() - t0)) });
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const rss0 = process.memoryUsage().rss;
  let heapPeak = heap0;
  let rssPeak = rss0;
  // Sampled at every post as well as on a timer: with SQLite and an instant poster the run never yields to timers.
  let samples = 0;
  const sample = () => {
    // Every 250th post, collect first: the peak then is what the run keeps alive, not garbage not yet collected.
    if (++samples % 250 === 0) gc?.();
    const m = process.memoryUsage();
    heapPeak = Math.max(heapPeak, m.heapUsed);
    rssPeak = Math.max(rssPeak, m.rss);
  };
  const watch = watchingPoster(roundTripMs, perSecond, sample);
  const sampler = setInterval(sample, 10);
  const start = performance.now();
  await runDueSchedules(services, PLATFORM, watch.poster);
  const ms = performance.now() - start;
  sample();
  clearInterval(sampler);
  const stillDue = (await opened.store.dueSchedules(PLATFORM, SLOT)).length;
  await opened.close();
  const posted = watch.perChannel.size;
  const doubled = [...watch.perChannel.values()].reduce((a, n) => a + n - 1, 0);
  return {
    due, posted, doubled, stillDue, ms, mostInFlight: watch.most(), busiestSecond: watch.busiestSecond(),
    dueReads: c.dueReads, dueMs: c.dueMs, heapGrowthMiB: (heapPeak - heap0) / 2 ** 20, rssGrowthMiB: (rssPeak - rss0) / 2 ** 20,
  };
}

async function idle(backend: Backend, stored: number) {
  const opened = await backend.open();
  const now = Date.now();
  // None due soon: every one next runs a day from now.
  await opened.seed(Array.from({ length: stored }, (_, i) => ({ id: `i-${String(i).padStart(6, '0')}`, channel: `c-${i}`, nextRun: now + 86_400_000 })));
  const { store, c } = counted(opened.store);
  const services = createServices({ pack, matcher: noMatcher, store });
  const background = startBackground(services, [scheduledPromptTask(services, PLATFORM, watchingPoster(0, null).poster)]);
  await sleep(IDLE_WINDOW_MS);
  await background.stop();
  // The cost of one "when next?" on this many rows, taken apart from the loop.
  const nextMs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await opened.store.nextScheduleRun(PLATFORM);
    nextMs.push(performance.now() - t0);
  }
  await opened.close();
  return { stored, queries: c.nextRuns + c.dueReads, dueReads: c.dueReads, nextMs: median(nextMs) };
}

function nodeFloorMs(): number {
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  return performance.now() - t0;
}

let reachable = false;
try {
  await (await freshDatabase('rostrum_bench')).drop();
  reachable = true;
} catch (err) {
  console.log(`Postgres not reachable at ${TEST_PG_URL} (${(err as Error).message}): SQLite only`);
}
const backends: Backend[] = [sqliteBackend(), ...(reachable ? [postgresBackend()] : [])];

try {
  const floor = median([nodeFloorMs(), nodeFloorMs(), nodeFloorMs()]);
  console.log(`floor: \`node -e 0\` ${floor.toFixed(0)} ms; grace window ${DEFAULT_SETTINGS.scheduleGraceMinutes} min; runner reads 100 at a time, 4 channels at once`);
  for (const b of backends) {
    const small = await burst(b, 1_000, 0, null);
    const instant = await burst(b, DUE, 0, null);
    const limited = await burst(b, DUE, ROUND_TRIP_MS, GLOBAL_PER_SECOND);
    const rows: Row[] = [];
    for (const [label, r] of [['instant poster', instant], [`${ROUND_TRIP_MS} ms round trip, ${GLOBAL_PER_SECOND}/s queue`, limited], ['instant, 1,000 due', small]] as const) {
      rows.push({ figure: `${label}: posted / due`, ours: [r.posted], floor: [r.due], unit: '', target: '1× (all)' });
      rows.push({ figure: `${label}: doubled, still due after`, ours: [r.doubled + r.stillDue], unit: '', target: '0' });
      rows.push({ figure: `${label}: time to post all vs grace`, ours: [r.ms / 1000], floor: [GRACE_MS / 1000], unit: 's', target: '≪ 1×' });
      rows.push({ figure: `${label}: time vs \`node -e 0\``, ours: [r.ms], floor: [floor], unit: 'ms' });
      rows.push({ figure: `${label}: peak posts in flight`, ours: [r.mostInFlight], unit: '', target: '≤ 4' });
      rows.push({ figure: `${label}: busiest second at the platform`, ours: [r.busiestSecond], floor: [GLOBAL_PER_SECOND], unit: '/s', target: r === limited ? '≤ 1×' : '' });
      rows.push({ figure: `${label}: due reads (pages)`, ours: [r.dueReads], floor: [Math.ceil(r.due / 100) + 1], unit: '', target: '1× (100 a page)' });
      rows.push({ figure: `${label}: time in dueSchedules vs all`, ours: [r.dueMs], floor: [r.ms], unit: 'ms' });
      rows.push({ figure: `${label}: live heap growth (peak)`, ours: [r.heapGrowthMiB], unit: 'MiB' });
      rows.push({ figure: `${label}: RSS growth (peak)`, ours: [r.rssGrowthMiB], unit: 'MiB' });
    }
    rows.push({ figure: `live heap growth, ${DUE} due vs 1,000 due`, ours: [instant.heapGrowthMiB], floor: [small.heapGrowthMiB], unit: 'MiB', target: '≈ 1× (bounded)' });
    rows.push({ figure: `time per schedule, ${DUE} vs 1,000 due`, ours: [instant.ms / DUE], floor: [small.ms / 1_000], unit: 'ms', target: '≈ 1× (linear)' });
    printTable(`${b.name}: ${DUE} schedules in distinct channels, all due at 09:00`, rows);

    const idles = [];
    for (const stored of [0, 1_000, 100_000]) idles.push(await idle(b, stored));
    const zero = idles[0]!;
    printTable(`${b.name}: background at rest over ${IDLE_WINDOW_MS / 1000} s, none due within a day`, idles.flatMap((r) => [
      { figure: `${r.stored} stored: store queries in the window`, ours: [r.queries], floor: [zero.queries], unit: '', target: '1× (flat)' },
      { figure: `${r.stored} stored: due reads in the window`, ours: [r.dueReads], unit: '', target: '0' },
      { figure: `${r.stored} stored: "when next?" query`, ours: [r.nextMs], floor: [zero.nextMs], unit: 'ms', target: 'flat (indexed)' },
    ]));
  }
} catch (err) {
  console.error('bench scheduler failed:', err);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(process.exitCode ?? 0);
