import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Tables } from './tables.js';
import type { Exclusive } from '../kysely-store.js';
import type { ChannelRef, Vote } from '../../core/store/records.js';
import type { Side } from '../../core/pack/schema.js';
import {
  RUNNING_CLASS_DEBATE,
  type AddArgumentOutcome, type ClassArgument, type ClassDebateMember, type ClassDebatePatch, type ClassDebateRecord,
  type ClassDebateStatus, type JoinOutcome, type StanceOutcome, type StancePhase,
} from '../../core/store/class-debate-store.js';
import { inserted, num, numOrNull, updated } from './rows.js';

function toRecord(r: Selectable<Tables['class_debates']>): ClassDebateRecord {
  return {
    id: r.id, platform: r.platform as ClassDebateRecord['platform'], serverId: r.server_id, channelId: r.channel_id,
    openerId: r.opener_id, openerName: r.opener_name, motionId: r.motion_id, format: r.format as ClassDebateRecord['format'],
    roundMinutes: num(r.round_minutes), maxPerRound: numOrNull(r.max_per_round), status: r.status as ClassDebateStatus,
    round: num(r.round), roundEndsAt: numOrNull(r.round_ends_at), voteEndsAt: numOrNull(r.vote_ends_at),
    nextDue: numOrNull(r.next_due), expiresAt: num(r.expires_at), createdAt: num(r.created_at),
    begunAt: numOrNull(r.begun_at), closedAt: numOrNull(r.closed_at),
  };
}

function toMember(r: Selectable<Tables['class_debate_members']>): ClassDebateMember {
  return {
    debateId: r.debate_id, userId: r.user_id, userName: r.user_name, side: r.side as Side | null,
    before: r.stance_before as Vote | null, after: r.stance_after as Vote | null, updatedAt: num(r.updated_at),
  };
}

function toArgument(r: Selectable<Tables['class_debate_arguments']>): ClassArgument {
  return {
    id: r.id, debateId: r.debate_id, userId: r.user_id, userName: r.user_name, side: r.side as Side, round: num(r.round),
    text: r.text, point: r.point, status: r.status as ClassArgument['status'], candidates: JSON.parse(r.candidates) as string[],
    createdAt: num(r.created_at),
  };
}

/** Two deliveries of one argument differ at most in case and spacing; its digest is the same. */
function textKey(text: string): string {
  return createHash('sha256').update(text.trim().replace(/\s+/g, ' ').toLowerCase()).digest('base64url');
}

const PATCH_COLUMNS = {
  status: 'status', round: 'round', roundEndsAt: 'round_ends_at', voteEndsAt: 'vote_ends_at', nextDue: 'next_due',
  begunAt: 'begun_at', closedAt: 'closed_at',
} as const satisfies Record<keyof ClassDebatePatch, keyof Tables['class_debates']>;

export function classDebateQueries(db: Kysely<Tables>, exclusive: Exclusive) {
  const lock = (debateId: string) => `class-debate:${debateId}`;
  const member = (d: Kysely<Tables>, debateId: string, userId: string) =>
    d.selectFrom('class_debate_members').selectAll().where('debate_id', '=', debateId).where('user_id', '=', userId).executeTakeFirst();
  const statusOf = async (d: Kysely<Tables>, debateId: string) =>
    (await d.selectFrom('class_debates').select('status').where('id', '=', debateId).executeTakeFirst())?.status as ClassDebateStatus | undefined;

  return {
    async createClassDebate(d: ClassDebateRecord) {
      const res = await db.insertInto('class_debates').values({
        id: d.id, platform: d.platform, server_id: d.serverId, channel_id: d.channelId, opener_id: d.openerId,
        opener_name: d.openerName, motion_id: d.motionId, format: d.format, round_minutes: d.roundMinutes,
        max_per_round: d.maxPerRound, status: d.status, round: d.round, round_ends_at: d.roundEndsAt,
        vote_ends_at: d.voteEndsAt, next_due: d.nextDue, expires_at: d.expiresAt, created_at: d.createdAt,
        begun_at: d.begunAt, closed_at: d.closedAt,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return inserted(res) ? d : null;
    },
    async getClassDebate(id: string) {
      const row = await db.selectFrom('class_debates').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async runningClassDebate(where: ChannelRef) {
      const row = await db.selectFrom('class_debates').selectAll().where('platform', '=', where.platform)
        .where('channel_id', '=', where.channelId).where('status', 'in', RUNNING_CLASS_DEBATE).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async transitionClassDebate(id: string, from: { status: readonly ClassDebateStatus[]; round?: number }, patch: ClassDebatePatch) {
      const set: Record<string, string | number | null> = {};
      for (const [key, column] of Object.entries(PATCH_COLUMNS) as [keyof ClassDebatePatch, string][]) {
        if (patch[key] !== undefined) set[column] = patch[key];
      }
      if (Object.keys(set).length === 0 || from.status.length === 0) return false;
      return exclusive(db, lock(id), async (db) => {
        const res = await db.updateTable('class_debates').set(set as Partial<Tables['class_debates']>).where('id', '=', id).where('status', 'in', from.status)
          .$if(from.round !== undefined, (q) => q.where('round', '=', from.round!))
          .executeTakeFirst();
        return updated(res);
      });
    },
    async dueClassDebates(platform: string, now: number) {
      const rows = await db.selectFrom('class_debates').selectAll().where('platform', '=', platform)
        .where('status', 'in', RUNNING_CLASS_DEBATE).where('next_due', 'is not', null).where('next_due', '<=', now)
        .orderBy('next_due').execute();
      return rows.map(toRecord);
    },
    async nextClassDebateDue(platform: string) {
      const row = await db.selectFrom('class_debates').select((eb) => eb.fn.min('next_due').as('next'))
        .where('platform', '=', platform).where('status', 'in', RUNNING_CLASS_DEBATE).executeTakeFirst();
      return row?.next == null ? null : num(row.next as number);
    },

    async joinClassDebate(debateId: string, user: { id: string; name: string }, side: Side, now: number): Promise<JoinOutcome> {
      return exclusive(db, lock(debateId), async (db) => {
        // A newcomer is added in one statement, only while the debate takes people.
        const added = await db.insertInto('class_debate_members')
          .columns(['debate_id', 'user_id', 'user_name', 'side', 'stance_before', 'stance_after', 'updated_at'])
          .expression(db.selectFrom('class_debates').select((eb) => [
            eb.val(debateId).as('debate_id'), eb.val(user.id).as('user_id'), eb.val(user.name).as('user_name'),
            eb.val(side).as('side'), eb.val(null).as('stance_before'), eb.val(null).as('stance_after'), eb.val(now).as('updated_at'),
          ]).where('id', '=', debateId).where('status', 'in', ['lobby', 'live']))
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (inserted(added)) return { kind: 'joined' };
        const current = await member(db, debateId, user.id);
        if (!current) return { kind: 'not-running' };
        const was = current.side as Side | null;
        if (was === side) {
          const status = await statusOf(db, debateId);
          return status === 'lobby' || status === 'live' ? { kind: 'already', side } : { kind: 'not-running' };
        }
        // Someone without a side may take one while the debate runs; a side changes only before it begins.
        const allowed = was === null ? ['lobby', 'live'] : ['lobby'];
        const res = await db.updateTable('class_debate_members').set({ side, user_name: user.name, updated_at: now })
          .where('debate_id', '=', debateId).where('user_id', '=', user.id)
          .where((eb) => (was === null ? eb('side', 'is', null) : eb('side', '=', was)))
          .where((eb) => eb.exists(eb.selectFrom('class_debates').select('id').where('id', '=', debateId).where('status', 'in', allowed)))
          .executeTakeFirst();
        if (updated(res)) return was === null ? { kind: 'joined' } : { kind: 'switched', from: was };
        const status = await statusOf(db, debateId);
        if (status !== 'lobby' && status !== 'live') return { kind: 'not-running' };
        const sideNow = ((await member(db, debateId, user.id))?.side ?? was) as Side | null;
        return sideNow === side ? { kind: 'already', side } : sideNow ? { kind: 'refused', side: sideNow } : { kind: 'not-running' };
      });
    },
    async castClassStance(debateId: string, user: { id: string; name: string }, phase: StancePhase, vote: Vote, now: number): Promise<StanceOutcome> {
      const column = phase === 'before' ? 'stance_before' : 'stance_after';
      const open = phase === 'before' ? 'lobby' : 'voting';
      return exclusive(db, lock(debateId), async (db) => {
        const previous = await member(db, debateId, user.id);
        if (!previous) {
          const added = await db.insertInto('class_debate_members')
            .columns(['debate_id', 'user_id', 'user_name', 'side', 'stance_before', 'stance_after', 'updated_at'])
            .expression(db.selectFrom('class_debates').select((eb) => [
              eb.val(debateId).as('debate_id'), eb.val(user.id).as('user_id'), eb.val(user.name).as('user_name'), eb.val(null).as('side'),
              eb.val(phase === 'before' ? vote : null).as('stance_before'), eb.val(phase === 'after' ? vote : null).as('stance_after'),
              eb.val(now).as('updated_at'),
            ]).where('id', '=', debateId).where('status', '=', open))
            .onConflict((oc) => oc.doNothing())
            .executeTakeFirst();
          if (inserted(added)) return { taken: true, previous: null };
        }
        // Either a member already, or a twin request inserted the row first: change the vote in place.
        const before = previous ?? (await member(db, debateId, user.id));
        const res = await db.updateTable('class_debate_members').set({ [column]: vote, user_name: user.name, updated_at: now })
          .where('debate_id', '=', debateId).where('user_id', '=', user.id)
          .where((eb) => eb.exists(eb.selectFrom('class_debates').select('id').where('id', '=', debateId).where('status', '=', open)))
          .executeTakeFirst();
        return updated(res) ? { taken: true, previous: (before?.[column] as Vote | null | undefined) ?? null } : { taken: false };
      });
    },
    async classDebateMember(debateId: string, userId: string) {
      const row = await member(db, debateId, userId);
      return row ? toMember(row) : null;
    },
    async classDebateMembers(debateId: string) {
      const rows = await db.selectFrom('class_debate_members').selectAll().where('debate_id', '=', debateId)
        .orderBy('updated_at').orderBy('user_id').execute();
      return rows.map(toMember);
    },

    async addClassArgument(a: ClassArgument, maxPerRound: number | null): Promise<AddArgumentOutcome> {
      const key = textKey(a.text);
      return exclusive(db, lock(a.debateId), async (db) => {
        // The debate's state, the cap and the insert are one statement: nothing comes between check and write.
        const res = await db.insertInto('class_debate_arguments')
          .columns(['id', 'debate_id', 'user_id', 'user_name', 'side', 'round', 'text', 'text_key', 'point', 'status', 'candidates', 'created_at'])
          .expression(db.selectFrom('class_debates').select((eb) => [
            eb.val(a.id).as('id'), eb.val(a.debateId).as('debate_id'), eb.val(a.userId).as('user_id'), eb.val(a.userName).as('user_name'),
            eb.val(a.side).as('side'), eb.val(a.round).as('round'), eb.val(a.text).as('text'), eb.val(key).as('text_key'),
            eb.val(a.point).as('point'), eb.val(a.status).as('status'), eb.val(JSON.stringify(a.candidates)).as('candidates'),
            eb.val(a.createdAt).as('created_at'),
          ]).where('id', '=', a.debateId).where('status', '=', 'live').where('round', '=', a.round)
            .$if(maxPerRound !== null, (q) => q.where((eb) => eb(
              eb.selectFrom('class_debate_arguments').select(eb.fn.countAll().as('n'))
                .where('debate_id', '=', a.debateId).where('user_id', '=', a.userId).where('round', '=', a.round),
              '<',
              maxPerRound!,
            ))))
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (inserted(res)) return 'added';
        const twin = await db.selectFrom('class_debate_arguments').select('id').where('debate_id', '=', a.debateId)
          .where('user_id', '=', a.userId).where('round', '=', a.round).where('text_key', '=', key).executeTakeFirst();
        if (twin) return 'duplicate';
        const debate = await db.selectFrom('class_debates').select(['status', 'round']).where('id', '=', a.debateId).executeTakeFirst();
        return debate?.status === 'live' && num(debate.round) === a.round ? 'over-cap' : 'not-live';
      });
    },
    async getClassArgument(id: string) {
      const row = await db.selectFrom('class_debate_arguments').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toArgument(row) : null;
    },
    async resolveClassArgument(id: string, point: string | null) {
      const res = await db.updateTable('class_debate_arguments').set({ point, status: 'posted' })
        .where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
      return updated(res);
    },
    async classArguments(debateId: string) {
      const rows = await db.selectFrom('class_debate_arguments').selectAll().where('debate_id', '=', debateId)
        .orderBy('created_at').orderBy('id').execute();
      return rows.map(toArgument);
    },

    async claimClassAnnouncement(debateId: string, round: number, kind: string, now: number) {
      const res = await db.insertInto('class_debate_announcements').values({ debate_id: debateId, round, kind, claimed_at: now })
        .onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return inserted(res);
    },

    async classDebateOpenToAll(platform: string, serverId: string) {
      const row = await db.selectFrom('class_debate_access').select('open_to_all').where('platform', '=', platform)
        .where('server_id', '=', serverId).executeTakeFirst();
      return row ? num(row.open_to_all) === 1 : false;
    },
    async setClassDebateOpenToAll(platform: string, serverId: string, openToAll: boolean, by: string, now: number) {
      const value = openToAll ? 1 : 0;
      await db.insertInto('class_debate_access').values({ platform, server_id: serverId, open_to_all: value, updated_by: by, updated_at: now })
        .onConflict((oc) => oc.columns(['platform', 'server_id']).doUpdateSet({ open_to_all: value, updated_by: by, updated_at: now }))
        .execute();
    },
  };
}
