import { describe, expect, it } from 'vitest';
import type { Platform } from '../../src/core/context.js';
import type { Store } from '../../src/core/store/store.js';
import type { ChannelRef } from '../../src/core/store/records.js';
import type { ClassArgument, ClassDebateRecord } from '../../src/core/store/class-debate-store.js';
import { DAY, T0, channel as freshChannel, ownPlatform, unique } from './contract-helpers.js';

/**
 * The class-debate part of the Store contract (tests/store/contract.test.ts runs it on every
 * backend). Like the rest of the contract, every test writes under fresh ids and channels.
 */


const channel = (platform: Platform = 'slack'): ChannelRef => freshChannel(platform);

function classDebate(where: ChannelRef, patch: Partial<ClassDebateRecord> = {}): ClassDebateRecord {
  return {
    id: unique('cd'), ...where, openerId: 'teacher', openerName: 'Ms Teacher', motionId: 'de-facto-member', format: 'rounds',
    roundMinutes: 3, maxPerRound: null, status: 'lobby', round: -1, roundEndsAt: null, voteEndsAt: null,
    nextDue: T0 + DAY, expiresAt: T0 + DAY, createdAt: T0, begunAt: null, closedAt: null, ...patch,
  };
}

function argument(debateId: string, userId: string, patch: Partial<ClassArgument> = {}): ClassArgument {
  return {
    id: unique('arg'), debateId, userId, userName: userId.toUpperCase(), side: 'for', round: 0,
    text: `an argument from ${userId}`, point: 'dfm-for-integration', status: 'posted', candidates: [], createdAt: T0, ...patch,
  };
}

const alice = { id: 'alice', name: 'Alice' };
const bob = { id: 'bob', name: 'Bob' };

export function classDebateContract(store: () => Store): void {
  const live = async (patch: Partial<ClassDebateRecord> = {}) => {
    const d = classDebate(channel(), { status: 'live', round: 0, begunAt: T0, ...patch });
    await store().createClassDebate(d);
    return d;
  };

  describe('class debates', () => {
    it('creates a debate and reads it back by id and as the channel’s running one', async () => {
      const where = channel();
      const d = classDebate(where, { maxPerRound: 2 });
      expect(await store().createClassDebate(d)).toEqual(d);
      expect(await store().getClassDebate(d.id)).toEqual(d);
      expect(await store().runningClassDebate(where)).toEqual(d);
      expect(await store().runningClassDebate({ ...where, channelId: unique('chan') })).toBeNull();
      expect(await store().getClassDebate(unique('nope'))).toBeNull();
    });

    it('holds one running debate per channel, and a new one once the last has closed', async () => {
      const where = channel();
      const results = await Promise.all([store().createClassDebate(classDebate(where)), store().createClassDebate(classDebate(where))]);
      const first = results.find((r) => r !== null)!;
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await store().createClassDebate(classDebate({ ...where, channelId: unique('chan') }))).not.toBeNull();
      expect(await store().transitionClassDebate(first.id, { status: ['lobby', 'live', 'voting'] }, { status: 'closed', closedAt: T0 + 1 })).toBe(true);
      expect(await store().runningClassDebate(where)).toBeNull();
      expect(await store().createClassDebate(classDebate(where))).not.toBeNull();
    });

    it('moves a debate only from the status and round it expects, once', async () => {
      const d = classDebate(channel());
      await store().createClassDebate(d);
      const begin = () => store().transitionClassDebate(d.id, { status: ['lobby'] }, { status: 'live', round: 0, roundEndsAt: T0 + 180_000, nextDue: T0 + 120_000, begunAt: T0 });
      expect((await Promise.all([begin(), begin()])).filter(Boolean)).toHaveLength(1);
      expect(await store().getClassDebate(d.id)).toMatchObject({ status: 'live', round: 0, roundEndsAt: T0 + 180_000, nextDue: T0 + 120_000, begunAt: T0 });
      // Advancing from round 0 wins once; a second process still at round 0 loses.
      const advance = () => store().transitionClassDebate(d.id, { status: ['live'], round: 0 }, { round: 1, roundEndsAt: T0 + 360_000, nextDue: T0 + 300_000 });
      expect((await Promise.all([advance(), advance()])).filter(Boolean)).toHaveLength(1);
      expect((await store().getClassDebate(d.id))?.round).toBe(1);
      expect(await store().transitionClassDebate(d.id, { status: ['lobby'] }, { status: 'cancelled' })).toBe(false);
      expect(await store().transitionClassDebate(d.id, { status: ['live'] }, { roundEndsAt: null, nextDue: null })).toBe(true);
      expect(await store().getClassDebate(d.id)).toMatchObject({ roundEndsAt: null, nextDue: null });
      expect(await store().transitionClassDebate(unique('nope'), { status: ['live'] }, { status: 'closed' })).toBe(false);
    });

    it('lists running debates whose next event is due, and when the next one is', async () => {
      const platform = ownPlatform();
      const soon = classDebate(channel(platform), { nextDue: T0 + 1000 });
      const later = classDebate(channel(platform), { nextDue: T0 + 5000 });
      const closed = classDebate(channel(platform), { nextDue: T0, status: 'closed' });
      for (const d of [soon, later, closed]) await store().createClassDebate(d);
      expect(await store().nextClassDebateDue(platform)).toBe(T0 + 1000);
      expect((await store().dueClassDebates(platform, T0 + 1000)).map((d) => d.id)).toEqual([soon.id]);
      expect((await store().dueClassDebates(platform, T0 + 9000)).map((d) => d.id)).toEqual([soon.id, later.id]);
      expect(await store().nextClassDebateDue(ownPlatform())).toBeNull();
    });

    it('puts a person on one side; switching only before the debate begins', async () => {
      const d = classDebate(channel());
      await store().createClassDebate(d);
      expect(await store().joinClassDebate(d.id, alice, 'for', T0)).toEqual({ kind: 'joined' });
      expect(await store().joinClassDebate(d.id, alice, 'for', T0)).toEqual({ kind: 'already', side: 'for' });
      expect(await store().joinClassDebate(d.id, alice, 'against', T0)).toEqual({ kind: 'switched', from: 'for' });
      await store().transitionClassDebate(d.id, { status: ['lobby'] }, { status: 'live', round: 0 });
      expect(await store().joinClassDebate(d.id, alice, 'for', T0)).toEqual({ kind: 'refused', side: 'against' });
      expect(await store().joinClassDebate(d.id, bob, 'for', T0)).toEqual({ kind: 'joined' });
      const members = await store().classDebateMembers(d.id);
      expect(members.map((m) => [m.userId, m.side])).toEqual([['alice', 'against'], ['bob', 'for']]);
      await store().transitionClassDebate(d.id, { status: ['live'] }, { status: 'closed' });
      expect(await store().joinClassDebate(d.id, { id: 'carol', name: 'Carol' }, 'for', T0)).toEqual({ kind: 'not-running' });
      expect(await store().joinClassDebate(unique('nope'), alice, 'for', T0)).toEqual({ kind: 'not-running' });
    });

    it('gives a voter without a side one once the debate is live, and keeps their vote', async () => {
      const d = classDebate(channel());
      await store().createClassDebate(d);
      await store().castClassStance(d.id, alice, 'before', 'unsure', T0);
      await store().transitionClassDebate(d.id, { status: ['lobby'] }, { status: 'live', round: 0 });
      expect(await store().joinClassDebate(d.id, alice, 'against', T0)).toEqual({ kind: 'joined' });
      expect(await store().classDebateMember(d.id, 'alice')).toMatchObject({ side: 'against', before: 'unsure', after: null });
    });

    it('counts one join of the same person arriving many times at once', async () => {
      const d = classDebate(channel());
      await store().createClassDebate(d);
      const results = await Promise.all(Array.from({ length: 6 }, () => store().joinClassDebate(d.id, alice, 'for', T0)));
      expect(results.filter((r) => r.kind === 'joined')).toHaveLength(1);
      expect(results.filter((r) => r.kind === 'already')).toHaveLength(5);
      expect(await store().classDebateMembers(d.id)).toHaveLength(1);
    });

    it('takes the opening vote only in the lobby and the closing vote only while voting, changeable meanwhile', async () => {
      const d = classDebate(channel());
      await store().createClassDebate(d);
      expect(await store().castClassStance(d.id, alice, 'before', 'agree', T0)).toEqual({ taken: true, previous: null });
      expect(await store().castClassStance(d.id, alice, 'before', 'disagree', T0)).toEqual({ taken: true, previous: 'agree' });
      expect(await store().castClassStance(d.id, alice, 'after', 'agree', T0)).toEqual({ taken: false });
      await store().transitionClassDebate(d.id, { status: ['lobby'] }, { status: 'live', round: 0 });
      expect(await store().castClassStance(d.id, alice, 'before', 'agree', T0)).toEqual({ taken: false });
      expect(await store().castClassStance(d.id, bob, 'before', 'agree', T0)).toEqual({ taken: false });
      await store().transitionClassDebate(d.id, { status: ['live'] }, { status: 'voting' });
      expect(await store().castClassStance(d.id, alice, 'after', 'agree', T0)).toEqual({ taken: true, previous: null });
      expect(await store().castClassStance(d.id, bob, 'after', 'unsure', T0)).toEqual({ taken: true, previous: null });
      const votes = await Promise.all(Array.from({ length: 5 }, () => store().castClassStance(d.id, { id: 'carol', name: 'Carol' }, 'after', 'agree', T0)));
      expect(votes.every((v) => v.taken)).toBe(true);
      const members = await store().classDebateMembers(d.id);
      expect(members.map((m) => [m.userId, m.before, m.after])).toEqual([['alice', 'disagree', 'agree'], ['bob', null, 'unsure'], ['carol', null, 'agree']]);
    });

    it('records an argument once, only while live on its round', async () => {
      const d = await live();
      const a = argument(d.id, 'alice');
      expect(await store().addClassArgument(a, null)).toBe('added');
      // The same words again (a repeated delivery, in other spacing) are the same argument.
      expect(await store().addClassArgument({ ...a, id: unique('arg'), text: `  AN argument   from alice ` }, null)).toBe('duplicate');
      expect(await store().addClassArgument(argument(d.id, 'alice', { round: 1 }), null)).toBe('not-live');
      expect(await store().getClassArgument(a.id)).toEqual(a);
      await store().transitionClassDebate(d.id, { status: ['live'] }, { status: 'voting' });
      expect(await store().addClassArgument(argument(d.id, 'bob'), null)).toBe('not-live');
      expect((await store().classArguments(d.id)).map((x) => x.id)).toEqual([a.id]);
    });

    it('keeps to the cap per person per round, even when arguments arrive at once', async () => {
      const d = await live();
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => store().addClassArgument(argument(d.id, 'alice', { text: `point number ${i}`, createdAt: T0 + i }), 2)));
      expect(results.filter((r) => r === 'added')).toHaveLength(2);
      expect(results.filter((r) => r === 'over-cap')).toHaveLength(4);
      expect(await store().addClassArgument(argument(d.id, 'bob'), 2)).toBe('added');
      await store().transitionClassDebate(d.id, { status: ['live'], round: 0 }, { round: 1 });
      expect(await store().addClassArgument(argument(d.id, 'alice', { round: 1, text: 'a new round' }), 2)).toBe('added');
      const args = await store().classArguments(d.id);
      expect(args.filter((x) => x.userId === 'alice')).toHaveLength(3);
    });

    it('posts a pending argument once with the point its speaker picked', async () => {
      const d = await live();
      const a = argument(d.id, 'alice', { status: 'pending', point: null, candidates: ['dfm-for-integration', 'dfm-for-weapons'] });
      await store().addClassArgument(a, null);
      expect(await store().getClassArgument(a.id)).toMatchObject({ status: 'pending', candidates: ['dfm-for-integration', 'dfm-for-weapons'] });
      const picks = await Promise.all([store().resolveClassArgument(a.id, 'dfm-for-weapons'), store().resolveClassArgument(a.id, null)]);
      expect(picks.filter(Boolean)).toHaveLength(1);
      expect((await store().getClassArgument(a.id))?.status).toBe('posted');
      expect(await store().resolveClassArgument(a.id, null)).toBe(false);
    });

    it('claims each announcement once per (debate, round, kind)', async () => {
      const id = unique('cd');
      const claims = await Promise.all(Array.from({ length: 5 }, () => store().claimClassAnnouncement(id, 0, 'warning', T0)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store().claimClassAnnouncement(id, 0, 'time', T0)).toBe(true);
      expect(await store().claimClassAnnouncement(id, 1, 'warning', T0)).toBe(true);
      expect(await store().claimClassAnnouncement(id, 1, 'warning', T0)).toBe(false);
    });

    it('keeps whether a server lets anyone open a class debate', async () => {
      const where = channel();
      expect(await store().classDebateOpenToAll(where.platform, where.serverId)).toBe(false);
      await store().setClassDebateOpenToAll(where.platform, where.serverId, true, 'admin', T0);
      expect(await store().classDebateOpenToAll(where.platform, where.serverId)).toBe(true);
      await store().setClassDebateOpenToAll(where.platform, where.serverId, false, 'admin', T0 + 1);
      expect(await store().classDebateOpenToAll(where.platform, where.serverId)).toBe(false);
      expect(await store().classDebateOpenToAll(where.platform, unique('srv'))).toBe(false);
    });
  });
}
