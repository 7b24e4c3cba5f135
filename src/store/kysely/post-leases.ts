import type { Kysely, Selectable } from 'kysely';
import type { Tables } from './tables.js';
import type { LeaseState, LeaseTaken, PostLeaseRecord, PostLeaseRequest } from '../../core/store/post-lease-store.js';
import { inserted, num, updated } from './rows.js';

/** 'given-up' is the longest, 8 characters: the column is varchar(8) (migration 005). */
const STATES: readonly string[] = ['posting', 'posted', 'given-up'] satisfies LeaseState[];

function toRecord(r: Selectable<Tables['post_leases']>): PostLeaseRecord {
  return {
    key: r.key, platform: r.platform, state: STATES.includes(r.state) ? (r.state as LeaseState) : 'posting', holder: r.holder,
    expiresAt: num(r.expires_at), messageId: r.message_id, takenAt: num(r.taken_at), sentAt: r.sent_at == null ? null : num(r.sent_at),
  };
}

export function postLeaseQueries(db: Kysely<Tables>) {
  return {
    async takePostLease(l: PostLeaseRequest): Promise<LeaseTaken> {
      const res = await db.insertInto('post_leases').values({
        key: l.key, platform: l.platform, state: 'posting', holder: l.holder, expires_at: l.expiresAt,
        message_id: null, taken_at: l.now, done_at: null, sent_at: null,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      if (inserted(res)) return 'fresh';
      // The conditional update is the whole decision: of several processes that see the same expired
      // lease, the first update matches and the others find it no longer expired. `taken_at` keeps
      // when the post was first begun, which bounds how late a retry may come.
      const taken = await db.updateTable('post_leases').set({ holder: l.holder, expires_at: l.expiresAt })
        .where('key', '=', l.key).where('state', '=', 'posting').where('expires_at', '<=', l.now).executeTakeFirst();
      return updated(taken) ? 'retry' : null;
    },
    async beginSending(key: string, holder: string, now: number, expiresAt: number) {
      // `sent_at` keeps the first attempt: a repeat is told apart for a while after the first send.
      const res = await db.updateTable('post_leases')
        .set((eb) => ({ sent_at: eb.fn.coalesce('sent_at', eb.val(now)), expires_at: expiresAt }))
        .where('key', '=', key).where('holder', '=', holder).where('state', '=', 'posting').executeTakeFirst();
      return updated(res);
    },
    async markPostDone(key: string, messageId: string | null, now: number, holder?: string) {
      await db.updateTable('post_leases').set({ state: 'posted', message_id: messageId, done_at: now }).where('key', '=', key)
        .$if(holder !== undefined, (q) => q.where('holder', '=', holder!)).execute();
    },
    async givePostUp(key: string, now: number) {
      // Only a lease nobody holds: one taken over meanwhile is its new holder's to finish.
      const res = await db.updateTable('post_leases').set({ state: 'given-up', message_id: null, done_at: now })
        .where('key', '=', key).where('state', '=', 'posting').where('expires_at', '<=', now).executeTakeFirst();
      return updated(res);
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
