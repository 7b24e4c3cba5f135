import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Tables } from './kysely/tables.js';
import type { Store } from '../core/store/store.js';
import { kyselyStore, migrate, type Exclusive } from './kysely-store.js';
import { nameStatements } from './postgres-statements.js';

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
 * Each commit otherwise waits for its WAL record to reach the disk: 1 to 4 ms here, longer than all
 * else a command does, and most commands commit once or twice. Without the wait a commit is about as
 * durable as one in the SQLite store (WAL with synchronous=NORMAL, set in sqlite.ts): a clean
 * stop or restart loses nothing, the database is never left inconsistent, and only a crash of the
 * server or its machine within a fraction of a second (three wal_writer_delay) of a commit can lose
 * it. To have every commit on disk first, add `?options=-c%20synchronous_commit%3Don` to DATABASE_URL
 * (the URL's settings win over these).
 */
const SESSION_SETTINGS = '-c synchronous_commit=off';

/**
 * The Postgres store, for several instances behind one database. Same queries as SQLite; the
 * migrator takes Postgres's advisory lock, so instances starting together migrate once.
 */
export async function openPostgresStore(connectionString: string, options: { maxConnections?: number } = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10, options: SESSION_SETTINGS });
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
