import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres.js';
import { describePostgres, freshDatabase } from '../support/postgres.js';
import { channel, ownPlatform, T0 } from './contract-helpers.js';

/**
 * On Postgres a channel's claim reads its candidates in order without sorting them (WITH ORDINALITY
 * counts as it reads), and its start-over reads them once: written as `in (select …)`, the
 * start-over read the JSON again for every row of the channel it checked. The rotation statements
 * the store sends, with their values, are captured at the client and run again under EXPLAIN
 * ANALYZE with the plan Postgres keeps for a prepared statement (a generic one), then rolled back.
 */
const sent: { text: string; values: unknown[] }[] = [];
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, config: unknown, values?: unknown) {
  const text = typeof config === 'string' ? config : (config as { text?: string }).text;
  const args = typeof config === 'string' ? values : (config as { values?: unknown }).values;
  if (text && /\bseen_items\b/.test(text)) sent.push({ text, values: (args as unknown[] | undefined) ?? [] });
  return (query as (...a: unknown[]) => unknown).call(this, config, values);
} as typeof query;
afterAll(() => { pg.Client.prototype.query = query; });

await describePostgres('Postgres: the rotation statements read their candidates once, in order', () => {
  it('claims alone and several at once without a sort, and starts over reading the candidates once', async () => {
    const database = await freshDatabase();
    const store = await openPostgresStore(database.url, { maxConnections: 2 });
    const admin = new pg.Client({ connectionString: database.url });
    try {
      const where = channel(ownPlatform());
      const items = ['k1', 'k2', 'k3', 'k4'];
      expect(await store.claimNextUnseen(where, 'keypoint', items, T0)).toBe('k1');
      // The first of three at once is served alone, the other two together (one statement, a bound LIMIT).
      expect(await Promise.all([1, 2, 3].map(() => store.claimNextUnseen(where, 'keypoint', items, T0)))).toEqual(['k2', 'k3', 'k4']);
      const claims = new Map(sent.map((s) => [s.text, s]));
      // All seen: this claim starts the candidates over; the rows it deletes are there for EXPLAIN to delete again.
      const startOver = () => [...new Map(sent.map((s) => [s.text, s])).values()].find((s) => /^\s*delete from seen_items/.test(s.text));
      expect(startOver()).toBeUndefined();
      expect(await store.claimNextUnseen(where, 'keypoint', items, T0 + 1)).toBe('k1');
      const deleting = startOver();
      const claiming = [...claims.values()].filter((s) => /^\s*insert into seen_items/.test(s.text) && s.values.length > 0 && /json/.test(s.text));
      // The lone claim and the batch's; a change that stops capturing them fails here.
      expect(claiming).toHaveLength(2);
      expect(deleting).toBeDefined();

      await admin.connect();
      await admin.query('set plan_cache_mode = force_generic_plan');
      const analyzed = async ({ text, values }: { text: string; values: unknown[] }, setup?: () => Promise<unknown>) => {
        await admin.query('begin');
        try {
          await setup?.();
          const { rows } = await admin.query(`explain (analyze, costs off, timing off, summary off) ${text}`, values);
          return (rows as Record<string, string>[]).map((r) => r['QUERY PLAN']!);
        } finally {
          await admin.query('rollback');
        }
      };
      for (const claim of claiming) {
        const plan = await analyzed(claim);
        expect(plan.join('\n'), claim.text).not.toMatch(/\bSort\b/);
      }
      // Every candidate seen again, as when the start-over ran.
      const plan = await analyzed(deleting!, () => admin.query(
        `insert into seen_items (platform, server_id, channel_id, kind, item_id, seen_at) select $1, $2, $3, 'keypoint', k, 0 from unnest($4::text[]) k on conflict do nothing`,
        [where.platform, where.serverId, where.channelId, items],
      ));
      const text = plan.join('\n');
      // The start-over found the channel's four rows to delete, so what follows planned real work.
      expect(text).toMatch(/rows=4 loops=1/);
      const readsCandidates = plan.filter((line) => /ProjectSet|Function Scan/.test(line));
      expect(readsCandidates.length, text).toBeGreaterThan(0);
      for (const line of readsCandidates) expect(line, text).toMatch(/loops=1\)/);
    } finally {
      await admin.end().catch(() => undefined);
      await store.close();
      await database.drop();
    }
  });
});
