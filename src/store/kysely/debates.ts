import type { Kysely, Selectable } from 'kysely';
import type { Tables } from './tables.js';
import type { ChannelRef, DebateRecord, DebateTurn } from '../../core/store/records.js';
import { inserted, num, updated } from './rows.js';

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
  return {
    async createDebate(d: DebateRecord) {
      const res = await db.insertInto('debates').values({
        id: d.id, platform: d.platform, server_id: d.serverId, channel_id: d.channelId, user_id: d.userId,
        motion_id: d.motionId, bot_side: d.botSide, status: d.status, turns: JSON.stringify(d.turns),
        turn_count: d.turns.length, created_at: d.createdAt, updated_at: d.updatedAt,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return inserted(res) ? d : null;
    },
    async activeDebate(where: ChannelRef, userId: string) {
      const row = await db.selectFrom('debates').selectAll()
        .where('platform', '=', where.platform).where('channel_id', '=', where.channelId)
        .where('user_id', '=', userId).where('status', '=', 'active').executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async getDebate(id: string) {
      const row = await db.selectFrom('debates').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async appendDebateTurns(id: string, expectedTurns: number, turns: DebateTurn[], now: number) {
      return db.transaction().execute(async (tx) => {
        const row = await tx.selectFrom('debates').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row || row.status !== 'active' || num(row.turn_count) !== expectedTurns) return false;
        const all = [...(JSON.parse(row.turns) as DebateTurn[]), ...turns];
        // The turn count in the WHERE clause makes a concurrent append lose instead of interleave.
        const res = await tx.updateTable('debates')
          .set({ turns: JSON.stringify(all), turn_count: all.length, updated_at: now })
          .where('id', '=', id).where('turn_count', '=', expectedTurns).where('status', '=', 'active')
          .executeTakeFirst();
        return updated(res);
      });
    },
    async endDebate(id: string, now: number) {
      const res = await db.updateTable('debates').set({ status: 'ended', updated_at: now })
        .where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
      return updated(res);
    },
  };
}
