import { sql, type Kysely, type QueryCreator, type Selectable } from 'kysely';
import type { Tables } from './tables.js';
import type { Actor } from '../../core/context.js';
import type { ChannelRef, DebateRecord, DebateTurn } from '../../core/store/records.js';
import type { Backend } from '../kysely-store.js';
import { ACTIVE, affected, num } from './rows.js';
import { arg, prepared } from './prepared.js';
import { personArgs, rememberOn } from './people.js';

type Row = Selectable<Tables['debates']>;

export function toRecord(r: Row): DebateRecord {
  return {
    id: r.id, platform: r.platform as DebateRecord['platform'], serverId: r.server_id, channelId: r.channel_id,
    userId: r.user_id, motionId: r.motion_id, botSide: r.bot_side as DebateRecord['botSide'],
    status: r.status as DebateRecord['status'], turns: JSON.parse(r.turns) as DebateTurn[],
    createdAt: num(r.created_at), updatedAt: num(r.updated_at),
  };
}

const debateArgs = (d: DebateRecord) => ({
  id: d.id, platform: d.platform, serverId: d.serverId, channelId: d.channelId, userId: d.userId,
  motionId: d.motionId, botSide: d.botSide, status: d.status, turns: JSON.stringify(d.turns),
  turnCount: d.turns.length, createdAt: d.createdAt, updatedAt: d.updatedAt,
});

export function debateQueries(db: Kysely<Tables>, { dialect }: Pick<Backend, 'dialect'>) {
  const insertDebate = (db: QueryCreator<Tables>) => db.insertInto('debates').values({
    id: arg('id'), platform: arg('platform'), server_id: arg('serverId'), channel_id: arg('channelId'), user_id: arg('userId'),
    motion_id: arg('motionId'), bot_side: arg('botSide'), status: arg('status'), turns: arg('turns'),
    turn_count: arg<number>('turnCount'), created_at: arg<number>('createdAt'), updated_at: arg<number>('updatedAt'),
  }).onConflict((oc) => oc.doNothing());
  const create = prepared(db, (db) => insertDebate(db).compile());
  // On Postgres the debater's name goes in with the debate, a data-modifying CTE: one round trip
  // where rememberPerson then createDebate were two. The CTE runs whether or not the debate lands.
  // (The CTE's table is one the insert does not read: it is typed as the plain query creator.)
  const openOnPostgres = prepared(db, (db) => insertDebate(db.with('person', (db) => rememberOn(db)) as unknown as QueryCreator<Tables>).compile());
  const active = prepared(db, (db) => db.selectFrom('debates').selectAll()
    .where('platform', '=', arg('platform')).where('channel_id', '=', arg('channelId'))
    .where('user_id', '=', arg('userId')).where('status', '=', ACTIVE).compile());
  const byId = prepared(db, (db) => db.selectFrom('debates').selectAll().where('id', '=', arg('id')).compile());
  // The turns are JSON text written by JSON.stringify (no spaces): appending splices the new items in
  // before the closing bracket, so one statement both checks the turn count and appends.
  const append = prepared(db, (db) => db.updateTable('debates')
    .set({
      turns: sql<string>`case when turns = '[]' then '[' || ${arg('items')} || ']' else substr(turns, 1, length(turns) - 1) || ',' || ${arg('items')} || ']' end`,
      turn_count: sql<number>`turn_count + ${arg<number>('added')}`,
      updated_at: arg<number>('now'),
    })
    .where('id', '=', arg('id')).where('turn_count', '=', arg<number>('expected')).where('status', '=', 'active')
    .compile());
  const touch = prepared(db, (db) => db.updateTable('debates').set({ updated_at: arg<number>('now') })
    .where('id', '=', arg('id')).where('turn_count', '=', arg<number>('expected')).where('status', '=', 'active').compile());
  const end = prepared(db, (db) => db.updateTable('debates').set({ status: 'ended', updated_at: arg<number>('now') })
    .where('id', '=', arg('id')).where('status', '=', 'active').compile());
  // On Postgres, finds the person's active debate and ends it in one statement; RETURNING hands back the row as ended.
  const endActive = prepared(db, (db) => db.updateTable('debates').set({ status: 'ended', updated_at: arg<number>('now') })
    .where('platform', '=', arg('platform')).where('channel_id', '=', arg('channelId'))
    .where('user_id', '=', arg('userId')).where('status', '=', ACTIVE).returningAll().compile());
  const remember = prepared(db, (db) => rememberOn(db).compile());
  // On Postgres the name goes in with the lookup, a data-modifying CTE the SELECT does not read.
  const findOnPostgres = prepared(db, (db) => db.with('person', (db) => rememberOn(db)).selectFrom('debates').selectAll()
    .where('platform', '=', arg('platform')).where('channel_id', '=', arg('channelId'))
    .where('user_id', '=', arg('userId')).where('status', '=', ACTIVE).compile());

  return {
    async createDebate(d: DebateRecord) {
      return affected(await create.run(debateArgs(d))) ? d : null;
    },
    async openDebate(d: DebateRecord, debater: Actor, now: number) {
      const args = { ...debateArgs(d), ...personArgs(d, debater, now) };
      if (dialect === 'postgres') return affected(await openOnPostgres.run(args)) ? d : null;
      // SQLite has no data-modifying CTEs: the two statements back to back, as the handler ran them.
      await remember.run(args);
      return affected(await create.run(args)) ? d : null;
    },
    async activeDebate(where: ChannelRef, userId: string) {
      const row = (await active.run({ platform: where.platform, channelId: where.channelId, userId })).rows[0];
      return row ? toRecord(row) : null;
    },
    async rememberAndFindDebate(where: ChannelRef, debater: Actor, now: number) {
      const args = { ...personArgs(where, debater, now), channelId: where.channelId };
      if (dialect !== 'postgres') await remember.run(args);
      const row = (await (dialect === 'postgres' ? findOnPostgres : active).run(args)).rows[0];
      return row ? toRecord(row) : null;
    },
    async getDebate(id: string) {
      const row = (await byId.run({ id })).rows[0];
      return row ? toRecord(row) : null;
    },
    async appendDebateTurns(id: string, expectedTurns: number, turns: DebateTurn[], now: number) {
      // The turn count in the WHERE clause makes a concurrent append lose instead of interleave.
      if (turns.length === 0) return affected(await touch.run({ id, expected: expectedTurns, now }));
      const items = JSON.stringify(turns).slice(1, -1);
      return affected(await append.run({ id, expected: expectedTurns, items, added: turns.length, now }));
    },
    async endDebate(id: string, now: number) {
      return affected(await end.run({ id, now }));
    },
    async endActiveDebate(where: ChannelRef, userId: string, now: number) {
      const args = { platform: where.platform, channelId: where.channelId, userId, now };
      if (dialect !== 'postgres') {
        // SQLite's UPDATE … RETURNING cost more than the read and the update by id (0.159 against
        // 0.147 ms here); an update that finds the debate ended meanwhile ends nothing.
        const row = (await active.run(args)).rows[0];
        if (!row || !affected(await end.run({ id: row.id, now }))) return null;
        return { ...toRecord(row), status: 'ended' as const, updatedAt: now };
      }
      const row = (await endActive.run(args)).rows[0];
      return row ? toRecord(row) : null;
    },
  };
}
