import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe } from 'vitest';
import { describePostgres, freshDatabase } from '../../support/postgres.js';

/** A new, empty database for one test. */
export interface FreshDatabase {
  /** What a process opens it by (see openTarget). */
  target: string;
  /** The migrations recorded as applied, in the order applied: a look behind the Store interface. */
  appliedMigrations(): Promise<string[]>;
  drop(): Promise<void>;
}

/** A store backend the scale-out tests run on: the same tests, once per backend. */
export interface Backend {
  name: string;
  /** Registers a suite (on Postgres: skipped with the reason, or failed under REQUIRE_POSTGRES, when no server answers). */
  describe(name: string, suite: () => void): Promise<void>;
  fresh(): Promise<FreshDatabase>;
}

const MIGRATIONS = 'select name from kysely_migration order by timestamp, name';

export const sqlite: Backend = {
  name: 'SQLite',
  describe: async (name, suite) => {
    describe(name, suite);
  },
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'rostrum-scale-out-'));
    const target = join(dir, 'bot.db');
    return {
      target,
      async appliedMigrations() {
        const db = new Database(target, { readonly: true });
        try {
          return (db.prepare(MIGRATIONS).all() as { name: string }[]).map((r) => r.name);
        } finally {
          db.close();
        }
      },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

export const postgres: Backend = {
  name: 'Postgres',
  describe: describePostgres,
  async fresh() {
    const { url, drop } = await freshDatabase();
    return {
      target: url,
      async appliedMigrations() {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query<{ name: string }>(MIGRATIONS)).rows.map((r) => r.name);
        } finally {
          await client.end();
        }
      },
      drop,
    };
  },
};

export const BACKENDS = [sqlite, postgres];
