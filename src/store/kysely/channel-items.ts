import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables.js';
import type { ChannelRef, PromptPostRecord, Vote } from '../../core/store/records.js';
import type { Backend } from '../kysely-store.js';
import { affected, num, numOrNull } from './rows.js';
import { arg, prepared, type Prepared } from './prepared.js';

/** Each attempt either claims, starts the candidates over, or lost a race to a claim that landed. */
const MAX_CLAIM_ATTEMPTS = 50;

export function rotationQueries(db: Kysely<Tables>, { exclusive }: Backend) {
  const seen = prepared(db, (db) => db.selectFrom('seen_items').select('item_id').where('platform', '=', arg('platform'))
    .where('channel_id', '=', arg('channelId')).where('kind', '=', arg('kind')).compile());
  const mark = prepared(db, (db) => db.insertInto('seen_items').values({
    platform: arg('platform'), server_id: arg('serverId'), channel_id: arg('channelId'), kind: arg('kind'), item_id: arg('itemId'), seen_at: arg<number>('now'),
  }).onConflict((oc) => oc.doNothing()).compile());
  const reset = prepared(db, (db) => db.deleteFrom('seen_items').where('platform', '=', arg('platform'))
    .where('channel_id', '=', arg('channelId')).where('kind', '=', arg('kind')).compile());

  // One statement per number of candidates: it inserts the first candidate, in the order given, that
  // the channel has no row for, and returns it. VALUES names its columns column1, column2 on both backends.
  const claims = new Map<number, Prepared<{ item_id: string }>>();
  const claim = (count: number) => {
    let q = claims.get(count);
    if (!q) {
      const candidates = sql.join(Array.from({ length: count }, (_, i) => sql`(cast(${arg(`item${i}`)} as varchar(64)), ${sql.lit(i)})`));
      q = prepared(db, (db) => sql<{ item_id: string }>`
        insert into seen_items (platform, server_id, channel_id, kind, item_id, seen_at)
        select cast(${arg('platform')} as varchar(16)), cast(${arg('serverId')} as varchar(64)), cast(${arg('channelId')} as varchar(64)),
          cast(${arg('kind')} as varchar(16)), c.column1, cast(${arg('now')} as bigint)
        from (values ${candidates}) as c
        where not exists (
          select 1 from seen_items s
          where s.platform = ${arg('platform')} and s.channel_id = ${arg('channelId')} and s.kind = ${arg('kind')} and s.item_id = c.column1)
        order by c.column2
        limit 1
        on conflict do nothing
        returning item_id`.compile(db));
      claims.set(count, q);
    }
    return q;
  };
  // Forgets that the channel saw the candidates, only when it has seen every one of them: a claim
  // that finds them all seen starts them over, and of several at that moment one deletes, the
  // others find a candidate free again (the rows of other items, a subset's rest, stay).
  const startOvers = new Map<number, Prepared<unknown>>();
  const startOver = (count: number) => {
    let q = startOvers.get(count);
    if (!q) {
      const ids = () => sql.join(Array.from({ length: count }, (_, i) => arg(`item${i}`)));
      q = prepared(db, (db) => sql`
        delete from seen_items
        where platform = ${arg('platform')} and channel_id = ${arg('channelId')} and kind = ${arg('kind')} and item_id in (${ids()})
          and (select count(*) from seen_items s
               where s.platform = ${arg('platform')} and s.channel_id = ${arg('channelId')} and s.kind = ${arg('kind')} and s.item_id in (${ids()})) = ${sql.lit(count)}`.compile(db));
      startOvers.set(count, q);
    }
    return q;
  };

  return {
    async seenInChannel(where: ChannelRef, kind: string) {
      return (await seen.run({ platform: where.platform, channelId: where.channelId, kind })).rows.map((r) => r.item_id);
    },
    async markSeen(where: ChannelRef, kind: string, itemId: string, now: number) {
      return affected(await mark.run({ platform: where.platform, serverId: where.serverId, channelId: where.channelId, kind, itemId, now }));
    },
    async resetSeen(where: ChannelRef, kind: string) {
      await reset.run({ platform: where.platform, channelId: where.channelId, kind });
    },
    async claimNextUnseen(where: ChannelRef, kind: string, itemIds: readonly string[], now: number): Promise<string | null> {
      if (itemIds.length === 0) return null;
      const q = claim(itemIds.length);
      const args: Record<string, unknown> = { platform: where.platform, serverId: where.serverId, channelId: where.channelId, kind, now };
      itemIds.forEach((id, i) => (args[`item${i}`] = id));
      const won = (await q.run(args)).rows[0];
      if (won) return won.item_id;
      // Nothing landed: the channel has seen every candidate, or (on Postgres, whose statement reads
      // a snapshot) a claim at the same moment took the same item first. Such claims then go one at
      // a time per channel, each seeing the others' rows, starting the candidates over when all are seen.
      return exclusive(db, `seen:${where.platform}:${where.channelId}:${kind}`, async (tx) => {
        for (let attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
          const row = (await q.run(args, tx)).rows[0];
          if (row) return row.item_id;
          await startOver(itemIds.length).run(args, tx);
        }
        throw new Error(`no item of ${itemIds.length} could be claimed for a channel in ${MAX_CLAIM_ATTEMPTS} attempts`);
      });
    },
  };
}

export function promptPostQueries(db: Kysely<Tables>, { dialect }: Backend) {
  const create = prepared(db, (db) => db.insertInto('prompt_posts').values({
    id: arg('id'), platform: arg('platform'), server_id: arg('serverId'), channel_id: arg('channelId'), prompt_id: arg('promptId'),
    schedule_id: arg<string | null>('scheduleId'), slot: arg<number | null>('slot'), message_id: arg<string | null>('messageId'), created_at: arg<number>('createdAt'),
  }).onConflict((oc) => oc.doNothing()).compile());
  const byId = prepared(db, (db) => db.selectFrom('prompt_posts').selectAll().where('id', '=', arg('id')).compile());
  const setMessage = prepared(db, (db) => db.updateTable('prompt_posts').set({ message_id: arg('messageId') }).where('id', '=', arg('id')).compile());
  const previous = prepared(db, (db) => db.selectFrom('votes').select('vote').where('post_id', '=', arg('postId')).where('user_id', '=', arg('userId')).compile());
  const upsert = (db: Kysely<Tables>) => db.insertInto('votes')
    .values({ post_id: arg('postId'), user_id: arg('userId'), vote: arg('vote'), updated_at: arg<number>('now') })
    .onConflict((oc) => oc.columns(['post_id', 'user_id']).doUpdateSet({ vote: arg('vote'), updated_at: arg<number>('now') }));
  const cast = prepared(db, (db) => upsert(db).compile());
  // Postgres: a subquery in RETURNING reads the snapshot the statement started from, so it sees the
  // vote as it was before this upsert, in the same round trip. (SQLite's would see the new one.)
  const castReturningPrevious = prepared(db, (db) => upsert(db)
    .returning((eb) => eb.selectFrom('votes as v').select('v.vote').where('v.post_id', '=', arg('postId')).where('v.user_id', '=', arg('userId')).as('previous'))
    .compile());
  const tally = prepared(db, (db) => db.selectFrom('votes').select((eb) => ['vote', eb.fn.countAll<number | string>().as('n')])
    .where('post_id', '=', arg('postId')).groupBy('vote').compile());

  return {
    async createPromptPost(p: PromptPostRecord) {
      const res = await create.run({
        id: p.id, platform: p.platform, serverId: p.serverId, channelId: p.channelId, promptId: p.promptId,
        scheduleId: p.scheduleId, slot: p.slot, messageId: p.messageId, createdAt: p.createdAt,
      });
      return affected(res) ? p : null;
    },
    async getPromptPost(id: string): Promise<PromptPostRecord | null> {
      const r = (await byId.run({ id })).rows[0];
      if (!r) return null;
      return {
        id: r.id, platform: r.platform as PromptPostRecord['platform'], serverId: r.server_id, channelId: r.channel_id,
        promptId: r.prompt_id, scheduleId: r.schedule_id, slot: numOrNull(r.slot), messageId: r.message_id,
        createdAt: num(r.created_at),
      };
    },
    async setPromptMessage(id: string, messageId: string) {
      await setMessage.run({ id, messageId });
    },
    async castVote(postId: string, userId: string, vote: Vote, now: number) {
      const args = { postId, userId, vote, now };
      if (dialect === 'postgres') return ((await castReturningPrevious.run(args)).rows[0]?.previous as Vote | null | undefined) ?? null;
      // SQLite: the read and the write in one transaction, which holds the write lock from its start.
      return db.transaction().execute(async (tx) => {
        const prev = (await previous.run(args, tx)).rows[0];
        await cast.run(args, tx);
        return (prev?.vote as Vote | undefined) ?? null;
      });
    },
    async tally(postId: string) {
      const out: Record<Vote, number> = { agree: 0, disagree: 0, unsure: 0 };
      for (const r of (await tally.run({ postId })).rows) out[r.vote as Vote] = num(r.n);
      return out;
    },
  };
}

export function requestQueries(db: Kysely<Tables>) {
  const claim = prepared(db, (db) => db.insertInto('processed_requests').values({ key: arg('key'), created_at: arg<number>('now') })
    .onConflict((oc) => oc.doNothing()).compile());
  return {
    async claimRequest(key: string, now: number) {
      return affected(await claim.run({ key, now }));
    },
  };
}
