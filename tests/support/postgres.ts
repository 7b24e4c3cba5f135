import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';

/** Where tests look for Postgres; CI starts the machine's server, a fresh laptop usually has none. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A throwaway database per call, so test files never see each other's rows. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `rostrum_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Registers a suite that needs Postgres: as written when a server answers at TEST_DATABASE_URL;
 * otherwise a skipped suite whose name says why, or, under REQUIRE_POSTGRES (as CI sets it), a
 * failing test: there a missing server is a broken run, not a reason to skip.
 */
export async function describePostgres(name: string, suite: () => void): Promise<void> {
  if (await postgresReachable()) {
    describe(name, suite);
  } else if (process.env.REQUIRE_POSTGRES) {
    describe(name, () => {
      it('needs a Postgres server at TEST_DATABASE_URL', () => {
        expect.fail('REQUIRE_POSTGRES is set but no Postgres server answered at TEST_DATABASE_URL');
      });
    });
  } else {
    // Skipped because no Postgres server answers here (a fresh laptop has none); CI starts one and sets REQUIRE_POSTGRES.
    describe.skip(`${name} (no Postgres server reachable at TEST_DATABASE_URL)`, () => {
      it('runs when Postgres is reachable', () => {});
    });
  }
}
