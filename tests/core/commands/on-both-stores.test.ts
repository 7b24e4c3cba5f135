import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BaseContext, Services } from '../../../src/core/context.js';
import type { Store } from '../../../src/core/store/store.js';
import { claimDelivery } from '../../../src/core/claim.js';
import { runText } from '../../../src/core/dispatch.js';
import { createServices } from '../../../src/core/services.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { openPostgresStore } from '../../../src/store/postgres.js';
import { contextFor, seededRandom, shippedPack, tempDbPath, testClock } from '../../support/core.js';
import { describePostgres, freshDatabase } from '../../support/postgres.js';
import { plain } from '../../support/replies.js';

/**
 * The commands whose writes each store does its own way (one statement on Postgres, back to back on
 * SQLite): /debate start, reply and end, /quiz start, /prompt now and the leaderboard, run through the
 * dispatcher on both stores, and a request delivered twice, which has one effect on either.
 */
function commandsOn(name: string, open: () => Promise<Store>): void {
  describe(`commands on ${name}`, () => {
    let services: Services;
    let alice: BaseContext;
    const clock = testClock();
    beforeEach(async () => {
      const { pack, matcher } = await shippedPack();
      services = createServices({ pack, matcher, store: await open(), now: clock.now, random: seededRandom() });
      alice = contextFor(services, 'alice', `chan-${Math.random().toString(36).slice(2)}`, { user: { id: 'alice', name: 'Alice' } });
    });
    afterEach(async () => {
      await services.store.close();
    });
    /** As an adapter runs a request: claimed first, run only when this delivery won. */
    const deliver = async (key: string, command: string, text: string) =>
      ((await claimDelivery(services, key)) === 'won' ? runText(alice, command, text) : null);

    it('starts one debate per person per channel, remembering the name, and ends it once with its recap', async () => {
      const key = `debate-${Math.random()}`;
      const [first, again] = await Promise.all([deliver(key, 'debate', 'start side:for'), deliver(key, 'debate', 'start side:for')]);
      expect([first, again].filter((r) => r === null)).toHaveLength(1);
      expect(plain(first ?? again!)).toContain('My opening point');
      const debate = await services.store.activeDebate(alice, 'alice');
      expect(debate).not.toBeNull();
      expect(plain(await runText(alice, 'debate', 'start side:against'))).toContain('You already have a debate running in this channel');
      expect((await services.store.exportDebates({ serverId: alice.serverId, channelId: alice.channelId })).map((r) => r.userName)).toEqual(['Alice']);
      // A reply is read against the debate, and keeps the name the person goes by now.
      const replied = await runText({ ...alice, user: { id: 'alice', name: 'Alice K.' } }, 'debate', 'reply what about pizza');
      expect(plain(replied)).not.toContain('There is no debate running');
      expect((await services.store.exportDebates({ serverId: alice.serverId, channelId: alice.channelId })).map((r) => r.userName)).toEqual(['Alice K.']);

      const endKey = `end-${Math.random()}`;
      const ends = await Promise.all([deliver(endKey, 'debate', 'end'), deliver(endKey, 'debate', 'end')]);
      expect(ends.filter((r) => r === null)).toHaveLength(1);
      expect(plain(ends.find((r) => r !== null)!)).toContain('Debate recap');
      expect(await services.store.getDebate(debate!.id)).toMatchObject({ status: 'ended' });
      expect(plain(await runText(alice, 'debate', 'end'))).toContain('There is no debate running for you here');
    });

    it('starts one solo quiz, and offers the running one on a second start', async () => {
      const key = `quiz-${Math.random()}`;
      const starts = await Promise.all([deliver(key, 'quiz', 'start questions:2'), deliver(key, 'quiz', 'start questions:2')]);
      expect(starts.filter((r) => r === null)).toHaveLength(1);
      const running = await services.store.activeSoloQuiz(alice, 'alice');
      expect(running?.questions).toHaveLength(2);
      expect(plain(await runText(alice, 'quiz', 'start questions:3'))).toContain('You already have a solo quiz running (question 1 of 2)');
      expect((await services.store.activeSoloQuiz(alice, 'alice'))?.id).toBe(running!.id);
    });

    it('posts one prompt per request and closes the channel’s earlier one as the next posts', async () => {
      const key = `prompt-${Math.random()}`;
      const posts = await Promise.all([deliver(key, 'prompt', 'now'), deliver(key, 'prompt', 'now')]);
      expect(posts.filter((r) => r === null)).toHaveLength(1);
      const firstPostChoice = JSON.stringify(posts.find((r) => r !== null));
      const firstId = /vote:([^:"]+):agree/.exec(firstPostChoice)?.[1];
      expect(await services.store.getPromptPost(firstId!)).toMatchObject({ closesAt: null, closedAt: null });
      clock.advance(1000);
      await runText(alice, 'prompt', 'now');
      expect(await services.store.getPromptPost(firstId!)).toMatchObject({ closesAt: clock.now().getTime(), closedAt: null });
    });

    it('shows each person on the leaderboard under the name they answered with last', async () => {
      const quiz = { id: `q-${Math.random()}`, ...alice, starterId: 'alice', mode: 'solo' as const, questions: [{ id: services.pack.quiz[0]!.id, order: [0, 1, 2, 3] }], current: 0, status: 'active' as const, deadline: null, seconds: null, reveal: 'each' as const, createdAt: clock.now().getTime() };
      await services.store.createQuiz(quiz);
      const base = { quizId: quiz.id, question: 0, questionId: quiz.questions[0]!.id, userId: 'alice', option: 0, correct: true, counted: false };
      await services.store.recordAnswer({ ...base, userName: 'Alice', answeredAt: clock.now().getTime() });
      await services.store.scoreAnswer(quiz.id, 0, 'alice');
      await services.store.advanceQuiz(quiz.id, 0, 'finished', null);
      const retake = { ...quiz, id: `q-${Math.random()}` };
      await services.store.createQuiz(retake);
      await services.store.recordAnswer({ ...base, quizId: retake.id, userName: 'Alice K.', answeredAt: clock.now().getTime() + 1 });
      expect(plain(await runText(alice, 'quiz', 'leaderboard all'))).toContain('🥇 Alice K. — 1 point · 1 answered');
    });
  });
}

commandsOn('SQLite', () => openSqliteStore(tempDbPath()));

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
});
await describePostgres('Postgres', () => {
  commandsOn('Postgres', async () => {
    const db = await freshDatabase();
    drops.push(db.drop);
    return openPostgresStore(db.url, { maxConnections: 4 });
  });
});
