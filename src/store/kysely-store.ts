import { Migrator, sql, type Kysely } from 'kysely';
import type { Store } from '../core/store/store.js';
import type { Tables } from './kysely/tables.js';
import { migrationProvider } from './migrations/index.js';
import { debateQueries } from './kysely/debates.js';
import { quizQueries } from './kysely/quizzes.js';
import { promptPostQueries, requestQueries, rotationQueries } from './kysely/channel-items.js';
import { scheduleQueries } from './kysely/schedules.js';
import { classDebateQueries } from './kysely/class-debates.js';
import { resultsQueries } from './kysely/results.js';
import { postLeaseQueries } from './kysely/post-leases.js';

/** Brings the schema up to date; safe to run from several processes, each waits for the migration lock. */
export async function migrate(db: Kysely<Tables>): Promise<void> {
  if (await upToDate(db)) return;
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}

/**
 * Whether every migration is already applied: one read, where the migrator takes a lock, creates its
 * tables if missing and reads them on every start. A database that is behind (or new) goes through
 * the migrator as before.
 */
async function upToDate(db: Kysely<Tables>): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.map((r) => r.name));
    return Object.keys(await migrationProvider.getMigrations()).every((name) => applied.has(name));
  } catch {
    return false; // no migration table yet
  }
}

/**
 * The one thing the backends do differently: keep two check-then-write operations on one key (a
 * channel's schedule limit, which no unique index can hold) from overlapping. `write` runs on the
 * `db` it is handed. Each backend says why its way is enough (src/store/sqlite.ts, postgres.ts).
 */
export type Exclusive = <T>(db: Kysely<Tables>, key: string, write: (db: Kysely<Tables>) => Promise<T>) => Promise<T>;

/** What the queries need to know of the backend they run on. */
export interface Backend {
  exclusive: Exclusive;
  /**
   * Postgres reads each statement's rows from a snapshot and lets other writes go on meanwhile, so a
   * few queries there lock the rows they read (FOR SHARE) or take a form of their own; SQLite runs one
   * writing statement at a time and needs neither.
   */
  dialect: 'sqlite' | 'postgres';
}

/** The one Store implementation: the same queries serve SQLite and Postgres through Kysely's dialects. */
export function kyselyStore(db: Kysely<Tables>, backend: Backend): Store {
  return {
    ...requestQueries(db, backend),
    ...debateQueries(db, backend),
    ...quizQueries(db, backend),
    ...rotationQueries(db, backend),
    ...promptPostQueries(db, backend),
    ...scheduleQueries(db, backend.exclusive),
    ...classDebateQueries(db, backend.exclusive),
    ...resultsQueries(db),
    ...postLeaseQueries(db),
    async close() {
      await db.destroy();
    },
  };
}
