import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Tables } from './kysely/tables.js';
import type { Store } from './store.js';
import { kyselyStore, migrate } from './kysely-store.js';

/** Opens (creating if needed) the embedded SQLite store at `path`; ':memory:' for tests. */
export async function openSqliteStore(path: string): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  // WAL lets a second process read while one writes; busy_timeout makes concurrent writers wait, not fail.
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
  await migrate(db);
  return kyselyStore(db);
}
