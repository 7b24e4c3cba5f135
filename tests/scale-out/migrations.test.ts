import { afterEach, expect, it } from 'vitest';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { BACKENDS, type FreshDatabase } from './support/backends.js';
import { START_TIMEOUT_MS, useChildren } from './support/children.js';
import { openTarget } from './support/target.js';

/**
 * Several instances starting at once on a new database: each must start, and the schema must be
 * migrated once. Each pair of processes gets its own new database and is released by one "go" at
 * the same moment as every other, so each database sees a real race; several pairs make a lost race
 * that only sometimes shows very likely to show in one run.
 */
const PAIRS = 3;
const OPENER = 'tests/scale-out/support/opener.ts';

const start = useChildren();
const databases: FreshDatabase[] = [];
afterEach(async () => {
  for (const d of databases.splice(0)) await d.drop();
});

for (const backend of BACKENDS) {
  await backend.describe(`Migrations from several instances at once: ${backend.name}`, () => {
    it(`${PAIRS} pairs of processes, each pair opening a new database at the same moment: all start, each database migrated once`, async () => {
      const fresh = await Promise.all(Array.from({ length: PAIRS }, () => backend.fresh()));
      databases.push(...fresh);
      const pairs = fresh.map((d) => [start(OPENER, [d.target]), start(OPENER, [d.target])] as const);
      const all = pairs.flat();
      await Promise.all(all.map((c) => c.waitFor('loaded', START_TIMEOUT_MS)));
      for (const c of all) c.send('go');
      const codes = await Promise.all(all.map((c) => c.exited()));

      expect(all.map((c) => c.output().trim().split('\n').pop())).toEqual(all.map(() => 'opened'));
      expect(codes).toEqual(all.map(() => 0));
      const expected = Object.keys(await migrationProvider.getMigrations()).sort();
      for (const [i, d] of fresh.entries()) {
        expect(await d.appliedMigrations()).toEqual(expected);
        // Both processes wrote into the one schema they share.
        const store = await openTarget(d.target);
        for (const c of pairs[i]!) expect(await store.claimRequest(`opened-by-${c.pid}`, 0)).toBe(false);
        await store.close();
      }
    }, 120_000);
  });
}
