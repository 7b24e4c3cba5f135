import type { Kysely, Selectable } from 'kysely';
import type { Tables } from './tables.js';
import type { CastVote, ChannelRef, PromptPostRecord, Vote, VoteEvent } from '../../core/store/records.js';
import { inserted, num, numOrNull, updated } from './rows.js';

export function rotationQueries(db: Kysely<Tables>) {
  return {
    async seenInChannel(where: ChannelRef, kind: string) {
      const rows = await db.selectFrom('seen_items').select('item_id').where('platform', '=', where.platform)
        .where('channel_id', '=', where.channelId).where('kind', '=', kind).execute();
      return rows.map((r) => r.item_id);
    },
    async markSeen(where: ChannelRef, kind: string, itemId: string, now: number) {
      const res = await db.insertInto('seen_items').values({
        platform: where.platform, server_id: where.serverId, channel_id: where.channelId, kind, item_id: itemId, seen_at: now,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return inserted(res);
    },
    async resetSeen(where: ChannelRef, kind: string) {
      await db.deleteFrom('seen_items').where('platform', '=', where.platform)
        .where('channel_id', '=', where.channelId).where('kind', '=', kind).execute();
    },
  };
}

function toPost(r: Selectable<Tables['prompt_posts']>): PromptPostRecord {
  return {
    id: r.id, platform: r.platform as PromptPostRecord['platform'], serverId: r.server_id, channelId: r.channel_id,
    promptId: r.prompt_id, scheduleId: r.schedule_id, slot: numOrNull(r.slot), messageId: r.message_id,
    createdAt: num(r.created_at), closesAt: numOrNull(r.closes_at), closedAt: numOrNull(r.closed_at),
  };
}

export function promptPostQueries(db: Kysely<Tables>) {
  /** A post that still takes votes at `now`: not closed, and its close time (if any) not yet come. */
  const openPost = (db: Kysely<Tables>, postId: string, now: number) => db.selectFrom('prompt_posts').where('id', '=', postId)
    .where('closed_at', 'is', null).where((eb) => eb.or([eb('closes_at', 'is', null), eb('closes_at', '>', now)]));
  const logEvent = (tx: Kysely<Tables>, postId: string, userId: string, vote: Vote | null, now: number) =>
    tx.insertInto('vote_events').values({ post_id: postId, user_id: userId, vote, at: now })
      .onConflict((oc) => oc.columns(['post_id', 'user_id', 'at']).doUpdateSet({ vote })).execute();
  return {
    async createPromptPost(p: PromptPostRecord) {
      const res = await db.insertInto('prompt_posts').values({
        id: p.id, platform: p.platform, server_id: p.serverId, channel_id: p.channelId, prompt_id: p.promptId,
        schedule_id: p.scheduleId, slot: p.slot, message_id: p.messageId, created_at: p.createdAt,
        closes_at: p.closesAt, closed_at: p.closedAt,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return inserted(res) ? p : null;
    },
    async getPromptPost(id: string): Promise<PromptPostRecord | null> {
      const r = await db.selectFrom('prompt_posts').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toPost(r) : null;
    },
    async setPromptMessage(id: string, messageId: string) {
      await db.updateTable('prompt_posts').set({ message_id: messageId }).where('id', '=', id).execute();
    },
    async castVote(postId: string, user: { id: string; name: string }, vote: Vote, now: number): Promise<CastVote> {
      return db.transaction().execute(async (tx) => {
        const prev = await tx.selectFrom('votes').select('vote').where('post_id', '=', postId).where('user_id', '=', user.id).executeTakeFirst();
        // The vote is written only while the post is open, in the same statement that checks it.
        const res = await tx.insertInto('votes').columns(['post_id', 'user_id', 'vote', 'updated_at', 'user_name'])
          .expression(openPost(tx, postId, now).select((eb) => [
            eb.val(postId).as('post_id'), eb.val(user.id).as('user_id'), eb.val(vote).as('vote'),
            eb.val(now).as('updated_at'), eb.val(user.name).as('user_name'),
          ]))
          .onConflict((oc) => oc.columns(['post_id', 'user_id']).doUpdateSet({ vote, updated_at: now, user_name: user.name }))
          .executeTakeFirst();
        const recorded = inserted(res);
        if (recorded) await logEvent(tx, postId, user.id, vote, now);
        return { recorded, previous: (prev?.vote as Vote | undefined) ?? null };
      });
    },
    async withdrawVote(postId: string, userId: string, now: number) {
      return db.transaction().execute(async (tx) => {
        const prev = await tx.selectFrom('votes').select('vote').where('post_id', '=', postId).where('user_id', '=', userId).executeTakeFirst();
        if (!prev) return null;
        const res = await tx.deleteFrom('votes').where('post_id', '=', postId).where('user_id', '=', userId)
          .where((eb) => eb.exists(openPost(tx, postId, now).select('id'))).executeTakeFirst();
        if (!updated(res)) return null;
        await logEvent(tx, postId, userId, null, now);
        return prev.vote as Vote;
      });
    },
    async tally(postId: string) {
      const rows = await db.selectFrom('votes').select((eb) => ['vote', eb.fn.countAll<number | string>().as('n')])
        .where('post_id', '=', postId).groupBy('vote').execute();
      const out: Record<Vote, number> = { agree: 0, disagree: 0, unsure: 0 };
      for (const r of rows) out[r.vote as Vote] = num(r.n);
      return out;
    },
    async voteHistory(postId: string): Promise<VoteEvent[]> {
      const rows = await db.selectFrom('vote_events').selectAll().where('post_id', '=', postId).orderBy('at').orderBy('user_id').execute();
      return rows.map((r) => ({ userId: r.user_id, vote: (r.vote as Vote | null) ?? null, at: num(r.at) }));
    },
    async closeOpenPrompts(where: ChannelRef, exceptId: string, now: number) {
      const res = await db.updateTable('prompt_posts').set({ closes_at: now })
        .where('platform', '=', where.platform).where('channel_id', '=', where.channelId).where('id', '!=', exceptId)
        .where('closed_at', 'is', null).where((eb) => eb.or([eb('closes_at', 'is', null), eb('closes_at', '>', now)]))
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },
    async duePromptCloses(platform: string, now: number) {
      const rows = await db.selectFrom('prompt_posts').selectAll().where('platform', '=', platform)
        .where('closed_at', 'is', null).where('closes_at', 'is not', null).where('closes_at', '<=', now)
        .orderBy('closes_at').orderBy('id').execute();
      return rows.map(toPost);
    },
    async nextPromptClose(platform: string) {
      const row = await db.selectFrom('prompt_posts').select((eb) => eb.fn.min('closes_at').as('next'))
        .where('platform', '=', platform).where('closed_at', 'is', null).executeTakeFirst();
      return row?.next == null ? null : num(row.next as number);
    },
    async markPromptClosed(id: string, now: number) {
      return updated(await db.updateTable('prompt_posts').set({ closed_at: now }).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst());
    },
  };
}

export function requestQueries(db: Kysely<Tables>) {
  return {
    async claimRequest(key: string, now: number) {
      const res = await db.insertInto('processed_requests').values({ key, created_at: now })
        .onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return inserted(res);
    },
  };
}
