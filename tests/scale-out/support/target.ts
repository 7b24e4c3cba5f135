import type { Store } from '../../../src/core/store/store.js';
import { openPostgresStore } from '../../../src/store/postgres.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';

/**
 * Opens a test database by what a process is handed on its command line: a Postgres URL or a SQLite
 * file. Both drivers are imported up front (not lazily, as start-up does), so a process that is told
 * to open has nothing left to load and several can start on a database at the same moment.
 */
export function openTarget(target: string): Promise<Store> {
  return target.startsWith('postgres') ? openPostgresStore(target) : openSqliteStore(target);
}
