import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Tables } from './kysely/tables.js';
import type { Store } from '../core/store/store.js';
import { kyselyStore, migrate, type Exclusive } from './kysely-store.js';
import { nameStatements } from './postgres-statements.js';
import { sessionOptions } from './postgres-session.js';

/**
 * Under Postgres's READ COMMITTED each statement reads a snapshot taken as it starts, so two
 * instances' creates for one channel can both see room and both insert: of 12 creates at once at a
 * limit of 3, 8 or 9 landed with a count then an insert, 4 to 6 with the count inside the insert.
 * A transaction-scoped advisory lock on the key makes the second wait until the first commits. The
 * lock is a statement of its own: the write that follows takes its snapshot after the wait, so it
 * sees the first one's row (in one statement with the lock, the snapshot would predate the wait).
 * Keys that hash alike only wait for each other, harmlessly.
 */
const exclusive: Exclusive = (db, key, write) => db.transaction().execute(async (tx) => {
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx);
  return write(tx);
});

/**
 * Unless `synchronousCommit` (DATABASE_SYNC_COMMIT=on), a commit does not wait for its WAL record to
 * reach the disk: that wait was 1 to 4 ms here (a claim insert 3.6 ms against 0.25 ms without it),
 * longer than all else a command does. The trade is the SQLite store's (WAL with synchronous=NORMAL,
 * set in sqlite.ts): no commit waits for a disk flush, a clean stop or restart loses nothing, and the
 * database is never left inconsistent. What a crash can lose differs a little: here the commits of
 * the last fraction of a second (up to three wal_writer_delay, 0.6 s by default) when the database
 * server or its machine crashes; with SQLite, the commits since the last checkpoint when the machine
 * does (the bot's own crash loses nothing there). A setting in DATABASE_URL
 * (`?options=-c%20synchronous_commit%3Don`) wins over this one; other settings there leave it be (postgres-session.ts).
 */
const sessionSettings = (synchronousCommit: boolean) => `-c synchronous_commit=${synchronousCommit ? 'on' : 'off'}`;

/**
 * The Postgres store, for several instances behind one database. Same queries as SQLite; the
 * migrator takes Postgres's advisory lock, so instances starting together migrate once.
 */
export async function openPostgresStore(
  connectionString: string, options: { maxConnections?: number; synchronousCommit?: boolean } = {},
): Promise<Store> {
  const session = sessionOptions(connectionString, sessionSettings(options.synchronousCommit ?? false));
  const pool = new pg.Pool({ ...session, max: options.maxConnections ?? 10 });
  // An idle connection that the server ends (a restart, a failover, an administrator) reports it as
  // an 'error' on the pool, which then drops the connection and opens another when next needed.
  // Unheard, that error would stop the process; a query that fails says so through its own error.
  pool.on('error', () => {});
  nameStatements(pool);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return kyselyStore(db, { exclusive, dialect: 'postgres' });
}
