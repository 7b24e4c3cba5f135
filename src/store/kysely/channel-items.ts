import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';
import type { ChannelRef, PromptPostRecord, Vote } from '../../core/store/records.js';
import { inserted, num, numOrNull } from './rows.js';

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

export function promptPostQueries(db: Kysely<Tables>) {
  return {
    async createPromptPost(p: PromptPostRecord) {
      const res = await db.insertInto('prompt_posts').values({
        id: p.id, platform: p.platform, server_id: p.serverId, channel_id: p.channelId, prompt_id: p.promptId,
        schedule_id: p.scheduleId, slot: p.slot, message_id: p.messageId, created_at: p.createdAt,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return inserted(res) ? p : null;
    },
    async getPromptPost(id: string): Promise<PromptPostRecord | null> {
      const r = await db.selectFrom('prompt_posts').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return null;
      return {
        id: r.id, platform: r.platform as PromptPostRecord['platform'], serverId: r.server_id, channelId: r.channel_id,
        promptId: r.prompt_id, scheduleId: r.schedule_id, slot: numOrNull(r.slot), messageId: r.message_id,
        createdAt: num(r.created_at),
      };
    },
    async setPromptMessage(id: string, messageId: string) {
      await db.updateTable('prompt_posts').set({ message_id: messageId }).where('id', '=', id).execute();
    },
    async castVote(postId: string, userId: string, vote: Vote, now: number) {
      return db.transaction().execute(async (tx) => {
        const prev = await tx.selectFrom('votes').select('vote').where('post_id', '=', postId).where('user_id', '=', userId).executeTakeFirst();
        await tx.insertInto('votes').values({ post_id: postId, user_id: userId, vote, updated_at: now })
          .onConflict((oc) => oc.columns(['post_id', 'user_id']).doUpdateSet({ vote, updated_at: now })).execute();
        return (prev?.vote as Vote | undefined) ?? null;
      });
    },
    async tally(postId: string) {
      const rows = await db.selectFrom('votes').select((eb) => ['vote', eb.fn.countAll<number | string>().as('n')])
        .where('post_id', '=', postId).groupBy('vote').execute();
      const out: Record<Vote, number> = { agree: 0, disagree: 0, unsure: 0 };
      for (const r of rows) out[r.vote as Vote] = num(r.n);
      return out;
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
