import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Tables } from './kysely/tables.js';
import type { Store } from './store.js';
import { kyselyStore, migrate } from './kysely-store.js';

/**
 * The Postgres store, for several instances behind one database. Same queries as SQLite; the
 * migrator takes Postgres's advisory lock, so instances starting together migrate once.
 */
export async function openPostgresStore(connectionString: string, options: { maxConnections?: number } = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return kyselyStore(db);
}
