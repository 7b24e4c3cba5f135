import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { TEST_PG_URL } from './pg-database.js';

export { TEST_PG_URL, freshDatabase } from './pg-database.js';

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
    // Skipped, not failed: no Postgres server answers here (a fresh machine has none). CI starts one
    // and sets REQUIRE_POSTGRES, so there these suites run.
    describe.skip(`${name} (skipped: no Postgres server reachable at TEST_DATABASE_URL)`, () => {
      // A stand-in, not the suite itself: vitest runs a skipped suite's body to collect its tests,
      // and suites open their database in that body, which would fail with no server to reach.
      it('runs when a Postgres server is reachable', () => {});
    });
  }
}
