import { sql, type Kysely, type Selectable } from 'kysely';
import type { Tables } from './tables.js';
import type { ChannelRef, DebateRecord, DebateTurn } from '../../core/store/records.js';
import { affected, num } from './rows.js';
import { arg, prepared } from './prepared.js';

type Row = Selectable<Tables['debates']>;

export function toRecord(r: Row): DebateRecord {
  return {
    id: r.id, platform: r.platform as DebateRecord['platform'], serverId: r.server_id, channelId: r.channel_id,
    userId: r.user_id, motionId: r.motion_id, botSide: r.bot_side as DebateRecord['botSide'],
    status: r.status as DebateRecord['status'], turns: JSON.parse(r.turns) as DebateTurn[],
    createdAt: num(r.created_at), updatedAt: num(r.updated_at),
  };
}

export function debateQueries(db: Kysely<Tables>) {
  const create = prepared(db, (db) => db.insertInto('debates').values({
    id: arg('id'), platform: arg('platform'), server_id: arg('serverId'), channel_id: arg('channelId'), user_id: arg('userId'),
    motion_id: arg('motionId'), bot_side: arg('botSide'), status: arg('status'), turns: arg('turns'),
    turn_count: arg<number>('turnCount'), created_at: arg<number>('createdAt'), updated_at: arg<number>('updatedAt'),
  }).onConflict((oc) => oc.doNothing()).compile());
  const active = prepared(db, (db) => db.selectFrom('debates').selectAll()
    .where('platform', '=', arg('platform')).where('channel_id', '=', arg('channelId'))
    .where('user_id', '=', arg('userId')).where('status', '=', 'active').compile());
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

  return {
    async createDebate(d: DebateRecord) {
      const res = await create.run({
        id: d.id, platform: d.platform, serverId: d.serverId, channelId: d.channelId, userId: d.userId,
        motionId: d.motionId, botSide: d.botSide, status: d.status, turns: JSON.stringify(d.turns),
        turnCount: d.turns.length, createdAt: d.createdAt, updatedAt: d.updatedAt,
      });
      return affected(res) ? d : null;
    },
    async activeDebate(where: ChannelRef, userId: string) {
      const row = (await active.run({ platform: where.platform, channelId: where.channelId, userId })).rows[0];
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
  };
}
