import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { tempDbPath } from '../support/core.js';
import { Database } from './sqlite-plans.js';

const REBUILT = '009-claims-without-rowid';

/**
 * A database written before the request claims and seen items were WITHOUT ROWID tables: the
 * migration rebuilds both, and every claim and seen item made before is there after, meaning what
 * it meant: a request claimed before is not claimed again, and a channel's rotation goes on where it was.
 */
describe('migrating a database from before the claims were WITHOUT ROWID', () => {
  it('keeps every request claim and seen item, and stores both tables in their key', async () => {
    const path = tempDbPath();
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(path) }) });
    const all = await migrationProvider.getMigrations();
    const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < REBUILT));
    expect(Object.keys(before).length).toBe(Object.keys(all).indexOf(REBUILT));
    const { error } = await new Migrator({ db: old, provider: { getMigrations: async () => before } }).migrateToLatest();
    expect(error).toBeUndefined();
    await old.insertInto('processed_requests').values([{ key: 'discord:1', created_at: 10 }, { key: 'slack:2', created_at: 20 }]).execute();
    const seen = (channel: string, item: string, at: number) => ({ platform: 'discord', server_id: 'g1', channel_id: channel, kind: 'keypoint', item_id: item, seen_at: at });
    await old.insertInto('seen_items').values([seen('c1', 'k1', 1), seen('c1', 'k3', 2), seen('c2', 'k2', 3)]).execute();
    await old.destroy();

    const store = await openSqliteStore(path);
    expect(await store.claimRequest('discord:1', 30)).toBe(false);
    expect(await store.claimRequest('slack:2', 30)).toBe(false);
    expect(await store.claimRequest('discord:3', 30)).toBe(true);
    const c1 = { platform: 'discord' as const, serverId: 'g1', channelId: 'c1' };
    expect([...(await store.seenInChannel(c1, 'keypoint'))].sort()).toEqual(['k1', 'k3']);
    expect(await store.seenInChannel({ ...c1, channelId: 'c2' }, 'keypoint')).toEqual(['k2']);
    expect(await store.claimNextUnseen(c1, 'keypoint', ['k1', 'k2', 'k3'], 40)).toBe('k2');

    const db = new Database(path, { readonly: true });
    try {
      const rows = db.prepare(`select name, sql from sqlite_master where name in ('processed_requests', 'seen_items') order by name`).all() as { name: string; sql: string }[];
      expect(rows.map((r) => r.name)).toEqual(['processed_requests', 'seen_items']);
      for (const r of rows) expect(r.sql, r.name).toMatch(/without rowid\s*$/i);
      // The seen items kept their servers and times, not only their keys.
      expect(db.prepare(`select channel_id, item_id, server_id, seen_at from seen_items order by channel_id, item_id`).all()).toEqual([
        { channel_id: 'c1', item_id: 'k1', server_id: 'g1', seen_at: 1 }, { channel_id: 'c1', item_id: 'k2', server_id: 'g1', seen_at: 40 },
        { channel_id: 'c1', item_id: 'k3', server_id: 'g1', seen_at: 2 }, { channel_id: 'c2', item_id: 'k2', server_id: 'g1', seen_at: 3 },
      ]);
    } finally {
      db.close();
    }
    // Every one seen: the channel starts them over.
    expect(await store.claimNextUnseen(c1, 'keypoint', ['k1', 'k2', 'k3'], 41)).toBe('k1');
    expect(await store.seenInChannel(c1, 'keypoint')).toEqual(['k1']);
    await store.close();
  });
});
