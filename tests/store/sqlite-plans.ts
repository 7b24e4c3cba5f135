import { createRequire } from 'node:module';
import { afterAll } from 'vitest';
import type BetterSqlite3 from 'better-sqlite3';
import type { Store } from '../../src/core/store/store.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { tempDbPath } from '../support/core.js';

/**
 * What a plan test needs: the SQL texts the store prepares, captured at the driver (better-sqlite3's
 * prepare) while the test runs, and their plans as SQLite makes them for a given database file.
 */
export const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
const prepare = Database.prototype.prepare;

/** Every SQL text prepared from here on, in order; prepare is restored after the test file. */
export function capturePrepared(): string[] {
  const prepared: string[] = [];
  Database.prototype.prepare = function (this: BetterSqlite3.Database, source: string) {
    prepared.push(source);
    return prepare.call(this, source);
  } as typeof prepare;
  afterAll(() => { Database.prototype.prepare = prepare; });
  return prepared;
}

/** EXPLAIN QUERY PLAN with every parameter NULL: the plan depends on the SQL, not on the values. */
export function plan(db: BetterSqlite3.Database, source: string): string[] {
  const explain = prepare.call(db, `EXPLAIN QUERY PLAN ${source}`);
  const nulls: null[] = Array.from({ length: (source.match(/\?/g) ?? []).length }, () => null);
  return ((explain.all as (...params: null[]) => unknown[])(...nulls) as { detail: string }[]).map((r) => r.detail);
}

/**
 * Runs `use` on a SQLite store on a fresh file, then plans each distinct statement it prepared
 * meanwhile that `pick` keeps, in the order first prepared. `prepared` is capturePrepared's list.
 */
export async function plansOfPrepared(
  prepared: readonly string[], use: (store: Store) => Promise<void>, pick: (source: string) => boolean,
): Promise<{ source: string; details: string[] }[]> {
  const path = tempDbPath();
  const store = await openSqliteStore(path);
  const from = prepared.length;
  try {
    await use(store);
  } finally {
    await store.close();
  }
  const sources = [...new Set(prepared.slice(from).filter(pick))];
  const db = new Database(path, { readonly: true });
  try {
    return sources.map((source) => ({ source, details: plan(db, source) }));
  } finally {
    db.close();
  }
}
