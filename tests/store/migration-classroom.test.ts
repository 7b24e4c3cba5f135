import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as initial from '../../src/store/migrations/001-initial.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { tempDbPath } from '../support/core.js';

/**
 * A database written before quizzes scored once per question and prompts closed: the migration
 * names each old answer's question, scores each person's first answer to it, and closes all but
 * each channel's newest prompt, so nothing is lost and no result is posted for old prompts.
 */
describe('migrating a database from before classroom results', () => {
  it('scores each person’s first answer to a question, keeps every answer, and leaves only the newest prompt open', async () => {
    const path = tempDbPath();
    const old = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(path) }) });
    const { error } = await new Migrator({ db: old, provider: { getMigrations: async () => ({ '001-initial': initial }) } }).migrateToLatest();
    expect(error).toBeUndefined();
    const quiz = (id: string, questions: string[], at: number) => ({
      id, platform: 'discord', server_id: 'g1', channel_id: 'c1', starter_id: 'alice', mode: 'solo',
      questions: JSON.stringify(questions.map((q) => ({ id: q, order: [0, 1, 2, 3] }))), current: 0, status: 'finished', deadline: null, created_at: at,
    });
    await old.insertInto('quizzes').values([quiz('first', ['qa', 'qb'], 1), quiz('retake', ['qb', 'qa'], 100)]).execute();
    const answer = (quizId: string, question: number, correct: number, at: number, user = 'alice') => ({
      quiz_id: quizId, question, user_id: user, user_name: user.toUpperCase(), option: 0, correct, answered_at: at, server_id: 'g1', platform: 'discord',
    });
    await old.insertInto('quiz_answers').values([
      answer('first', 0, 1, 2), answer('first', 1, 0, 3), answer('retake', 0, 1, 101), answer('retake', 1, 1, 102), answer('retake', 0, 1, 103, 'bob'),
    ]).execute();
    const post = (id: string, channel: string, at: number) => ({
      id, platform: 'discord', server_id: 'g1', channel_id: channel, prompt_id: 'p', schedule_id: null, slot: null, message_id: null, created_at: at,
    });
    await old.insertInto('prompt_posts').values([post('p1', 'c1', 1), post('p2', 'c1', 2), post('p3', 'c2', 1)]).execute();
    await old.insertInto('votes').values({ post_id: 'p1', user_id: 'alice', vote: 'agree', updated_at: 1 }).execute();
    await old.destroy();

    const store = await openSqliteStore(path);
    expect(await store.leaderboard({ platform: 'discord', serverId: 'g1', season: 1, since: 0, limit: 10 })).toEqual([
      { userId: 'bob', userName: 'BOB', points: 1, answered: 1 },
      { userId: 'alice', userName: 'ALICE', points: 1, answered: 2 },
    ]);
    expect((await store.answersFor('retake')).map((a) => [a.questionId, a.userId, a.counted])).toEqual([['qb', 'alice', false], ['qa', 'alice', false], ['qb', 'bob', true]]);
    expect((await store.answersFor('first')).map((a) => a.counted)).toEqual([true, true]);
    expect(await store.getPromptPost('p1')).toMatchObject({ closedAt: 1 });
    expect(await store.getPromptPost('p2')).toMatchObject({ closedAt: null });
    expect(await store.getPromptPost('p3')).toMatchObject({ closedAt: null });
    expect(await store.tally('p1')).toEqual({ agree: 1, disagree: 0, unsure: 0 });
    // A solo quiz can now run beside a channel quiz in the same channel.
    expect(await store.createQuiz({
      id: 'solo', platform: 'discord', serverId: 'g1', channelId: 'c1', starterId: 'carol', mode: 'solo', questions: [], current: 0,
      status: 'active', deadline: null, seconds: null, reveal: 'each', createdAt: 200,
    })).not.toBeNull();
    expect(await store.createQuiz({
      id: 'chan', platform: 'discord', serverId: 'g1', channelId: 'c1', starterId: 'dan', mode: 'channel', questions: [], current: 0,
      status: 'active', deadline: 300, seconds: null, reveal: 'each', createdAt: 200,
    })).not.toBeNull();
    await store.close();
  });
});
