import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { Tables } from './tables.js';
import type { CastVote, ChannelRef, PromptPostRecord, Vote, VoteEvent } from '../../core/store/records.js';
import type { Backend } from '../kysely-store.js';
import { affected, inserted, num, numOrNull, updated } from './rows.js';
import { arg, prepared, shared } from './prepared.js';
import { batchedByKey, batchedPerTurn } from './batches.js';
import { sameIds } from '../../core/ids.js';

/** Each attempt either claims, starts the candidates over, or lost a race to a claim that landed. */
const MAX_CLAIM_ATTEMPTS = 50;
/** The most claims one statement serves; more waiting go in the next. */
const MAX_BATCH = 64;

interface ClaimArgs {
  where: ChannelRef;
  kind: string;
  itemIds: readonly string[];
  now: number;
}

interface Candidates {
  /** The ids these were made from, to tell whether the array has changed since. */
  ids: readonly string[];
  /** The ids as the statements read them: one JSON array. */
  json: string;
  /** The ids as part of a batching key: two calls with the same ids in the same order share it. */
  key: string;
  /** Each id's position, to put a batch's claims (which RETURNING gives in no order) in order. */
  order: ReadonlyMap<string, number>;
}

/**
 * The candidates are nearly always one array the caller keeps (a pack's prompts, a motion's key
 * points), claimed from again and again: what is derived from them is made once per array rather
 * than on every claim, where it was a large part of what a claim allocated. Each use compares the
 * array with the ids it was made from (no allocation), so an array changed in place since is
 * simply made again.
 */
const itself = (id: string) => id;
const candidatesMade = new WeakMap<readonly string[], Candidates>();
function candidatesOf(itemIds: readonly string[]): Candidates {
  const made = candidatesMade.get(itemIds);
  if (made && sameIds(made.ids, itemIds, itself)) return made;
  const c = { ids: [...itemIds], json: JSON.stringify(itemIds), key: itemIds.join('\n'), order: new Map(itemIds.map((id, i) => [id, i])) };
  candidatesMade.set(itemIds, c);
  return c;
}

export function rotationQueries(db: Kysely<Tables>, { exclusive, dialect }: Backend) {
  const seen = prepared(db, (db) => db.selectFrom('seen_items').select('item_id').where('platform', '=', arg('platform'))
    .where('channel_id', '=', arg('channelId')).where('kind', '=', arg('kind')).compile());
  const mark = prepared(db, (db) => db.insertInto('seen_items').values({
    platform: arg('platform'), server_id: arg('serverId'), channel_id: arg('channelId'), kind: arg('kind'), item_id: arg('itemId'), seen_at: arg<number>('now'),
  }).onConflict((oc) => oc.doNothing()).compile());
  const reset = prepared(db, (db) => db.deleteFrom('seen_items').where('platform', '=', arg('platform'))
    .where('channel_id', '=', arg('channelId')).where('kind', '=', arg('kind')).compile());

  // The candidates travel as one JSON array, read as a table of (item_id, position) in each dialect's
  // way: one prepared statement for any number of them, and cheaper on SQLite than a VALUES list.
  // Each puts the rows out in the array's order and tells its planner so, which lets a claim stop at
  // the first unseen candidate instead of checking them all and sorting what is left: Postgres knows
  // WITH ORDINALITY counts in the order it reads; SQLite's json_each numbers its rows (rowid) as it
  // walks the array and declares them returned in rowid order. Its `key` (the same numbers) is not so
  // declared: ordered by key, a claim read every candidate and sorted them, a third more per claim.
  const candidates = shared(() => dialect === 'postgres'
    ? sql`jsonb_array_elements_text(cast(${arg('items')} as jsonb)) with ordinality as c(item_id, ord)`
    : sql`(select value as item_id, rowid as ord from json_each(${arg('items')})) as c`);
  // Whether a row's item is one of the candidates. On Postgres the candidates are made an array once
  // and each row is checked against it: as `in (select …)` Postgres read the JSON again for every
  // row it checked, which made a start-over take twice as long. SQLite reads the list once either way.
  const inCandidates = shared(() => dialect === 'postgres'
    ? sql`= any(array(select jsonb_array_elements_text(cast(${arg('items')} as jsonb))))`
    : sql`in (select value from json_each(${arg('items')}))`);
  // Inserts the first `limit` candidates, in the order given, that the channel has no row for, and
  // returns them (in no set order: RETURNING keeps none). A lone claim has a statement of its own
  // whose LIMIT is written in: on SQLite the same claim with a bound LIMIT took half as long again.
  const claimSql = (limit: () => RawBuilder<unknown>) => prepared(db, (db) => sql<{ item_id: string }>`
    insert into seen_items (platform, server_id, channel_id, kind, item_id, seen_at)
    select cast(${arg('platform')} as varchar(16)), cast(${arg('serverId')} as varchar(64)), cast(${arg('channelId')} as varchar(64)),
      cast(${arg('kind')} as varchar(16)), c.item_id, cast(${arg('now')} as bigint)
    from ${candidates()}
    where not exists (
      select 1 from seen_items s
      where s.platform = ${arg('platform')} and s.channel_id = ${arg('channelId')} and s.kind = ${arg('kind')} and s.item_id = c.item_id)
    order by c.ord
    limit ${limit()}
    on conflict do nothing
    returning item_id`.compile(db));
  const claimOne = claimSql(() => sql.lit(1));
  const claimSome = claimSql(() => sql`${arg<number>('limit')}`);
  // Forgets that the channel saw the candidates, only when it has seen every one of them: a claim
  // that finds them all seen starts them over, and of several at that moment one deletes, the
  // others find a candidate free again (the rows of other items, a subset's rest, stay).
  const startOver = prepared(db, (db) => sql`
    delete from seen_items
    where platform = ${arg('platform')} and channel_id = ${arg('channelId')} and kind = ${arg('kind')} and item_id ${inCandidates()}
      and (select count(*) from seen_items s
           where s.platform = ${arg('platform')} and s.channel_id = ${arg('channelId')} and s.kind = ${arg('kind')} and s.item_id ${inCandidates()}) = ${arg<number>('count')}`.compile(db));

  /**
   * Claims `count` items for as many requests, as `count` claims one after another would: the first
   * unseen ones in order, starting the candidates over each time all are seen. In a busy channel
   * the claims then cost one statement between them, where each claim on its own raced the others
   * for the last unseen items and, when they ran out, every loser read, failed and retried.
   */
  const claimMany = async ({ where, kind, itemIds, now }: ClaimArgs, count: number): Promise<string[]> => {
    const { json, order } = candidatesOf(itemIds);
    const args = {
      platform: where.platform, serverId: where.serverId, channelId: where.channelId, kind, now, items: json, count: itemIds.length,
    };
    const claimed: string[] = [];
    const take = async (tx?: Kysely<Tables>) => {
      const limit = count - claimed.length;
      const rows = (await (limit === 1 ? claimOne : claimSome).run(limit === 1 ? args : { ...args, limit }, tx)).rows.map((r) => r.item_id);
      if (rows.length > 1) rows.sort((a, b) => order.get(a)! - order.get(b)!);
      claimed.push(...rows);
      return rows.length;
    };
    let took = await take();
    if (claimed.length === count) return claimed;
    // Not enough landed: the channel has seen every candidate, or (on Postgres, whose statement reads
    // a snapshot) a claim at the same moment took some of the same items first. Such claims then go
    // one at a time per channel, each seeing the others' rows, starting the candidates over when all are seen.
    return exclusive(db, `seen:${where.platform}:${where.channelId}:${kind}`, async (tx) => {
      // A round of fewer candidates than claims takes two attempts (start over, claim) per round.
      const attempts = MAX_CLAIM_ATTEMPTS + 2 * Math.ceil(count / itemIds.length);
      for (let attempt = 0; attempt < attempts; attempt++) {
        // A claim that took nothing is followed by a start-over, not by the same claim again: the
        // start-over itself deletes nothing unless every candidate is seen, so after a claim that lost
        // a race it costs one read and the claim after it proceeds as before.
        if (took === 0) await startOver.run(args, tx);
        took = await take(tx);
        if (claimed.length === count) return claimed;
      }
      throw new Error(`${count} items of ${itemIds.length} could not be claimed for a channel in ${attempts} attempts`);
    });
  };
  const claimInTurn = batchedByKey(claimMany, MAX_BATCH);

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
      return claimInTurn(`${where.platform}\n${where.channelId}\n${kind}\n${candidatesOf(itemIds).key}`, { where, kind, itemIds, now });
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

/** How many people hold each vote on a post. */
async function tallyOf(db: Kysely<Tables>, postId: string): Promise<Record<Vote, number>> {
  const rows = await db.selectFrom('votes').select((eb) => ['vote', eb.fn.countAll<number | string>().as('n')])
    .where('post_id', '=', postId).groupBy('vote').execute();
  const out: Record<Vote, number> = { agree: 0, disagree: 0, unsure: 0 };
  for (const r of rows) out[r.vote as Vote] = num(r.n);
  return out;
}

export function promptPostQueries(db: Kysely<Tables>, { dialect }: Backend) {
  /** A post that still takes votes at `now`: not closed, and its close time (if any) not yet come. */
  const openPost = (db: Kysely<Tables>, postId: string, now: number) => db.selectFrom('prompt_posts').where('id', '=', postId)
    .where('closed_at', 'is', null).where((eb) => eb.or([eb('closes_at', 'is', null), eb('closes_at', '>', now)]));
  const logEvent = (tx: Kysely<Tables>, postId: string, userId: string, vote: Vote | null, now: number) =>
    tx.insertInto('vote_events').values({ post_id: postId, user_id: userId, vote, at: now })
      .onConflict((oc) => oc.columns(['post_id', 'user_id', 'at']).doUpdateSet({ vote })).execute();
  // On Postgres a vote (or its withdrawal) and its history entry are one statement, each a round
  // trip fewer than a transaction of four: its writes are data-modifying CTEs, which run once and
  // to completion whether or not the final SELECT reads them. SQLite has no such CTEs. A vote's
  // tally comes with it: the other people's votes as the statement's snapshot has them, and this
  // one's own as just cast (the final SELECT does not see the CTE's new row).
  const isOpen = shared(() => sql`exists (select 1 from prompt_posts p where p.id = ${arg('postId')} and p.closed_at is null
    and (p.closes_at is null or p.closes_at > cast(${arg('now')} as bigint)))`);
  const castOnPostgres = prepared(db, (db) => sql<{ previous: string | null; recorded: string | number } & Record<Vote, string | number>>`
    with previous as (
      select vote from votes where post_id = ${arg('postId')} and user_id = ${arg('userId')}
    ), cast_vote as (
      insert into votes (post_id, user_id, vote, updated_at, user_name)
      select ${arg('postId')}, ${arg('userId')}, ${arg('vote')}, cast(${arg('now')} as bigint), ${arg('userName')} where ${isOpen()}
      on conflict (post_id, user_id) do update set vote = excluded.vote, updated_at = excluded.updated_at, user_name = excluded.user_name
      returning 1
    ), logged as (
      insert into vote_events (post_id, user_id, vote, at)
      select ${arg('postId')}, ${arg('userId')}, ${arg('vote')}, cast(${arg('now')} as bigint) from cast_vote
      on conflict (post_id, user_id, at) do update set vote = excluded.vote
    ), tallied as (
      select v.vote from votes v where v.post_id = ${arg('postId')} and v.user_id <> ${arg('userId')}
      union all select ${arg('vote')} from cast_vote
    )
    select (select vote from previous) as previous, (select count(*) from cast_vote) as recorded,
      (select count(*) from tallied where vote = 'agree') as agree, (select count(*) from tallied where vote = 'disagree') as disagree,
      (select count(*) from tallied where vote = 'unsure') as unsure`.compile(db));
  const withdrawOnPostgres = prepared(db, (db) => sql<{ vote: string }>`
    with removed as (
      delete from votes where post_id = ${arg('postId')} and user_id = ${arg('userId')} and ${isOpen()}
      returning vote
    ), logged as (
      insert into vote_events (post_id, user_id, vote, at)
      select ${arg('postId')}, ${arg('userId')}, null, cast(${arg('now')} as bigint) from removed
      on conflict (post_id, user_id, at) do update set vote = excluded.vote
    )
    select vote from removed`.compile(db));

  const insertPost = (db: Kysely<Tables>, p: PromptPostRecord) => db.insertInto('prompt_posts').values({
    id: p.id, platform: p.platform, server_id: p.serverId, channel_id: p.channelId, prompt_id: p.promptId,
    schedule_id: p.scheduleId, slot: p.slot, message_id: p.messageId, created_at: p.createdAt,
    closes_at: p.closesAt, closed_at: p.closedAt,
  }).onConflict((oc) => oc.doNothing());
  const closeOthers = async (where: ChannelRef, exceptId: string, now: number) => {
    const res = await db.updateTable('prompt_posts').set({ closes_at: now })
      .where('platform', '=', where.platform).where('channel_id', '=', where.channelId).where('id', '!=', exceptId)
      .where('closed_at', 'is', null).where((eb) => eb.or([eb('closes_at', 'is', null), eb('closes_at', '>', now)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  };
  // On Postgres a post and the closing of the channel's other open prompts are one statement of two
  // data-modifying CTEs: a round trip where there were two, and the two land together. The update
  // reads the statement's snapshot, which has not the new post (nor would it match its id). Two posts
  // to one channel in the same instant, from two instances, each miss the other's uncommitted row, so
  // both stay open until the next post or their close time; as two statements, each could close the
  // other and leave none open.
  const postArgs = (p: PromptPostRecord) => ({
    id: p.id, platform: p.platform, serverId: p.serverId, channelId: p.channelId, promptId: p.promptId, scheduleId: p.scheduleId,
    slot: p.slot, messageId: p.messageId, now: p.createdAt, closesAt: p.closesAt, closedAt: p.closedAt,
  });
  const postOnPostgres = prepared(db, (db) => sql<{ created: string | number; closing: string | number }>`
    with created as (
      insert into prompt_posts (id, platform, server_id, channel_id, prompt_id, schedule_id, slot, message_id, created_at, closes_at, closed_at)
      values (${arg('id')}, ${arg('platform')}, ${arg('serverId')}, ${arg('channelId')}, ${arg('promptId')}, ${arg<string | null>('scheduleId')},
        ${arg<number | null>('slot')}, ${arg<string | null>('messageId')}, ${arg<number>('now')}, ${arg<number | null>('closesAt')}, ${arg<number | null>('closedAt')})
      on conflict do nothing
      returning 1
    ), closing as (
      update prompt_posts set closes_at = cast(${arg('now')} as bigint)
      where platform = ${arg('platform')} and channel_id = ${arg('channelId')} and id <> ${arg('id')} and closed_at is null
        and (closes_at is null or closes_at > cast(${arg('now')} as bigint))
      returning 1
    )
    select (select count(*) from created) as created, (select count(*) from closing) as closing`.compile(db));

  // Every vote reads its post first: built and compiled once (prepared.ts).
  const postById = prepared(db, (db) => db.selectFrom('prompt_posts').selectAll().where('id', '=', arg('id')).compile());

  return {
    async createPromptPost(p: PromptPostRecord) {
      return inserted(await insertPost(db, p).executeTakeFirst()) ? p : null;
    },
    async postPrompt(p: PromptPostRecord) {
      const where = { platform: p.platform, serverId: p.serverId, channelId: p.channelId };
      if (dialect === 'postgres') {
        const row = (await postOnPostgres.run(postArgs(p))).rows[0];
        return { created: Number(row?.created ?? 0) > 0 ? p : null, closing: Number(row?.closing ?? 0) };
      }
      // SQLite has no data-modifying CTEs: the two statements back to back, as the engine ran them.
      const created = inserted(await insertPost(db, p).executeTakeFirst()) ? p : null;
      return { created, closing: await closeOthers(where, p.id, p.createdAt) };
    },
    async getPromptPost(id: string): Promise<PromptPostRecord | null> {
      const r = (await postById.run({ id })).rows[0];
      return r ? toPost(r) : null;
    },
    async setPromptMessage(id: string, messageId: string) {
      await db.updateTable('prompt_posts').set({ message_id: messageId }).where('id', '=', id).execute();
    },
    async castVote(postId: string, user: { id: string; name: string }, vote: Vote, now: number): Promise<CastVote> {
      if (dialect === 'postgres') {
        const row = (await castOnPostgres.run({ postId, userId: user.id, userName: user.name, vote, now })).rows[0];
        const recorded = Number(row?.recorded ?? 0) > 0;
        const tally = recorded && row ? { agree: num(row.agree), disagree: num(row.disagree), unsure: num(row.unsure) } : null;
        return { recorded, previous: (row?.previous as Vote | null | undefined) ?? null, tally };
      }
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
        return { recorded, previous: (prev?.vote as Vote | undefined) ?? null, tally: recorded ? await tallyOf(tx, postId) : null };
      });
    },
    async withdrawVote(postId: string, userId: string, now: number) {
      if (dialect === 'postgres') {
        const row = (await withdrawOnPostgres.run({ postId, userId, now })).rows[0];
        return (row?.vote as Vote | undefined) ?? null;
      }
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
      return tallyOf(db, postId);
    },
    async voteHistory(postId: string): Promise<VoteEvent[]> {
      const rows = await db.selectFrom('vote_events').selectAll().where('post_id', '=', postId).orderBy('at').orderBy('user_id').execute();
      return rows.map((r) => ({ userId: r.user_id, vote: (r.vote as Vote | null) ?? null, at: num(r.at) }));
    },
    closeOpenPrompts: closeOthers,
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

/**
 * How long a request's claim is kept. A platform redelivers within minutes (Slack retries for about
 * five, a Discord interaction can be answered for fifteen), so after a day a claim guards nothing and
 * only grows the table: one autocomplete keystroke is one row.
 */
export const REQUEST_CLAIM_KEEP_MS = 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;

/** The most request claims one statement writes; more arriving together go in the next. */
const MAX_CLAIMS_PER_STATEMENT = 256;

export function requestQueries(db: Kysely<Tables>, { dialect }: Pick<Backend, 'dialect'>) {
  let prunedAt = Number.NEGATIVE_INFINITY;
  // Every interaction and Slack request runs this before anything else: built and compiled once.
  // The claims travel as one JSON array of [key, now]; what the statement returns is what it
  // inserted, the keys this instance won. Each claim is committed when the statement returns, as
  // a claim on its own was: nothing is sent for a request before that.
  const rows = shared(() => dialect === 'postgres'
    ? sql`select c ->> 0, cast(c ->> 1 as bigint) from jsonb_array_elements(cast(${arg('claims')} as jsonb)) as c`
    : sql`select value ->> 0, value ->> 1 from json_each(${arg('claims')}) where true`);
  const claim = prepared(db, (db) => sql<{ key: string }>`
    insert into processed_requests (key, created_at) ${rows()}
    on conflict do nothing
    returning key`.compile(db));
  const claimTogether = batchedPerTurn(async (claims: { key: string; now: number }[]) => {
    const now = claims[0]!.now;
    if (now - prunedAt >= PRUNE_EVERY_MS) {
      prunedAt = now;
      // Housekeeping, tried again within the hour: its failure (a lock held too long) must not fail
      // the claims waiting behind it, which would leave every one of those requests unanswered.
      await db.deleteFrom('processed_requests').where('created_at', '<', now - REQUEST_CLAIM_KEEP_MS).execute().catch(() => {});
    }
    // A key twice in one batch (a redelivery in the same moment) is written once, and won by the first.
    const first = new Map<string, { key: string; now: number }>();
    for (const c of claims) if (!first.has(c.key)) first.set(c.key, c);
    const won = new Set((await claim.run({ claims: JSON.stringify([...first.values()].map((c) => [c.key, c.now])) })).rows.map((r) => r.key));
    return claims.map((c) => first.get(c.key) === c && won.has(c.key));
  }, MAX_CLAIMS_PER_STATEMENT);
  return {
    /** Claims of one turn of the event loop are written by one statement (batchedPerTurn). */
    claimRequest(key: string, now: number) {
      return claimTogether({ key, now });
    },
  };
}
