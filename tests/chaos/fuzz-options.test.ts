import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/store/store.js';
import { createServices } from '../../src/core/services.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { cronerScheduling } from '../../src/schedule/slots.js';
import { shippedPack, tempDbPath, testClock } from '../support/core.js';
import { recordingLogger, type LogEntry } from '../support/logger.js';
import { describePostgres, freshDatabase } from '../support/postgres.js';
import { fuzzDispatch } from './support/fuzz.js';
import { seeded } from './support/hostile.js';
import { dumpPostgres, dumpSqlite, garbageRows, type TableDump } from './support/garbage.js';

/**
 * Thousands of random option values for every option of every command, on every platform, through
 * all three ways in (options as Discord sends them, text as Slack and the terminal type it, a box's
 * text after a click). Afterwards: no reply failed or showed a library's words, nothing failed in a
 * handler, and no table holds a row it should not (an empty or malformed channel, a text over its
 * column's limit, control characters). FUZZ_LINES and FUZZ_SEED replay or widen a run.
 */
const LINES = Number(process.env.FUZZ_LINES ?? 6000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

async function fuzzBackend(name: string, store: Store, dump: () => Promise<TableDump[]>): Promise<void> {
  const { pack, matcher } = await shippedPack();
  const logs: LogEntry[] = [];
  const clock = testClock();
  // Many schedules a channel may have: the more that are saved, the more the row check sees.
  const services = createServices({ pack, matcher, store, scheduling: cronerScheduling, settings: { maxSchedulesPerChannel: 1000 }, logger: recordingLogger(logs), now: clock.now, random: seeded(SEED + 1) });
  const started = Date.now();
  const outcome = await fuzzDispatch(services, seeded(SEED), LINES);
  await store.close();
  const tables = await dump();
  const garbage = garbageRows(tables);
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  const failures = logs.filter((l) => l.level === 'error');
  console.log(
    `fuzzed options on ${name}: ${outcome.lines} lines (${outcome.byPath.options} as options, ${outcome.byPath.text} as text, ${outcome.byPath.choice} box texts) ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s; ${rows} rows stored; ${garbage.length} garbage rows; ` +
      `${outcome.problems.length} failed or library-worded replies; ${failures.length} handler errors\n` +
      `rows by table: ${tables.filter((t) => t.rows.length > 0).map((t) => `${t.table} ${t.rows.length}`).join(', ')}`,
  );
  expect(outcome.problems.slice(0, 10)).toEqual([]);
  expect(failures.slice(0, 5).map((f) => ({ msg: f.msg, err: String((f.obj as { err?: unknown }).err) }))).toEqual([]);
  expect(garbage.slice(0, 10)).toEqual([]);
  // The run reached the store: schedules, debates and quizzes were made, so the row check saw real rows.
  expect(tables.find((t) => t.table === 'schedules')?.rows.length ?? 0).toBeGreaterThan(0);
  expect(tables.find((t) => t.table === 'debates')?.rows.length ?? 0).toBeGreaterThan(0);
}

describe('Fuzzed options: SQLite', () => {
  it(`leave no failed reply and no garbage row after ${LINES} lines`, async () => {
    const path = tempDbPath();
    await fuzzBackend('SQLite', await openSqliteStore(path), async () => dumpSqlite(path));
  }, 180_000);
});

// Postgres rejects what SQLite keeps (a NUL byte, a channel over 64 characters), so the same run goes there too.
await describePostgres('Fuzzed options: Postgres', () => {
  const database = freshDatabase('rostrum_fuzz');
  afterAll(async () => (await database).drop());
  it(`leave no failed reply and no garbage row after ${LINES} lines`, async () => {
    const { url } = await database;
    await fuzzBackend('Postgres', await openPostgresStore(url, { maxConnections: 4 }), () => dumpPostgres(url));
  }, 180_000);
});
