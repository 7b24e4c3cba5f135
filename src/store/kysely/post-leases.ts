import type { Kysely, Selectable } from 'kysely';
import type { Tables } from './tables.js';
import type { LeaseTaken, PostLeaseRecord, PostLeaseRequest } from '../../core/store/post-lease-store.js';
import { inserted, num, updated } from './rows.js';

function toRecord(r: Selectable<Tables['post_leases']>): PostLeaseRecord {
  return {
    key: r.key, platform: r.platform, state: r.state === 'posted' ? 'posted' : 'posting', holder: r.holder,
    expiresAt: num(r.expires_at), messageId: r.message_id, takenAt: num(r.taken_at),
  };
}

export function postLeaseQueries(db: Kysely<Tables>) {
  return {
    async takePostLease(l: PostLeaseRequest): Promise<LeaseTaken> {
      const res = await db.insertInto('post_leases').values({
        key: l.key, platform: l.platform, state: 'posting', holder: l.holder, expires_at: l.expiresAt,
        message_id: null, taken_at: l.now, done_at: null,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      if (inserted(res)) return 'fresh';
      // The conditional update is the whole decision: of several processes that see the same expired
      // lease, the first update matches and the others find it no longer expired. `taken_at` keeps
      // when the post was first begun, which bounds how late a retry may come.
      const taken = await db.updateTable('post_leases').set({ holder: l.holder, expires_at: l.expiresAt })
        .where('key', '=', l.key).where('state', '=', 'posting').where('expires_at', '<=', l.now).executeTakeFirst();
      return updated(taken) ? 'retry' : null;
    },
    async markPostDone(key: string, messageId: string | null, now: number, holder?: string) {
      await db.updateTable('post_leases').set({ state: 'posted', message_id: messageId, done_at: now }).where('key', '=', key)
        .$if(holder !== undefined, (q) => q.where('holder', '=', holder!)).execute();
    },
    async expiredPostLeases(platform: string, now: number, limit: number) {
      const rows = await db.selectFrom('post_leases').selectAll().where('platform', '=', platform)
        .where('state', '=', 'posting').where('expires_at', '<=', now).orderBy('expires_at').limit(limit).execute();
      return rows.map(toRecord);
    },
    async nextPostLeaseExpiry(platform: string) {
      const row = await db.selectFrom('post_leases').select((eb) => eb.fn.min('expires_at').as('next'))
        .where('platform', '=', platform).where('state', '=', 'posting').executeTakeFirst();
      return row?.next == null ? null : num(row.next as number);
    },
    async getPostLease(key: string) {
      const row = await db.selectFrom('post_leases').selectAll().where('key', '=', key).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
  };
}
