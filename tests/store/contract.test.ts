import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/core/context.js';
import type { Store } from '../../src/core/store/store.js';
import type { ChannelRef, DebateRecord, LeaderboardQuery, PromptPostRecord, QuizAnswer, QuizRecord, SeasonRecord } from '../../src/core/store/records.js';
import type { ScheduleRecord } from '../../src/core/store/schedule-store.js';
import { clickOutcome, type QuizClick } from '../../src/core/store/quiz-click.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { tempDbPath } from '../support/core.js';
import { until } from '../support/until.js';
import { describePostgres, freshDatabase } from '../support/postgres.js';
import { classDebateContract } from './class-debate-contract.js';
import { DAY, T0, channel as freshChannel, ownPlatform, unique } from './contract-helpers.js';

/**
 * The contract every Store backend passes. It makes no assumption about an empty database: every
 * test writes under fresh ids, servers and channels, and the queries that span a whole platform
 * (due quizzes and schedules) run on a platform name of their own. So a backend may share one
 * database between the tests, as a Postgres run does.
 */



const channel = (platform: Platform = 'discord'): ChannelRef => freshChannel(platform);

function debate(where: ChannelRef, userId: string, patch: Partial<DebateRecord> = {}): DebateRecord {
  return {
    id: unique('deb'), ...where, userId, motionId: 'de-facto-member', botSide: 'for', status: 'active',
    turns: [{ by: 'bot', kind: 'argue', point: 'dfm-for-integration' }], createdAt: T0, updatedAt: T0, ...patch,
  };
}

function quiz(where: ChannelRef, patch: Partial<QuizRecord> = {}): QuizRecord {
  return {
    id: unique('quiz'), ...where, starterId: 'alice', mode: 'channel', status: 'active', current: 0, createdAt: T0,
    questions: [{ id: 'q-one', order: [2, 0, 3, 1] }, { id: 'q-two', order: [0, 1, 2, 3] }, { id: 'q-three', order: [3, 2, 1, 0] }],
    deadline: T0 + 20_000, seconds: null, reveal: 'each', ...patch,
  };
}

const QUESTION_IDS = ['q-one', 'q-two', 'q-three'];

function answer(quizId: string, userId: string, patch: Partial<QuizAnswer> = {}): QuizAnswer {
  const question = patch.question ?? 0;
  return {
    quizId, question, questionId: QUESTION_IDS[question] ?? `q-${question}`, userId, userName: userId.toUpperCase(),
    option: 1, correct: true, answeredAt: T0, ...patch,
  };
}

/** Each schedule made here gets a cron of its own, so that only tests about twins make twins. */
let cronCount = 0;
const nextCron = () => `${cronCount % 60} ${6 + (Math.floor(cronCount++ / 60) % 12)} * * 1-5`;

function schedule(where: ChannelRef, patch: Partial<ScheduleRecord> = {}): ScheduleRecord {
  return {
    id: unique('sch'), ...where, cron: nextCron(), label: 'weekdays at 09:00', timeZone: 'Europe/Kyiv', createdBy: 'admin',
    paused: false, pauseReason: null, nextRun: T0 + DAY, createdAt: T0, closeAfterMinutes: null, ...patch,
  };
}

function post(where: ChannelRef, patch: Partial<PromptPostRecord> = {}): PromptPostRecord {
  return {
    id: unique('post'), ...where, promptId: 'p-one', scheduleId: null, slot: null, messageId: null, createdAt: T0,
    closesAt: null, closedAt: null, ...patch,
  };
}

const LIMIT = 3;
const CREATES = 12;

/**
 * Fires CREATES creates at once at each of two channels whose limit is LIMIT, spread over `stores`:
 * exactly LIMIT land in each, and every other create is refused rather than failing.
 */
async function expectLimitHolds(stores: Store[]): Promise<void> {
  const where = channel();
  const channels = [where, { ...where, channelId: unique('chan') }];
  const results = await Promise.all(channels.flatMap((c) => Array.from({ length: CREATES }, (_, i) => stores[i % stores.length]!.createSchedule(schedule(c), LIMIT))));
  for (const c of channels) expect(results.filter((r) => r?.channelId === c.channelId)).toHaveLength(LIMIT);
  expect(results.filter((r) => r === null)).toHaveLength(channels.length * (CREATES - LIMIT));
  expect(await stores[0]!.listSchedules(where.platform, where.serverId)).toHaveLength(channels.length * LIMIT);
}

export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('claimRequest', () => {
      it('claims a key once; a repeat is refused, another key is not', async () => {
        const key = unique('req');
        expect(await store.claimRequest(key, T0)).toBe(true);
        expect(await store.claimRequest(key, T0 + 1000)).toBe(false);
        expect(await store.claimRequest(`${key}-other`, T0)).toBe(true);
      });

      it('forgets a claim after a day, when no platform can deliver that request again', async () => {
        const key = unique('req');
        const DAY = 24 * 60 * 60_000;
        expect(await store.claimRequest(key, T0)).toBe(true);
        expect(await store.claimRequest(key, T0 + DAY - 1000)).toBe(false);
        // Another request a day later clears out the old claims, and the first key is free again.
        expect(await store.claimRequest(unique('req'), T0 + DAY + 60 * 60_000)).toBe(true);
        expect(await store.claimRequest(key, T0 + DAY + 60 * 60_000)).toBe(true);
      });

      it('lets one of many simultaneous claims win', async () => {
        const key = unique('req');
        const results = await Promise.all(Array.from({ length: 8 }, () => store.claimRequest(key, T0)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('answers claims made together one by one: each new key won once, a repeat and a key already claimed lost', async () => {
        const [taken, a, b] = [unique('req'), unique('req'), unique('req')];
        expect(await store.claimRequest(taken, T0)).toBe(true);
        const results = await Promise.all([a, taken, b, a, b].map((key) => store.claimRequest(key, T0)));
        expect(results).toEqual([true, false, true, false, false]);
      });

      it('keeps the time of each claim made together', async () => {
        const [early, late] = [unique('req'), unique('req')];
        const DAY = 24 * 60 * 60_000;
        expect(await Promise.all([store.claimRequest(early, T0), store.claimRequest(late, T0 + DAY)])).toEqual([true, true]);
        // A day and an hour after the first: only the early claim is old enough to be forgotten.
        expect(await store.claimRequest(unique('req'), T0 + DAY + 61 * 60_000)).toBe(true);
        expect(await store.claimRequest(early, T0 + DAY + 61 * 60_000)).toBe(true);
        expect(await store.claimRequest(late, T0 + DAY + 61 * 60_000)).toBe(false);
      });
    });

    describe('debates', () => {
      it('creates a debate and reads it back by id and as the active one', async () => {
        const where = channel();
        const d = debate(where, 'alice', {
          turns: [
            { by: 'bot', kind: 'argue', point: 'dfm-for-integration' },
            { by: 'user', kind: 'argue', point: 'dfm-against-article5' },
            { by: 'bot', kind: 'rebut', point: 'dfm-for-no-ceremony', answers: 'dfm-against-article5' },
          ],
        });
        expect(await store.createDebate(d)).toEqual(d);
        expect(await store.getDebate(d.id)).toEqual(d);
        expect(await store.activeDebate(where, 'alice')).toEqual(d);
      });

      it('finds nothing for an unknown id, another user or another channel', async () => {
        const where = channel();
        await store.createDebate(debate(where, 'alice'));
        expect(await store.getDebate(unique('nope'))).toBeNull();
        expect(await store.activeDebate(where, 'bob')).toBeNull();
        expect(await store.activeDebate({ ...where, channelId: unique('chan') }, 'alice')).toBeNull();
      });

      it('allows one active debate per person per channel', async () => {
        const where = channel();
        const first = debate(where, 'alice');
        expect(await store.createDebate(first)).not.toBeNull();
        expect(await store.createDebate(debate(where, 'alice'))).toBeNull();
        expect((await store.activeDebate(where, 'alice'))?.id).toBe(first.id);
        // Someone else in the channel, or the same person elsewhere, may debate at the same time.
        expect(await store.createDebate(debate(where, 'bob'))).not.toBeNull();
        expect(await store.createDebate(debate({ ...where, channelId: unique('chan') }, 'alice'))).not.toBeNull();
      });

      it('lets one of two simultaneous starts win', async () => {
        const where = channel();
        const results = await Promise.all([store.createDebate(debate(where, 'alice')), store.createDebate(debate(where, 'alice'))]);
        expect(results.filter((r) => r !== null)).toHaveLength(1);
      });

      it('allows a new debate once the last one ended', async () => {
        const where = channel();
        const first = debate(where, 'alice');
        await store.createDebate(first);
        expect(await store.endDebate(first.id, T0 + 5000)).toBe(true);
        expect(await store.activeDebate(where, 'alice')).toBeNull();
        const second = debate(where, 'alice');
        expect(await store.createDebate(second)).not.toBeNull();
        expect((await store.activeDebate(where, 'alice'))?.id).toBe(second.id);
        expect((await store.getDebate(first.id))).toMatchObject({ status: 'ended', updatedAt: T0 + 5000 });
      });

      it('appends turns only at the expected turn count', async () => {
        const d = debate(channel(), 'alice');
        await store.createDebate(d);
        const turn = { by: 'user' as const, kind: 'unplaced' as const, point: null };
        expect(await store.appendDebateTurns(d.id, 1, [turn], T0 + 1000)).toBe(true);
        // A writer that read the debate before that append is one turn behind: it loses.
        expect(await store.appendDebateTurns(d.id, 1, [turn], T0 + 2000)).toBe(false);
        const read = await store.getDebate(d.id);
        expect(read?.turns).toEqual([...d.turns, turn]);
        expect(read?.updatedAt).toBe(T0 + 1000);
        const more = [
          { by: 'user' as const, kind: 'argue' as const, point: 'dfm-against-no-seat' },
          { by: 'bot' as const, kind: 'concede' as const, point: null, answers: 'dfm-against-no-seat' },
        ];
        expect(await store.appendDebateTurns(d.id, 2, more, T0 + 3000)).toBe(true);
        expect((await store.getDebate(d.id))?.turns).toEqual([...d.turns, turn, ...more]);
      });

      it('lets one of two simultaneous appends win', async () => {
        const d = debate(channel(), 'alice');
        await store.createDebate(d);
        const turn = { by: 'user' as const, kind: 'unplaced' as const, point: null };
        const results = await Promise.all([
          store.appendDebateTurns(d.id, 1, [turn], T0), store.appendDebateTurns(d.id, 1, [turn], T0),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect((await store.getDebate(d.id))?.turns).toHaveLength(2);
      });

      it('appends nothing to an ended or unknown debate', async () => {
        const d = debate(channel(), 'alice');
        await store.createDebate(d);
        await store.endDebate(d.id, T0);
        expect(await store.appendDebateTurns(d.id, 1, [{ by: 'user', kind: 'unplaced', point: null }], T0)).toBe(false);
        expect((await store.getDebate(d.id))?.turns).toEqual(d.turns);
        expect(await store.appendDebateTurns(unique('nope'), 0, [], T0)).toBe(false);
      });

      it('ends a debate once', async () => {
        const d = debate(channel(), 'alice');
        await store.createDebate(d);
        expect(await store.endDebate(d.id, T0)).toBe(true);
        expect(await store.endDebate(d.id, T0)).toBe(false);
        expect(await store.endDebate(unique('nope'), T0)).toBe(false);
      });

      it('opens a debate with the debater’s name, once per person per channel; the name is kept either way', async () => {
        const where = channel();
        const first = debate(where, 'alice');
        expect(await store.openDebate(first, { id: 'alice', name: 'Alice' }, T0)).toEqual(first);
        expect(await store.activeDebate(where, 'alice')).toEqual(first);
        expect(await store.openDebate(debate(where, 'alice'), { id: 'alice', name: 'Alice K.' }, T0 + 1)).toBeNull();
        expect((await store.activeDebate(where, 'alice'))?.id).toBe(first.id);
        expect((await store.exportDebates({ serverId: where.serverId })).map((r) => r.userName)).toEqual(['Alice K.']);
        const results = await Promise.all([store.openDebate(debate(where, 'bob'), { id: 'bob', name: 'Bob' }, T0), store.openDebate(debate(where, 'bob'), { id: 'bob', name: 'Bob' }, T0)]);
        expect(results.filter((r) => r !== null)).toHaveLength(1);
      });

      it('remembers a debater and finds their active debate in one call, the name kept with no debate too', async () => {
        const where = channel();
        expect(await store.rememberAndFindDebate(where, { id: 'alice', name: 'Alice' }, T0)).toBeNull();
        const d = debate(where, 'alice');
        await store.createDebate(d);
        expect(await store.rememberAndFindDebate({ ...where, channelId: unique('chan') }, { id: 'alice', name: 'Alice B.' }, T0 + 1)).toBeNull();
        expect(await store.exportDebates({ serverId: where.serverId })).toEqual([{ ...d, userName: 'Alice B.' }]);
        expect(await store.rememberAndFindDebate(where, { id: 'alice', name: 'Alice C.' }, T0 + 2)).toEqual(d);
        expect((await store.exportDebates({ serverId: where.serverId })).map((r) => r.userName)).toEqual(['Alice C.']);
      });

      it('ends a person’s active debate in a channel once, and hands it back as ended', async () => {
        const where = channel();
        const d = debate(where, 'alice');
        await store.createDebate(d);
        await store.createDebate(debate(where, 'bob'));
        expect(await store.endActiveDebate({ ...where, channelId: unique('chan') }, 'alice', T0 + 5)).toBeNull();
        const [a, b] = await Promise.all([store.endActiveDebate(where, 'alice', T0 + 5), store.endActiveDebate(where, 'alice', T0 + 6)]);
        expect([a, b].filter((r) => r !== null)).toHaveLength(1);
        expect(a ?? b).toEqual({ ...d, status: 'ended', updatedAt: (a ? T0 + 5 : T0 + 6) });
        expect(await store.activeDebate(where, 'alice')).toBeNull();
        expect(await store.activeDebate(where, 'bob')).not.toBeNull();
        expect(await store.endDebate(d.id, T0 + 7)).toBe(false);
      });
    });

    describe('quizzes', () => {
      it('creates a quiz and reads it back by id and as the channel’s active one', async () => {
        const where = channel();
        const q = quiz(where);
        expect(await store.createQuiz(q)).toEqual(q);
        expect(await store.getQuiz(q.id)).toEqual(q);
        expect(await store.activeChannelQuiz(where)).toEqual(q);
        expect(await store.activeChannelQuiz({ ...where, channelId: unique('chan') })).toBeNull();
        expect(await store.activeSoloQuiz(where, 'alice')).toBeNull();
        expect(await store.getQuiz(unique('nope'))).toBeNull();
      });

      it('keeps a solo quiz’s missing deadline, and a channel quiz’s seconds and reveal', async () => {
        const q = quiz(channel(), { mode: 'solo', deadline: null });
        await store.createQuiz(q);
        expect(await store.getQuiz(q.id)).toEqual(q);
        const c = quiz(channel(), { seconds: 45, reveal: 'end' });
        await store.createQuiz(c);
        expect(await store.getQuiz(c.id)).toEqual(c);
      });

      it('allows one channel quiz per channel, and a new one once it stopped', async () => {
        const where = channel();
        const first = quiz(where);
        expect(await store.createQuiz(first)).not.toBeNull();
        expect(await store.createQuiz(quiz(where, { starterId: 'bob' }))).toBeNull();
        expect(await store.createQuiz(quiz({ ...where, channelId: unique('chan') }))).not.toBeNull();
        expect(await store.stopQuiz(first.id)).toBe(true);
        expect(await store.activeChannelQuiz(where)).toBeNull();
        expect(await store.createQuiz(quiz(where))).not.toBeNull();
      });

      it('runs solo quizzes of several people beside a channel quiz, one solo quiz per person on a server', async () => {
        const where = channel();
        const host = quiz(where);
        const alice = quiz(where, { mode: 'solo', deadline: null, starterId: 'alice' });
        const bob = quiz(where, { mode: 'solo', deadline: null, starterId: 'bob' });
        for (const q of [host, alice, bob]) expect(await store.createQuiz(q)).toEqual(q);
        expect(await store.activeChannelQuiz(where)).toEqual(host);
        expect(await store.activeSoloQuiz(where, 'alice')).toEqual(alice);
        expect(await store.activeSoloQuiz({ ...where, channelId: unique('chan') }, 'bob')).toEqual(bob);
        // A second solo quiz for Alice is refused, in this channel or another of the server.
        expect(await store.createQuiz(quiz(where, { mode: 'solo', deadline: null, starterId: 'alice' }))).toBeNull();
        expect(await store.createQuiz(quiz({ ...where, channelId: unique('chan') }, { mode: 'solo', deadline: null, starterId: 'alice' }))).toBeNull();
        // Another server is another place.
        expect(await store.createQuiz(quiz({ ...where, serverId: unique('srv') }, { mode: 'solo', deadline: null, starterId: 'alice' }))).not.toBeNull();
        expect(await store.activeSoloQuiz({ ...where, serverId: unique('srv') }, 'alice')).toBeNull();
        expect(await store.stopQuiz(alice.id)).toBe(true);
        expect(await store.activeSoloQuiz(where, 'alice')).toBeNull();
        const again = quiz(where, { mode: 'solo', deadline: null, starterId: 'alice' });
        expect(await store.createQuiz(again)).toEqual(again);
      });

      it('lets one of two simultaneous solo starts by one person win', async () => {
        const where = channel();
        const results = await Promise.all([0, 1].map(() => store.createQuiz(quiz(where, { mode: 'solo', deadline: null, starterId: 'alice' }))));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('advances only from the question it is at', async () => {
        const q = quiz(channel());
        await store.createQuiz(q);
        expect(await store.advanceQuiz(q.id, 0, 1, T0 + 40_000)).toBe(true);
        expect(await store.getQuiz(q.id)).toMatchObject({ current: 1, deadline: T0 + 40_000, status: 'active' });
        // A second process revealing question 0 again loses.
        expect(await store.advanceQuiz(q.id, 0, 1, T0 + 60_000)).toBe(false);
        expect(await store.getQuiz(q.id)).toMatchObject({ current: 1, deadline: T0 + 40_000 });
        expect(await store.advanceQuiz(unique('nope'), 0, 1, null)).toBe(false);
      });

      it('lets one of two simultaneous advances win', async () => {
        const q = quiz(channel());
        await store.createQuiz(q);
        const results = await Promise.all([store.advanceQuiz(q.id, 0, 1, T0), store.advanceQuiz(q.id, 0, 1, T0)]);
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('finishes a quiz: no longer active, no deadline, no further advance', async () => {
        const where = channel();
        const q = quiz(where, { current: 2 });
        await store.createQuiz(q);
        expect(await store.advanceQuiz(q.id, 2, 'finished', null)).toBe(true);
        expect(await store.getQuiz(q.id)).toMatchObject({ status: 'finished', deadline: null });
        expect(await store.activeChannelQuiz(where)).toBeNull();
        expect(await store.advanceQuiz(q.id, 2, 'finished', null)).toBe(false);
      });

      it('stops a quiz once; a stopped quiz does not advance', async () => {
        const q = quiz(channel());
        await store.createQuiz(q);
        expect(await store.stopQuiz(q.id)).toBe(true);
        expect(await store.stopQuiz(q.id)).toBe(false);
        expect(await store.getQuiz(q.id)).toMatchObject({ status: 'stopped', deadline: null });
        expect(await store.advanceQuiz(q.id, 0, 1, T0)).toBe(false);
      });

      it('lists the channel quizzes due at a time, earliest first, and the next deadline', async () => {
        const platform = ownPlatform();
        expect(await store.nextQuizDeadline(platform)).toBeNull();
        expect(await store.dueQuizzes(platform, T0 + DAY)).toEqual([]);
        const late = quiz(channel(platform), { deadline: T0 + 30_000 });
        const early = quiz(channel(platform), { deadline: T0 + 10_000 });
        const solo = quiz(channel(platform), { mode: 'solo', deadline: null });
        const stopped = quiz(channel(platform), { deadline: T0 + 5_000 });
        const elsewhere = quiz(channel(ownPlatform()), { deadline: T0 + 1_000 });
        for (const q of [late, early, solo, stopped, elsewhere]) await store.createQuiz(q);
        await store.stopQuiz(stopped.id);

        expect(await store.nextQuizDeadline(platform)).toBe(T0 + 10_000);
        expect(await store.dueQuizzes(platform, T0 + 9_999)).toEqual([]);
        expect((await store.dueQuizzes(platform, T0 + 10_000)).map((q) => q.id)).toEqual([early.id]);
        expect((await store.dueQuizzes(platform, T0 + 60_000)).map((q) => q.id)).toEqual([early.id, late.id]);

        await store.advanceQuiz(early.id, 0, 'finished', null);
        expect(await store.nextQuizDeadline(platform)).toBe(T0 + 30_000);
      });

      it('records the first answer per person and question; a repeat changes nothing', async () => {
        const q = quiz(channel());
        await store.createQuiz(q);
        expect(await store.recordAnswer(answer(q.id, 'alice', { option: 2, correct: true, answeredAt: T0 + 1 }))).toBe(true);
        expect(await store.recordAnswer(answer(q.id, 'alice', { option: 3, correct: false, answeredAt: T0 + 2 }))).toBe(false);
        expect(await store.recordAnswer(answer(q.id, 'bob', { option: 0, correct: false, answeredAt: T0 + 3 }))).toBe(true);
        // Only the question the quiz is on takes answers: not the next one yet, not the last one any more.
        expect(await store.recordAnswer(answer(q.id, 'alice', { question: 1, option: 1, answeredAt: T0 + 4 }))).toBe(false);
        await store.advanceQuiz(q.id, 0, 1, null);
        expect(await store.recordAnswer(answer(q.id, 'carol', { option: 0, answeredAt: T0 + 4 }))).toBe(false);
        expect(await store.recordAnswer(answer(q.id, 'alice', { question: 1, option: 1, answeredAt: T0 + 4 }))).toBe(true);
        await store.stopQuiz(q.id);
        expect(await store.recordAnswer(answer(q.id, 'bob', { question: 1, option: 1, answeredAt: T0 + 5 }))).toBe(false);

        expect(await store.answersFor(q.id, 0)).toEqual([
          { ...answer(q.id, 'alice', { option: 2, correct: true, answeredAt: T0 + 1 }), counted: false },
          { ...answer(q.id, 'bob', { option: 0, correct: false, answeredAt: T0 + 3 }), counted: false },
        ]);
        expect((await store.answersFor(q.id)).map((a) => `${a.userId}:${a.question}`)).toEqual(['alice:0', 'bob:0', 'alice:1']);
        expect(await store.answersFor(q.id, 2)).toEqual([]);
      });

      it('lets one of two simultaneous answers by the same person count', async () => {
        const q = quiz(channel());
        await store.createQuiz(q);
        const results = await Promise.all([
          store.recordAnswer(answer(q.id, 'alice', { option: 0 })), store.recordAnswer(answer(q.id, 'alice', { option: 1 })),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.answersFor(q.id, 0)).toHaveLength(1);
      });

      it('counts, for a reveal that reads after moving on, every answer that lands: none lands after the move', async () => {
        const q = quiz(channel());
        await store.createQuiz(q);
        const answering = Array.from({ length: 12 }, (_, i) => store.recordAnswer(answer(q.id, `user${i}`, { answeredAt: T0 + i })));
        const revealed = store.advanceQuiz(q.id, 0, 1, null).then(async (moved) => (moved ? store.answersFor(q.id, 0) : null));
        const [landed, seenByReveal] = await Promise.all([Promise.all(answering), revealed]);
        expect(seenByReveal).not.toBeNull();
        expect(seenByReveal!.length).toBe(landed.filter(Boolean).length);
        expect(await store.answersFor(q.id, 0)).toEqual(seenByReveal);
      });

      it('refuses an answer to an unknown quiz', async () => {
        const id = unique('nope');
        expect(await store.recordAnswer(answer(id, 'alice'))).toBe(false);
        expect(await store.answersFor(id)).toEqual([]);
      });
    });

    describe('scores and the leaderboard', () => {
      /**
       * One person's quiz in a channel of the server (its own unless given), answered question by
       * question as the quiz moves on; each answer is scored as the engine does. Question ids are
       * `ids[i]`, so two quizzes can ask the same pack question.
       */
      async function answered(
        where: ChannelRef, userId: string, results: boolean[], at: number,
        options: { names?: string[]; ids?: string[]; channelId?: string } = {},
      ): Promise<{ quiz: QuizRecord; counted: boolean[] }> {
        const ids = options.ids ?? results.map((_, i) => `q${i}`);
        const q = quiz({ ...where, channelId: options.channelId ?? unique('chan') }, { questions: ids.map((id) => ({ id, order: [0, 1, 2, 3] })) });
        await store.createQuiz(q);
        const counted: boolean[] = [];
        for (const [i, correct] of results.entries()) {
          const userName = options.names?.[i] ?? userId.toUpperCase();
          expect(await store.recordAnswer(answer(q.id, userId, { question: i, questionId: ids[i]!, correct, answeredAt: at + i, userName }))).toBe(true);
          counted.push(await store.scoreAnswer(q.id, i, userId));
          expect(await store.advanceQuiz(q.id, i, i + 1 < results.length ? i + 1 : 'finished', null)).toBe(true);
        }
        return { quiz: q, counted };
      }
      const board = (where: ChannelRef, patch: Partial<LeaderboardQuery> = {}) =>
        store.leaderboard({ platform: where.platform, serverId: where.serverId, season: 1, since: 0, limit: 10, ...patch });

      it('scores a question the first time a person answers it; a retake in another quiz does not score', async () => {
        const where = channel('slack');
        const first = await answered(where, 'alice', [false, true], T0, { ids: ['qa', 'qb'] });
        expect(first.counted).toEqual([true, true]);
        const retake = await answered(where, 'alice', [true, true, false], T0 + DAY, { ids: ['qa', 'qb', 'qc'] });
        expect(retake.counted).toEqual([false, false, true]);
        // Asking again is safe: the scoring answer stays the scoring one.
        expect(await store.scoreAnswer(first.quiz.id, 0, 'alice')).toBe(true);
        expect(await store.scoreAnswer(retake.quiz.id, 0, 'alice')).toBe(false);
        expect(await store.scoreAnswer(retake.quiz.id, 5, 'alice')).toBe(false);
        expect((await store.answersFor(retake.quiz.id)).map((a) => a.counted)).toEqual([false, false, true]);
        // Bob answering the same questions scores for himself.
        expect((await answered(where, 'bob', [true], T0, { ids: ['qa'] })).counted).toEqual([true]);
        expect(await board(where)).toEqual([
          { userId: 'bob', userName: 'BOB', points: 1, answered: 1 },
          { userId: 'alice', userName: 'ALICE', points: 1, answered: 3 },
        ]);
      });

      // The right option of each question the quiz fixtures ask: shown at 2, 1 and 0 by their orders.
      const RIGHTS = { 'q-one': 3, 'q-two': 1, 'q-three': 0 };
      const click = (quizId: string, userId: string, patch: Partial<QuizClick> = {}): QuizClick => ({
        quizId, question: 0, shown: 2, userId, userName: userId.toUpperCase(), answeredAt: T0, ...patch,
      });

      it('answers a click in one write: reads the quiz, records and scores a first answer; a repeat or a retake does not score', async () => {
        const where = channel('slack');
        const first = quiz(where);
        const retake = quiz({ ...where, channelId: unique('chan') });
        await store.createQuiz(first);
        await store.createQuiz(retake);
        expect(await store.answerQuestion(click(first.id, 'alice', { answeredAt: T0 + 1 }), RIGHTS)).toEqual({ quiz: first, recorded: true, counted: true });
        expect(await store.answerQuestion(click(first.id, 'alice', { shown: 1, answeredAt: T0 + 2 }), RIGHTS)).toEqual({ quiz: first, recorded: false, counted: false });
        expect(await store.answerQuestion(click(retake.id, 'alice', { answeredAt: T0 + 3 }), RIGHTS)).toEqual({ quiz: retake, recorded: true, counted: false });
        expect(await store.answerQuestion(click(first.id, 'bob', { shown: 0, answeredAt: T0 + 4 }), RIGHTS)).toEqual({ quiz: first, recorded: true, counted: true });
        expect(await store.advanceQuiz(first.id, 0, 1, null)).toBe(true);
        // The quiz comes back as it is now: moved on, so the late click answers nothing.
        expect(await store.answerQuestion(click(first.id, 'carol', { answeredAt: T0 + 5 }), RIGHTS))
          .toEqual({ quiz: { ...first, current: 1, deadline: null }, recorded: false, counted: false });
        // The same rows as recordAnswer then scoreAnswer would leave, right or wrong by the quiz's order.
        expect((await store.answersFor(first.id)).map((a) => [a.userId, a.questionId, a.option, a.correct, a.counted]))
          .toEqual([['alice', 'q-one', 2, true, true], ['bob', 'q-one', 0, false, true]]);
        expect((await store.answersFor(retake.id)).map((a) => [a.userId, a.counted])).toEqual([['alice', false]]);
        expect(await store.scoreAnswer(first.id, 0, 'alice')).toBe(true);
        expect(await board(where)).toEqual([
          { userId: 'alice', userName: 'ALICE', points: 1, answered: 1 },
          { userId: 'bob', userName: 'BOB', points: 0, answered: 1 },
        ]);
      });

      it('records a click exactly when clickOutcome lets it answer the quiz it returns', async () => {
        const where = channel('slack');
        const running = quiz(where, { current: 1 });
        const solo = quiz({ ...where, channelId: unique('chan') }, { mode: 'solo', starterId: 'alice', deadline: null });
        const stopped = quiz({ ...where, channelId: unique('chan') }, { status: 'stopped' });
        const gone = quiz({ ...where, channelId: unique('chan') }, { questions: [{ id: 'q-retired', order: [0, 1, 2, 3] }] });
        for (const q of [running, solo, stopped, gone]) expect(await store.createQuiz(q)).not.toBeNull();
        const cases: [string, QuizClick, boolean][] = [
          ['no such quiz', click(unique('nope'), 'alice'), false],
          ['an earlier question', click(running.id, 'bob', { question: 0 }), false],
          ['no fifth option', click(running.id, 'bob', { question: 1, shown: 4 }), false],
          ['past the deadline', click(running.id, 'bob', { question: 1, answeredAt: running.deadline! + 1 }), false],
          ['at the deadline', click(running.id, 'bob', { question: 1, answeredAt: running.deadline! }), true],
          ['someone else’s solo quiz', click(solo.id, 'bob'), false],
          ['one’s own solo quiz', click(solo.id, 'alice', { shown: 1 }), true],
          ['a stopped quiz', click(stopped.id, 'bob'), false],
          ['a question the pack no longer has', click(gone.id, 'bob'), false],
        ];
        for (const [name, c, answers] of cases) {
          const got = await store.answerQuestion(c, RIGHTS);
          const outcome = clickOutcome(got.quiz, c, RIGHTS);
          expect({ name, recorded: got.recorded, answers: 'answer' in outcome }).toEqual({ name, recorded: answers, answers });
        }
        expect((await store.answersFor(running.id)).map((a) => [a.userId, a.question, a.option, a.correct])).toEqual([['bob', 1, 2, false]]);
        expect((await store.answersFor(solo.id)).map((a) => [a.userId, a.option, a.correct])).toEqual([['alice', 1, false]]);
        for (const q of [stopped, gone]) expect(await store.answersFor(q.id)).toEqual([]);
      });

      it('lets one of two simultaneous answers to one pack question count, in two quizzes at once', async () => {
        const where = channel();
        const quizzes = [quiz(where), quiz({ ...where, channelId: unique('chan') })];
        for (const q of quizzes) {
          await store.createQuiz(q);
          await store.recordAnswer(answer(q.id, 'alice'));
        }
        const results = await Promise.all(quizzes.map((q) => store.scoreAnswer(q.id, 0, 'alice')));
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await board(where)).toEqual([{ userId: 'alice', userName: 'ALICE', points: 1, answered: 1 }]);
      });

      it('ranks by points, then by fewer questions answered, within one server', async () => {
        const where = channel('slack');
        await answered(where, 'carol', [true, false, false, false], T0);
        await answered(where, 'alice', [true, true, true, false], T0);
        await answered(where, 'bob', [true, true, false], T0);
        await answered(where, 'dave', [true, true, false, false], T0);
        const rows = await board(where);
        expect(rows).toEqual([
          { userId: 'alice', userName: 'ALICE', points: 3, answered: 4 },
          { userId: 'bob', userName: 'BOB', points: 2, answered: 3 },
          { userId: 'dave', userName: 'DAVE', points: 2, answered: 4 },
          { userId: 'carol', userName: 'CAROL', points: 1, answered: 4 },
        ]);
        expect(await board(where, { limit: 2 })).toEqual(rows.slice(0, 2));
      });

      it('counts only first answers at or after `since`, and in one channel when asked', async () => {
        const where = channel('discord');
        const classroom = unique('chan');
        await answered(where, 'alice', [true, true, true], T0, { channelId: classroom });
        await answered(where, 'bob', [true], T0 + 8 * DAY, { ids: ['other'] });
        await answered(where, 'alice', [false], T0 + 8 * DAY, { ids: ['other'] });
        expect(await board(where)).toEqual([
          { userId: 'alice', userName: 'ALICE', points: 3, answered: 4 },
          { userId: 'bob', userName: 'BOB', points: 1, answered: 1 },
        ]);
        expect(await board(where, { since: T0 + DAY })).toEqual([
          { userId: 'bob', userName: 'BOB', points: 1, answered: 1 },
          { userId: 'alice', userName: 'ALICE', points: 0, answered: 1 },
        ]);
        expect(await board(where, { since: T0 + 8 * DAY + 1 })).toEqual([]);
        expect(await board(where, { channelId: classroom })).toEqual([{ userId: 'alice', userName: 'ALICE', points: 3, answered: 3 }]);
        expect(await board(where, { channelId: unique('chan') })).toEqual([]);
      });

      it('shows each person under the name they answered with last', async () => {
        const where = channel('discord');
        await answered(where, 'zed', [true, true], T0, { names: ['Zed', 'Aardvark'] });
        await answered(where, 'zed', [false], T0 - 1, { names: ['Middle'], ids: ['qz'] });
        expect(await board(where)).toEqual([{ userId: 'zed', userName: 'Aardvark', points: 2, answered: 3 }]);
      });

      it('names each person on a board of several by their own last answer on the server, a retake’s too', async () => {
        const where = channel('discord');
        await answered(where, 'amy', [true, true, true], T0, { names: ['Amy', 'Amy B', 'Amy C'] });
        await answered(where, 'ben', [true, true], T0, { names: ['Benjamin', 'Ben'] });
        await answered(where, 'cat', [true], T0, { names: ['Cat'] });
        // Amy retakes q0 later (it does not score) under a new name; Ben answers later on another server.
        await answered(where, 'amy', [false], T0 + DAY, { names: ['Dr Amy'], ids: ['q0'] });
        await answered({ ...where, serverId: unique('srv') }, 'ben', [true], T0 + DAY, { names: ['Elsewhere'] });
        expect(await board(where, { limit: 2 })).toEqual([
          { userId: 'amy', userName: 'Dr Amy', points: 3, answered: 3 },
          { userId: 'ben', userName: 'Ben', points: 2, answered: 2 },
        ]);
        expect((await board(where)).map((r) => [r.userId, r.userName])).toEqual([['amy', 'Dr Amy'], ['ben', 'Ben'], ['cat', 'Cat']]);
      });

      it('keeps servers and platforms apart', async () => {
        const where = channel('discord');
        await answered(where, 'alice', [true], T0);
        expect(await board({ ...where, serverId: unique('srv') })).toEqual([]);
        expect(await board({ ...where, platform: 'slack' })).toEqual([]);
        expect(await board(where)).toHaveLength(1);
      });

      it('starts a season once; its answers score afresh and the old season stays as it was', async () => {
        const where = channel('shell');
        await answered(where, 'alice', [true, false], T0, { ids: ['qa', 'qb'] });
        expect(await store.listSeasons(where.platform, where.serverId)).toEqual([]);
        const second: SeasonRecord = { platform: where.platform, serverId: where.serverId, number: 2, startedAt: T0 + DAY, startedBy: 'teacher' };
        const results = await Promise.all([store.startSeason(second), store.startSeason({ ...second, startedBy: 'other' })]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.listSeasons(where.platform, where.serverId)).toEqual([expect.objectContaining({ number: 2, startedAt: T0 + DAY })]);
        expect(await store.listSeasons(where.platform, unique('srv'))).toEqual([]);
        // The same questions score again in the new season.
        expect((await answered(where, 'alice', [true, true], T0 + 2 * DAY, { ids: ['qa', 'qb'] })).counted).toEqual([true, true]);
        expect(await board(where, { season: 1 })).toEqual([{ userId: 'alice', userName: 'ALICE', points: 1, answered: 2 }]);
        expect(await board(where, { season: 2 })).toEqual([{ userId: 'alice', userName: 'ALICE', points: 2, answered: 2 }]);
      });

      it('reads the seasons with the board of the season asked for, else of the current one', async () => {
        const where = channel('shell');
        const seasonBoard = (patch: { season?: number; channelId?: string } = {}) =>
          store.seasonLeaderboard({ platform: where.platform, serverId: where.serverId, since: 0, limit: 10, ...patch });
        expect(await seasonBoard()).toEqual({ seasons: [], rows: [] });
        await answered(where, 'alice', [true, false], T0, { ids: ['qa', 'qb'], channelId: 'one' });
        expect(await seasonBoard()).toEqual({ seasons: [], rows: [{ userId: 'alice', userName: 'ALICE', points: 1, answered: 2 }] });
        const second: SeasonRecord = { platform: where.platform, serverId: where.serverId, number: 2, startedAt: T0 + DAY, startedBy: 'teacher' };
        const third: SeasonRecord = { ...second, number: 3, startedAt: T0 + 3 * DAY };
        await store.startSeason(third);
        await store.startSeason(second);
        await answered(where, 'bob', [true], T0 + 4 * DAY, { ids: ['qa'], names: ['Bob'] });
        expect(await seasonBoard()).toEqual({ seasons: [second, third], rows: [{ userId: 'bob', userName: 'Bob', points: 1, answered: 1 }] });
        expect((await seasonBoard({ season: 1 })).rows).toEqual([{ userId: 'alice', userName: 'ALICE', points: 1, answered: 2 }]);
        expect(await seasonBoard({ season: 2 })).toEqual({ seasons: [second, third], rows: [] });
        expect(await seasonBoard({ season: 9 })).toEqual({ seasons: [second, third], rows: [] });
        expect((await seasonBoard({ season: 1, channelId: 'one' })).rows).toHaveLength(1);
        expect((await seasonBoard({ season: 1, channelId: 'two' })).rows).toEqual([]);
      });
    });

    describe('rotation (seen items)', () => {
      it('remembers what a channel has seen, per kind, once per item', async () => {
        const where = channel();
        expect(await store.seenInChannel(where, 'prompt')).toEqual([]);
        expect(await store.markSeen(where, 'prompt', 'a', T0)).toBe(true);
        expect(await store.markSeen(where, 'prompt', 'b', T0 + 1)).toBe(true);
        expect(await store.markSeen(where, 'prompt', 'a', T0 + 2)).toBe(false);
        await store.markSeen(where, 'keypoint', 'k', T0);
        expect([...(await store.seenInChannel(where, 'prompt'))].sort()).toEqual(['a', 'b']);
        expect(await store.seenInChannel(where, 'keypoint')).toEqual(['k']);
        expect(await store.seenInChannel({ ...where, channelId: unique('chan') }, 'prompt')).toEqual([]);
        expect(await store.seenInChannel({ ...where, platform: 'slack' }, 'prompt')).toEqual([]);
      });

      it('resets one kind in one channel only', async () => {
        const where = channel();
        const other = { ...where, channelId: unique('chan') };
        await store.markSeen(where, 'prompt', 'a', T0);
        await store.markSeen(where, 'keypoint', 'k', T0);
        await store.markSeen(other, 'prompt', 'a', T0);
        await store.resetSeen(where, 'prompt');
        expect(await store.seenInChannel(where, 'prompt')).toEqual([]);
        expect(await store.seenInChannel(where, 'keypoint')).toEqual(['k']);
        expect(await store.seenInChannel(other, 'prompt')).toEqual(['a']);
        await store.markSeen(where, 'prompt', 'a', T0 + 1);
        expect(await store.seenInChannel(where, 'prompt')).toEqual(['a']);
      });

      it('claims the first unseen item in the order given, then starts those items over', async () => {
        const where = channel();
        await store.markSeen(where, 'prompt', 'b', T0);
        await store.markSeen(where, 'prompt', 'other', T0);
        expect(await store.claimNextUnseen(where, 'prompt', ['a', 'b', 'c'], T0 + 1)).toBe('a');
        expect(await store.claimNextUnseen(where, 'prompt', ['a', 'b', 'c'], T0 + 2)).toBe('c');
        // All seen: they start over, and what the channel saw outside them stays seen.
        expect(await store.claimNextUnseen(where, 'prompt', ['a', 'b', 'c'], T0 + 3)).toBe('a');
        expect([...(await store.seenInChannel(where, 'prompt'))].sort()).toEqual(['a', 'other']);
        expect(await store.claimNextUnseen(where, 'prompt', ['a', 'b', 'c'], T0 + 4)).toBe('b');
        // Other kinds and other channels keep their own rotation.
        expect(await store.claimNextUnseen(where, 'keypoint', ['a', 'b'], T0)).toBe('a');
        expect(await store.claimNextUnseen({ ...where, channelId: unique('chan') }, 'prompt', ['b', 'a'], T0)).toBe('b');
        expect(await store.claimNextUnseen(where, 'prompt', [], T0)).toBeNull();
      });

      it('claims in the order given, neither sorted nor reversed, alone and several at once', async () => {
        // The claim lets each database walk the candidates in the array's order rather than sort
        // them (channel-items.ts): an order taken from anywhere else gives other items here.
        const where = channel();
        const items = ['m', 'c', 'x', 'a', 'q', 'b'];
        await store.markSeen(where, 'prompt', 'c', T0);
        await store.markSeen(where, 'prompt', 'a', T0);
        expect(await store.claimNextUnseen(where, 'prompt', items, T0 + 1)).toBe('m');
        expect(await Promise.all([1, 2, 3].map(() => store.claimNextUnseen(where, 'prompt', items, T0 + 2)))).toEqual(['x', 'q', 'b']);
        // All seen: the next two start them over from the first.
        expect(await Promise.all([1, 2].map(() => store.claimNextUnseen(where, 'prompt', items, T0 + 3)))).toEqual(['m', 'c']);
        expect(await store.claimNextUnseen(where, 'prompt', items, T0 + 4)).toBe('x');
      });

      it('claims from one candidate array as it is now, when it was changed in place since an earlier claim', async () => {
        // The store reuses what it derives from an array it has seen (channel-items.ts): a change must not be missed.
        const where = channel();
        const items = ['a', 'b'];
        expect(await store.claimNextUnseen(where, 'prompt', items, T0)).toBe('a');
        items[1] = 'c';
        expect(await store.claimNextUnseen(where, 'prompt', items, T0 + 1)).toBe('c');
        items.push('d');
        expect(await store.claimNextUnseen(where, 'prompt', items, T0 + 2)).toBe('d');
      });

      it('gives claims at the same moment different items, round by round', async () => {
        const where = channel();
        const items = ['k1', 'k2', 'k3', 'k4', 'k5'];
        const two = await Promise.all([store.claimNextUnseen(where, 'keypoint', items, T0), store.claimNextUnseen(where, 'keypoint', items, T0)]);
        expect([...two].sort()).toEqual(['k1', 'k2']);
        // 13 more at once: the other three, then two whole rounds; every item shown equally often.
        const rest = await Promise.all(Array.from({ length: 13 }, () => store.claimNextUnseen(where, 'keypoint', items, T0 + 1)));
        const times = new Map<string, number>();
        for (const id of [...two, ...rest]) times.set(id!, (times.get(id!) ?? 0) + 1);
        expect(Object.fromEntries(times)).toEqual({ k1: 3, k2: 3, k3: 3, k4: 3, k5: 3 });
      });
    });

    describe('prompt posts and votes', () => {
      it('creates a post once and reads it back; the message id can be set later', async () => {
        const p = post(channel());
        expect(await store.createPromptPost(p)).toEqual(p);
        expect(await store.createPromptPost({ ...p, promptId: 'p-two' })).toBeNull();
        expect(await store.getPromptPost(p.id)).toEqual(p);
        await store.setPromptMessage(p.id, 'msg-1');
        expect(await store.getPromptPost(p.id)).toEqual({ ...p, messageId: 'msg-1' });
        expect(await store.getPromptPost(unique('nope'))).toBeNull();
      });

      it('keeps the schedule and slot of a scheduled post', async () => {
        const p = post(channel(), { scheduleId: unique('sch'), slot: T0 + 7 * DAY });
        await store.createPromptPost(p);
        expect(await store.getPromptPost(p.id)).toEqual(p);
      });

      it('takes one vote per person, changeable, and tallies them', async () => {
        const p = post(channel());
        await store.createPromptPost(p);
        const voter = (id: string) => ({ id, name: id.toUpperCase() });
        expect(await store.tally(p.id)).toEqual({ agree: 0, disagree: 0, unsure: 0 });
        expect(await store.castVote(p.id, voter('alice'), 'agree', T0)).toEqual({ recorded: true, previous: null, tally: { agree: 1, disagree: 0, unsure: 0 } });
        expect(await store.castVote(p.id, voter('bob'), 'agree', T0)).toEqual({ recorded: true, previous: null, tally: { agree: 2, disagree: 0, unsure: 0 } });
        expect(await store.castVote(p.id, voter('carol'), 'unsure', T0)).toEqual({ recorded: true, previous: null, tally: { agree: 2, disagree: 0, unsure: 1 } });
        expect(await store.tally(p.id)).toEqual({ agree: 2, disagree: 0, unsure: 1 });
        expect(await store.castVote(p.id, voter('alice'), 'disagree', T0 + 1)).toEqual({ recorded: true, previous: 'agree', tally: { agree: 1, disagree: 1, unsure: 1 } });
        expect(await store.tally(p.id)).toEqual({ agree: 1, disagree: 1, unsure: 1 });
        expect(await store.castVote(p.id, voter('alice'), 'disagree', T0 + 2)).toEqual({ recorded: true, previous: 'disagree', tally: { agree: 1, disagree: 1, unsure: 1 } });
        expect(await store.tally(p.id)).toEqual({ agree: 1, disagree: 1, unsure: 1 });
      });

      it('keeps posts’ votes apart', async () => {
        const a = post(channel());
        const b = post(channel());
        await store.createPromptPost(a);
        await store.createPromptPost(b);
        await store.castVote(a.id, { id: 'alice', name: 'Alice' }, 'agree', T0);
        expect(await store.castVote(b.id, { id: 'alice', name: 'Alice' }, 'disagree', T0)).toEqual({ recorded: true, previous: null, tally: { agree: 0, disagree: 1, unsure: 0 } });
        expect(await store.tally(a.id)).toEqual({ agree: 1, disagree: 0, unsure: 0 });
        expect(await store.tally(b.id)).toEqual({ agree: 0, disagree: 1, unsure: 0 });
      });

      it('withdraws a vote once, and keeps the history of votes cast, changed and withdrawn', async () => {
        const p = post(channel());
        await store.createPromptPost(p);
        await store.castVote(p.id, { id: 'alice', name: 'Alice' }, 'agree', T0 + 1);
        await store.castVote(p.id, { id: 'bob', name: 'Bob' }, 'unsure', T0 + 2);
        await store.castVote(p.id, { id: 'alice', name: 'Alice' }, 'disagree', T0 + 3);
        expect(await store.withdrawVote(p.id, 'alice', T0 + 4)).toBe('disagree');
        expect(await store.withdrawVote(p.id, 'alice', T0 + 5)).toBeNull();
        expect(await store.withdrawVote(p.id, 'carol', T0 + 5)).toBeNull();
        expect(await store.tally(p.id)).toEqual({ agree: 0, disagree: 0, unsure: 1 });
        expect(await store.voteHistory(p.id)).toEqual([
          { userId: 'alice', vote: 'agree', at: T0 + 1 },
          { userId: 'bob', vote: 'unsure', at: T0 + 2 },
          { userId: 'alice', vote: 'disagree', at: T0 + 3 },
          { userId: 'alice', vote: null, at: T0 + 4 },
        ]);
        // A vote after withdrawing counts again.
        expect(await store.castVote(p.id, { id: 'alice', name: 'Alice' }, 'agree', T0 + 6)).toEqual({ recorded: true, previous: null, tally: { agree: 1, disagree: 0, unsure: 1 } });
        expect(await store.tally(p.id)).toEqual({ agree: 1, disagree: 0, unsure: 1 });
      });

      it('takes no vote, change or withdrawal once a post is closed or its close time has come', async () => {
        const where = channel();
        const timed = post(where, { closesAt: T0 + 10 });
        await store.createPromptPost(timed);
        expect((await store.castVote(timed.id, { id: 'alice', name: 'Alice' }, 'agree', T0 + 9)).recorded).toBe(true);
        expect(await store.castVote(timed.id, { id: 'bob', name: 'Bob' }, 'agree', T0 + 10)).toEqual({ recorded: false, previous: null, tally: null });
        expect(await store.castVote(timed.id, { id: 'alice', name: 'Alice' }, 'disagree', T0 + 11)).toEqual({ recorded: false, previous: 'agree', tally: null });
        expect(await store.withdrawVote(timed.id, 'alice', T0 + 11)).toBeNull();
        expect(await store.tally(timed.id)).toEqual({ agree: 1, disagree: 0, unsure: 0 });

        const closed = post(where);
        await store.createPromptPost(closed);
        expect(await store.markPromptClosed(closed.id, T0)).toBe(true);
        expect(await store.markPromptClosed(closed.id, T0 + 1)).toBe(false);
        expect(await store.getPromptPost(closed.id)).toMatchObject({ closedAt: T0 });
        expect((await store.castVote(closed.id, { id: 'alice', name: 'Alice' }, 'agree', T0 + 1)).recorded).toBe(false);
        expect((await store.castVote(unique('nope'), { id: 'alice', name: 'Alice' }, 'agree', T0)).recorded).toBe(false);
      });

      it('makes a channel’s open posts due to close, and lists what is due on a platform', async () => {
        const platform = ownPlatform();
        const where = channel(platform);
        const older = post(where, { createdAt: T0 });
        const timed = post(where, { createdAt: T0 + 1, closesAt: T0 + 10 * DAY });
        const done = post(where, { createdAt: T0 + 2, closedAt: T0 + 3 });
        const elsewhere = post({ ...where, channelId: unique('chan') }, { createdAt: T0 });
        const newest = post(where, { createdAt: T0 + 5 });
        for (const p of [older, timed, done, elsewhere, newest]) await store.createPromptPost(p);
        expect(await store.nextPromptClose(platform)).toBe(T0 + 10 * DAY);
        expect(await store.closeOpenPrompts(where, newest.id, T0 + 6)).toBe(2);
        expect(await store.nextPromptClose(platform)).toBe(T0 + 6);
        expect((await store.duePromptCloses(platform, T0 + 5)).map((p) => p.id)).toEqual([]);
        expect((await store.duePromptCloses(platform, T0 + 6)).map((p) => p.id).sort()).toEqual([older.id, timed.id].sort());
        expect(await store.markPromptClosed(older.id, T0 + 7)).toBe(true);
        expect((await store.duePromptCloses(platform, T0 + 7)).map((p) => p.id)).toEqual([timed.id]);
        // A close time already come is not pushed back; the newest and other channels stay open.
        expect(await store.closeOpenPrompts(where, newest.id, T0 + 9)).toBe(0);
        expect(await store.getPromptPost(newest.id)).toMatchObject({ closesAt: null, closedAt: null });
        expect(await store.getPromptPost(elsewhere.id)).toMatchObject({ closesAt: null });
        expect(await store.duePromptCloses(ownPlatform(), T0 + DAY)).toEqual([]);
      });

      it('posts a prompt and makes the channel’s other open posts due to close, once', async () => {
        const platform = ownPlatform();
        const where = channel(platform);
        const older = post(where, { createdAt: T0 });
        const done = post(where, { createdAt: T0 + 1, closedAt: T0 + 2 });
        const elsewhere = post({ ...where, channelId: unique('chan') }, { createdAt: T0 });
        for (const p of [older, done, elsewhere]) await store.createPromptPost(p);
        const newest = post(where, { createdAt: T0 + 5, closesAt: T0 + DAY });
        expect(await store.postPrompt(newest)).toEqual({ created: newest, closing: 1 });
        expect(await store.getPromptPost(newest.id)).toEqual(newest);
        expect(await store.getPromptPost(older.id)).toMatchObject({ closesAt: T0 + 5, closedAt: null });
        expect(await store.getPromptPost(done.id)).toMatchObject({ closesAt: null, closedAt: T0 + 2 });
        expect(await store.getPromptPost(elsewhere.id)).toMatchObject({ closesAt: null });
        // Posted again (a slot prepared again): no second post, and nothing more to close.
        expect(await store.postPrompt({ ...newest, promptId: 'p-two', createdAt: T0 + 6 })).toEqual({ created: null, closing: 0 });
        expect(await store.getPromptPost(newest.id)).toEqual(newest);
      });
    });

    describe('schedules', () => {
      it('creates a schedule and reads it back', async () => {
        const s = schedule(channel());
        expect(await store.createSchedule(s, 5)).toEqual(s);
        expect(await store.getSchedule(s.id)).toEqual(s);
        expect(await store.getSchedule(unique('nope'))).toBeNull();
      });

      it('refuses a schedule past the limit per channel; other channels are unaffected', async () => {
        const where = channel();
        for (let i = 0; i < 3; i++) expect(await store.createSchedule(schedule(where), 3)).not.toBeNull();
        expect(await store.createSchedule(schedule(where), 3)).toBeNull();
        // A paused schedule still belongs to the channel.
        const paused = schedule({ ...where, channelId: unique('chan') }, { paused: true, pauseReason: 'channel gone' });
        expect(await store.createSchedule(paused, 1)).not.toBeNull();
        expect(await store.createSchedule(schedule({ ...where, channelId: paused.channelId }), 1)).toBeNull();
        expect(await store.createSchedule(schedule({ ...where, channelId: unique('chan') }), 3)).not.toBeNull();
      });

      it(`holds the limit per channel when ${CREATES} creates for a channel arrive at once`, async () => {
        await expectLimitHolds([store]);
      });

      it('refuses a second schedule with the same cron and time zone in one channel, also when both arrive at once', async () => {
        const where = channel();
        const first = schedule(where, { cron: '0 9 * * *' });
        expect(await store.createSchedule(first, 5)).toEqual(first);
        expect(await store.createSchedule(schedule(where, { cron: '0 9 * * *' }), 5)).toBeNull();
        // Another time zone, cron or channel is another schedule.
        expect(await store.createSchedule(schedule(where, { cron: '0 9 * * *', timeZone: 'Europe/London' }), 5)).not.toBeNull();
        expect(await store.createSchedule(schedule(where, { cron: '30 9 * * *' }), 5)).not.toBeNull();
        expect(await store.createSchedule(schedule({ ...where, channelId: unique('chan') }, { cron: '0 9 * * *' }), 5)).not.toBeNull();
        const other = channel();
        const twins = await Promise.all(Array.from({ length: 4 }, () => store.createSchedule(schedule(other, { cron: '0 8 * * 1' }), 5)));
        expect(twins.filter(Boolean)).toHaveLength(1);
      });

      it('keeps how long each prompt of a schedule stays open', async () => {
        const s = schedule(channel(), { closeAfterMinutes: 120 });
        await store.createSchedule(s, 5);
        expect(await store.getSchedule(s.id)).toMatchObject({ closeAfterMinutes: 120 });
      });

      it('lists a server’s schedules in the order they were made', async () => {
        const where = channel('slack');
        const second = schedule({ ...where, channelId: unique('chan') }, { createdAt: T0 + 2 });
        const first = schedule(where, { createdAt: T0 + 1 });
        await store.createSchedule(second, 5);
        await store.createSchedule(first, 5);
        await store.createSchedule(schedule(channel('slack')), 5);
        expect((await store.listSchedules('slack', where.serverId)).map((s) => s.id)).toEqual([first.id, second.id]);
        expect(await store.listSchedules('discord', where.serverId)).toEqual([]);
      });

      it('updates the pause state and next run; an empty patch or unknown id changes nothing', async () => {
        const s = schedule(channel());
        await store.createSchedule(s, 5);
        expect(await store.updateSchedule(s.id, { paused: true, pauseReason: 'missing permission' })).toBe(true);
        expect(await store.getSchedule(s.id)).toEqual({ ...s, paused: true, pauseReason: 'missing permission' });
        expect(await store.updateSchedule(s.id, { paused: false, pauseReason: null, nextRun: T0 + 2 * DAY })).toBe(true);
        expect(await store.getSchedule(s.id)).toEqual({ ...s, nextRun: T0 + 2 * DAY });
        expect(await store.updateSchedule(s.id, { nextRun: null })).toBe(true);
        expect((await store.getSchedule(s.id))?.nextRun).toBeNull();
        expect(await store.updateSchedule(s.id, {})).toBe(false);
        expect(await store.updateSchedule(unique('nope'), { paused: true })).toBe(false);
      });

      it('deletes a schedule once', async () => {
        const s = schedule(channel());
        await store.createSchedule(s, 5);
        expect(await store.deleteSchedule(s.id)).toBe(true);
        expect(await store.getSchedule(s.id)).toBeNull();
        expect(await store.deleteSchedule(s.id)).toBe(false);
      });

      it('lists due schedules and the next run, ignoring paused ones and those with no next run', async () => {
        const platform = ownPlatform();
        expect(await store.nextScheduleRun(platform)).toBeNull();
        const soon = schedule(channel(platform), { nextRun: T0 + 1000 });
        const later = schedule(channel(platform), { nextRun: T0 + 5000 });
        const paused = schedule(channel(platform), { nextRun: T0 + 10, paused: true, pauseReason: 'channel gone' });
        const none = schedule(channel(platform), { nextRun: null });
        const elsewhere = schedule(channel(ownPlatform()), { nextRun: T0 });
        for (const s of [later, soon, paused, none, elsewhere]) await store.createSchedule(s, 5);

        expect(await store.nextScheduleRun(platform)).toBe(T0 + 1000);
        expect(await store.dueSchedules(platform, T0 + 999)).toEqual([]);
        expect((await store.dueSchedules(platform, T0 + 1000)).map((s) => s.id)).toEqual([soon.id]);
        expect((await store.dueSchedules(platform, T0 + DAY)).map((s) => s.id)).toEqual([soon.id, later.id]);
        // In batches: at most `limit`, after the last one read, in slot order.
        expect((await store.dueSchedules(platform, T0 + DAY, { limit: 1 })).map((s) => s.id)).toEqual([soon.id]);
        expect((await store.dueSchedules(platform, T0 + DAY, { limit: 1, after: { nextRun: T0 + 1000, id: soon.id } })).map((s) => s.id)).toEqual([later.id]);
        expect(await store.dueSchedules(platform, T0 + DAY, { limit: 5, after: { nextRun: T0 + 5000, id: later.id } })).toEqual([]);
        // Schedules due at the same slot are told apart by id.
        const twin = schedule(channel(platform), { nextRun: T0 + 1000, id: `${soon.id}-b` });
        await store.createSchedule(twin, 5);
        expect((await store.dueSchedules(platform, T0 + DAY, { limit: 1, after: { nextRun: T0 + 1000, id: soon.id } })).map((s) => s.id)).toEqual([twin.id]);
        await store.deleteSchedule(twin.id);

        await store.updateSchedule(soon.id, { paused: true, pauseReason: 'forbidden' });
        expect(await store.nextScheduleRun(platform)).toBe(T0 + 5000);
        await store.updateSchedule(paused.id, { paused: false, pauseReason: null });
        expect(await store.nextScheduleRun(platform)).toBe(T0 + 10);
      });
    });

    describe('post leases', () => {
      const lease = (key: string, platform: Platform, holder: string, now: number, ttl = 30_000) => ({ key, platform, holder, now, expiresAt: now + ttl });

      it('lets one taker begin a post, and another take it over only once its lease expired unposted', async () => {
        const platform = ownPlatform();
        const key = unique('sched:s1');
        expect(await store.takePostLease(lease(key, platform, 'a', T0))).toBe('fresh');
        expect(await store.takePostLease(lease(key, platform, 'b', T0 + 1))).toBeNull();
        expect(await store.getPostLease(key)).toMatchObject({ key, platform, state: 'posting', holder: 'a', expiresAt: T0 + 30_000, takenAt: T0, messageId: null });
        // Expired: one of several takers wins, and the lease keeps when the post was first begun.
        const takers = await Promise.all(['b', 'c', 'd'].map((h) => store.takePostLease(lease(key, platform, h, T0 + 30_000))));
        expect(takers.filter((t) => t === 'retry')).toHaveLength(1);
        expect(takers.filter((t) => t === null)).toHaveLength(2);
        const held = await store.getPostLease(key);
        expect(held).toMatchObject({ state: 'posting', expiresAt: T0 + 60_000, takenAt: T0 });
        expect(['b', 'c', 'd']).toContain(held?.holder);

        // The holder it was taken from, slower than its lease, cannot end the takeover's lease.
        await store.markPostDone(key, 'msg-0', T0 + 30_001, 'a');
        expect(await store.getPostLease(key)).toMatchObject({ state: 'posting', messageId: null });
        await store.markPostDone(key, 'msg-1', T0 + 30_001, held!.holder);
        expect(await store.getPostLease(key)).toMatchObject({ state: 'posted', messageId: 'msg-1' });
        // Posted is final, however long ago.
        expect(await store.takePostLease(lease(key, platform, 'e', T0 + DAY))).toBeNull();
        expect(await store.takePostLease(lease(unique('sched:s1'), platform, 'e', T0))).toBe('fresh');
        expect(await store.getPostLease(unique('none'))).toBeNull();
      });

      it('notes when sending began (the first time) and renews the lease, only for its holder', async () => {
        const platform = ownPlatform();
        const key = unique('sched:s2');
        await store.takePostLease(lease(key, platform, 'a', T0));
        expect(await store.getPostLease(key)).toMatchObject({ sentAt: null });
        expect(await store.beginSending(key, 'b', T0 + 5, T0 + 30_005)).toBe(false);
        expect(await store.beginSending(key, 'a', T0 + 5, T0 + 30_005)).toBe(true);
        expect(await store.getPostLease(key)).toMatchObject({ state: 'posting', holder: 'a', sentAt: T0 + 5, expiresAt: T0 + 30_005 });
        // Taken over after it expired: the new holder's send keeps the first one's time; the old holder may not send.
        expect(await store.takePostLease(lease(key, platform, 'b', T0 + 40_000))).toBe('retry');
        expect(await store.beginSending(key, 'a', T0 + 40_001, T0 + 70_001)).toBe(false);
        expect(await store.beginSending(key, 'b', T0 + 40_002, T0 + 70_002)).toBe(true);
        expect(await store.getPostLease(key)).toMatchObject({ holder: 'b', sentAt: T0 + 5, expiresAt: T0 + 70_002 });
        await store.markPostDone(key, 'msg', T0 + 40_003, 'b');
        expect(await store.beginSending(key, 'b', T0 + 40_004, T0 + 70_004)).toBe(false);
      });

      it('gives up only a lease nobody holds, as given up: never taken again, never listed as expired', async () => {
        const platform = ownPlatform();
        const [held, posted, expired] = ['reveal:q:0', 'reveal:q:1', 'reveal:q:2'].map(unique) as [string, string, string];
        for (const key of [held, posted, expired]) await store.takePostLease(lease(key, platform, 'a', T0, 1000));
        await store.takePostLease(lease(held, platform, 'b', T0 + 1000));
        await store.markPostDone(posted, 'msg', T0 + 10, 'a');
        expect(await store.givePostUp(held, T0 + 1000)).toBe(false);
        expect(await store.givePostUp(posted, T0 + 1000)).toBe(false);
        expect(await store.givePostUp(expired, T0 + 1000)).toBe(true);
        expect(await store.getPostLease(held)).toMatchObject({ state: 'posting', holder: 'b' });
        expect(await store.getPostLease(posted)).toMatchObject({ state: 'posted', messageId: 'msg' });
        expect(await store.getPostLease(expired)).toMatchObject({ state: 'given-up', messageId: null });
        expect(await store.takePostLease(lease(expired, platform, 'c', T0 + DAY))).toBeNull();
        expect((await store.expiredPostLeases(platform, T0 + DAY, 10)).map((l) => l.key)).toEqual([held]);
      });

      it('gives exactly one winner among takers of a new key at once', async () => {
        const key = unique('reveal:q');
        const takers = await Promise.all(Array.from({ length: 6 }, (_, i) => store.takePostLease(lease(key, ownPlatform(), `h${i}`, T0))));
        expect(takers.filter((t) => t === 'fresh')).toHaveLength(1);
        expect(takers.filter((t) => t === null)).toHaveLength(5);
      });

      it('lists expired unposted leases of a platform, oldest expiry first, and says when the next one expires', async () => {
        const platform = ownPlatform();
        expect(await store.nextPostLeaseExpiry(platform)).toBeNull();
        const keys = ['close:1', 'close:2', 'close:3', 'close:4'].map(unique);
        await store.takePostLease(lease(keys[0]!, platform, 'a', T0, 2000));
        await store.takePostLease(lease(keys[1]!, platform, 'a', T0, 1000));
        await store.takePostLease(lease(keys[2]!, platform, 'a', T0, 5000));
        await store.takePostLease(lease(keys[3]!, platform, 'a', T0, 500));
        await store.markPostDone(keys[3]!, null, T0 + 1);
        await store.takePostLease(lease(unique('close:other'), ownPlatform(), 'a', T0, 10));

        expect(await store.nextPostLeaseExpiry(platform)).toBe(T0 + 1000);
        expect(await store.expiredPostLeases(platform, T0 + 999, 10)).toEqual([]);
        expect((await store.expiredPostLeases(platform, T0 + 2000, 10)).map((l) => l.key)).toEqual([keys[1], keys[0]]);
        expect((await store.expiredPostLeases(platform, T0 + 9000, 1)).map((l) => l.key)).toEqual([keys[1]]);
        expect(await store.expiredPostLeases(platform, T0 + 9000, 10)).toEqual([
          expect.objectContaining({ key: keys[1], state: 'posting', holder: 'a', expiresAt: T0 + 1000, takenAt: T0 }),
          expect.objectContaining({ key: keys[0] }),
          expect.objectContaining({ key: keys[2] }),
        ]);
      });
    });

    describe('results for the teacher', () => {
      it('exports every answer with its quiz, season and whether it counted, filtered by server, channel and time', async () => {
        const where = channel('slack');
        const q = quiz(where, { mode: 'solo', deadline: null });
        await store.createQuiz(q);
        await store.recordAnswer(answer(q.id, 'alice', { option: 2, correct: true, answeredAt: T0 + 1, userName: '=Alice' }));
        await store.scoreAnswer(q.id, 0, 'alice');
        await store.advanceQuiz(q.id, 0, 1, null);
        await store.recordAnswer(answer(q.id, 'alice', { question: 1, option: 0, correct: false, answeredAt: T0 + DAY }));
        await store.stopQuiz(q.id);
        const retake = quiz({ ...where, channelId: unique('chan') }, { mode: 'solo', deadline: null });
        await store.createQuiz(retake);
        await store.recordAnswer(answer(retake.id, 'alice', { answeredAt: T0 + 2 * DAY }));
        expect(await store.scoreAnswer(retake.id, 0, 'alice')).toBe(false);

        const rows = await store.exportQuizAnswers({ platform: 'slack', serverId: where.serverId });
        expect(rows.map((r) => [r.quizId, r.question, r.questionId, r.userName, r.option, r.correct, r.counted, r.season])).toEqual([
          [q.id, 0, 'q-one', '=Alice', 2, true, true, 1],
          [q.id, 1, 'q-two', 'ALICE', 0, false, false, 1],
          [retake.id, 0, 'q-one', 'ALICE', 1, true, false, 1],
        ]);
        expect(rows[0]).toMatchObject({ channelId: where.channelId, mode: 'solo', order: [2, 0, 3, 1], quizStartedAt: T0, answeredAt: T0 + 1 });
        expect((await store.exportQuizAnswers({ serverId: where.serverId, channelId: where.channelId })).map((r) => r.quizId)).toEqual([q.id, q.id]);
        expect((await store.exportQuizAnswers({ serverId: where.serverId, since: T0 + DAY })).map((r) => r.answeredAt)).toEqual([T0 + DAY, T0 + 2 * DAY]);
        expect(await store.exportQuizAnswers({ platform: 'discord', serverId: where.serverId })).toEqual([]);
      });

      it('exports the votes of each post with the name shown when voting', async () => {
        const where = channel();
        const p = post(where, { createdAt: T0, scheduleId: 'sch-1' });
        const later = post(where, { createdAt: T0 + DAY });
        await store.createPromptPost(p);
        await store.createPromptPost(later);
        await store.castVote(p.id, { id: 'alice', name: 'Alice' }, 'agree', T0 + 5);
        await store.castVote(p.id, { id: 'bob', name: '@bob' }, 'unsure', T0 + 6);
        await store.castVote(later.id, { id: 'alice', name: 'Alice B.' }, 'disagree', T0 + DAY + 1);
        await store.markPromptClosed(p.id, T0 + 10);
        const rows = await store.exportVotes({ serverId: where.serverId });
        expect(rows.map((r) => [r.postId, r.userName, r.vote, r.votedAt])).toEqual([
          [p.id, 'Alice', 'agree', T0 + 5], [p.id, '@bob', 'unsure', T0 + 6], [later.id, 'Alice B.', 'disagree', T0 + DAY + 1],
        ]);
        expect(rows[0]).toMatchObject({ promptId: 'p-one', scheduleId: 'sch-1', postedAt: T0, closedAt: T0 + 10, channelId: where.channelId });
        expect((await store.exportVotes({ serverId: where.serverId, since: T0 + 1 })).map((r) => r.postId)).toEqual([later.id]);
        expect(await store.exportVotes({ serverId: where.serverId, channelId: unique('chan') })).toEqual([]);
      });

      it('exports debates with their turns and the debater’s last known name; finds a person’s last debate', async () => {
        const where = channel();
        const first = debate(where, 'alice', { createdAt: T0, updatedAt: T0 + 5, status: 'ended' });
        const second = debate({ ...where, channelId: unique('chan') }, 'alice', { createdAt: T0 + DAY, updatedAt: T0 + DAY });
        const bobs = debate(where, 'bob', { createdAt: T0 + 2 * DAY, updatedAt: T0 + 2 * DAY });
        for (const d of [first, second, bobs]) await store.createDebate(d);
        await store.rememberPerson(where, { id: 'alice', name: 'Alice' }, T0);
        await store.rememberPerson(where, { id: 'alice', name: 'Alice K.' }, T0 + 1);
        const rows = await store.exportDebates({ serverId: where.serverId });
        expect(rows).toEqual([{ ...first, userName: 'Alice K.' }, { ...second, userName: 'Alice K.' }, { ...bobs, userName: null }]);
        expect((await store.exportDebates({ serverId: where.serverId, channelId: where.channelId })).map((r) => r.id)).toEqual([first.id, bobs.id]);
        expect((await store.exportDebates({ serverId: where.serverId, since: T0 + 1 })).map((r) => r.id)).toEqual([second.id, bobs.id]);

        expect(await store.lastDebate(where, 'alice')).toEqual(second);
        expect(await store.lastDebate({ ...where, serverId: unique('srv') }, 'alice')).toBeNull();
        expect(await store.lastDebate(where, 'carol')).toBeNull();
      });
    });
    classDebateContract(() => store);
  });
}

storeContract('SQLite in memory', () => openSqliteStore(':memory:'));

storeContract('SQLite file', () => openSqliteStore(tempDbPath()));

/** Two stores open on one database at the same time, as two instances are. */
function sharedDatabaseContract(name: string, openTwo: () => Promise<[Store, Store]>): void {
  describe(`Two stores on one database: ${name}`, () => {
    let a: Store;
    let b: Store;
    beforeEach(async () => {
      [a, b] = await openTwo();
    });
    afterEach(async () => {
      await a.close();
      await b.close();
    });

    it('lets only one of them win a once-only write', async () => {
      const q = quiz(channel());
      await a.createQuiz(q);
      const results = await Promise.all([a.advanceQuiz(q.id, 0, 1, null), b.advanceQuiz(q.id, 0, 1, null)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const key = unique('sched:s');
      const take = (s: Store, holder: string, now: number) => s.takePostLease({ key, platform: 'discord', holder, now, expiresAt: now + 1000 });
      expect(await Promise.all([take(a, 'a', T0), take(b, 'b', T0)])).toEqual(expect.arrayContaining(['fresh', null]));
      expect(await Promise.all([take(a, 'a', T0 + 1000), take(b, 'b', T0 + 1000)])).toEqual(expect.arrayContaining(['retry', null]));
    });

    it(`holds the schedule limit per channel when ${CREATES} creates for a channel arrive at both at once`, async () => {
      await expectLimitHolds([a, b]);
    });

    it('gives claims of the next unseen item at both at once different items, round by round', async () => {
      const where = channel();
      const items = ['p1', 'p2', 'p3', 'p4'];
      const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).claimNextUnseen(where, 'prompt', items, T0)));
      const times = new Map<string, number>();
      for (const id of claims) times.set(id!, (times.get(id!) ?? 0) + 1);
      expect(Object.fromEntries(times)).toEqual({ p1: 3, p2: 3, p3: 3, p4: 3 });
    });
  });
}

sharedDatabaseContract('SQLite file', async () => {
  const path = tempDbPath();
  return [await openSqliteStore(path), await openSqliteStore(path)];
});

describe('SQLite file: across a restart', () => {
  it('keeps what was written', async () => {
    const path = tempDbPath();
    const where = channel();
    const first = await openSqliteStore(path);
    const d = debate(where, 'alice');
    await first.createDebate(d);
    await first.claimRequest('req-1', T0);
    await first.close();

    const second = await openSqliteStore(path);
    expect(await second.activeDebate(where, 'alice')).toEqual(d);
    expect(await second.claimRequest('req-1', T0)).toBe(false);
    await second.close();
  });
});

// Postgres runs the same contract when a server is reachable (TEST_DATABASE_URL, else the local default).
await describePostgres('Postgres', () => {
  let database: Promise<{ url: string; drop: () => Promise<void> }> | null = null;
  const open = async () => {
    database ??= freshDatabase();
    return openPostgresStore((await database).url, { maxConnections: 4 });
  };
  storeContract('Postgres', open);
  sharedDatabaseContract('Postgres', async () => [await open(), await open()]);

  it('replaces a connection the server ends (a restart, a failover) instead of crashing the process', async () => {
    const store = await open();
    await store.claimRequest(unique('req'), T0); // leaves an idle connection in the pool
    const admin = new pg.Client({ connectionString: (await database!).url });
    await admin.connect();
    const ended = await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    await admin.end();
    expect(ended.rowCount).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100)); // the idle connection hears of it
    expect(await store.claimRequest(unique('req'), T0)).toBe(true);
    await store.close();
  });
  it('makes an answer that reads its quiz while an advance is in flight wait for it, then refuses the answer', async () => {
    // Postgres reads each statement's rows from a snapshot: without a lock on the quiz row, the
    // answer would read "still on question 1" and land after the reveal had moved on.
    const store = await open();
    const q = quiz(channel());
    await store.createQuiz(q);
    const mover = new pg.Client({ connectionString: (await database!).url });
    await mover.connect();
    try {
      await mover.query('begin');
      await mover.query(`update quizzes set "current" = 1 where id = $1`, [q.id]);
      const answering = store.recordAnswer(answer(q.id, 'alice'));
      await until(async () => (await mover.query(
        `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into "quiz_answers"%'`,
      )).rowCount, 30_000, 'the answer waiting for the quiz row');
      await mover.query('commit');
      expect(await answering).toBe(false);
      expect(await store.answersFor(q.id)).toEqual([]);
    } finally {
      await mover.end();
      await store.close();
    }
  });
  it('reads a table through its prepared statements after another instance added a column to it', async () => {
    // Statements are prepared once per connection; Postgres refuses to run a prepared `select *`
    // whose columns changed ("cached plan must not change result type"), as after a newer instance migrated.
    const own = await freshDatabase();
    const store = await openPostgresStore(own.url, { maxConnections: 1 });
    try {
      const q = quiz(channel());
      await store.createQuiz(q);
      expect(await store.getQuiz(q.id)).toEqual(q);
      const admin = new pg.Client({ connectionString: own.url });
      await admin.connect();
      await admin.query('alter table quizzes add column added_later text');
      await admin.end();
      expect(await store.getQuiz(q.id)).toEqual(q);
      expect(await store.getQuiz(q.id)).toEqual(q);
    } finally {
      await store.close();
      await own.drop();
    }
  });
  afterAll(async () => {
    if (database) await (await database).drop();
  });
});
