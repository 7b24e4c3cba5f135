import type { Kysely, Selectable } from 'kysely';
import type { Tables } from './tables.js';
import type { ChannelRef, LeaderboardRow, QuizAnswer, QuizRecord } from '../../core/store/records.js';
import { affected, num, numOrNull } from './rows.js';
import { arg, prepared } from './prepared.js';
import type { Backend } from '../kysely-store.js';

type Row = Selectable<Tables['quizzes']>;

function toRecord(r: Row): QuizRecord {
  return {
    id: r.id, platform: r.platform as QuizRecord['platform'], serverId: r.server_id, channelId: r.channel_id,
    starterId: r.starter_id, mode: r.mode as QuizRecord['mode'], questions: JSON.parse(r.questions) as QuizRecord['questions'],
    current: num(r.current), status: r.status as QuizRecord['status'], deadline: numOrNull(r.deadline),
    createdAt: num(r.created_at),
  };
}

function toAnswer(r: Selectable<Tables['quiz_answers']>): QuizAnswer {
  return {
    quizId: r.quiz_id, question: num(r.question), userId: r.user_id, userName: r.user_name,
    option: num(r.option), correct: num(r.correct) === 1, answeredAt: num(r.answered_at),
  };
}

export function quizQueries(db: Kysely<Tables>, backend: Backend) {
  const create = prepared(db, (db) => db.insertInto('quizzes').values({
    id: arg('id'), platform: arg('platform'), server_id: arg('serverId'), channel_id: arg('channelId'), starter_id: arg('starterId'),
    mode: arg('mode'), questions: arg('questions'), current: arg<number>('current'), status: arg('status'),
    deadline: arg<number | null>('deadline'), created_at: arg<number>('createdAt'),
  }).onConflict((oc) => oc.doNothing()).compile());
  const active = prepared(db, (db) => db.selectFrom('quizzes').selectAll().where('platform', '=', arg('platform'))
    .where('channel_id', '=', arg('channelId')).where('status', '=', 'active').compile());
  const byId = prepared(db, (db) => db.selectFrom('quizzes').selectAll().where('id', '=', arg('id')).compile());
  // A conditional update: of two processes moving the same quiz on, the second finds it moved and
  // changes nothing (on Postgres it waits for the first's row lock, then re-reads the row).
  const moveTo = prepared(db, (db) => db.updateTable('quizzes').set({ current: arg<number>('to'), deadline: arg<number | null>('deadline') })
    .where('id', '=', arg('id')).where('current', '=', arg<number>('from')).where('status', '=', 'active').compile());
  const finish = prepared(db, (db) => db.updateTable('quizzes').set({ status: 'finished', deadline: null })
    .where('id', '=', arg('id')).where('current', '=', arg<number>('from')).where('status', '=', 'active').compile());
  const stop = prepared(db, (db) => db.updateTable('quizzes').set({ status: 'stopped', deadline: null })
    .where('id', '=', arg('id')).where('status', '=', 'active').compile());
  const due = prepared(db, (db) => db.selectFrom('quizzes').selectAll().where('platform', '=', arg('platform'))
    .where('status', '=', 'active').where('deadline', 'is not', null).where('deadline', '<=', arg<number>('now'))
    .orderBy('deadline').compile());
  const nextDeadline = prepared(db, (db) => db.selectFrom('quizzes').select((eb) => eb.fn.min('deadline').as('next'))
    .where('platform', '=', arg('platform')).where('status', '=', 'active').compile());
  // One statement inserts the answer only while its quiz is running and on that question, so an
  // answer cannot land after the reveal has moved on. On Postgres the quiz row it reads is locked
  // FOR SHARE: a reveal moving the quiz on waits for the answer, or the answer waits for the reveal
  // and then finds the quiz moved; so every answer a reveal counts is in before it reads them.
  const answer = prepared(db, (db) => {
    const quiz = db.selectFrom('quizzes').select((eb) => [
      eb.val(arg('quizId')).as('quiz_id'), eb.val(arg<number>('question')).as('question'), eb.val(arg('userId')).as('user_id'),
      eb.val(arg('userName')).as('user_name'), eb.val(arg<number>('option')).as('option'), eb.val(arg<number>('correct')).as('correct'),
      eb.val(arg<number>('answeredAt')).as('answered_at'), 'server_id', 'platform',
    ]).where('id', '=', arg('quizId')).where('status', '=', 'active').where('current', '=', arg<number>('question'));
    return db.insertInto('quiz_answers')
      .columns(['quiz_id', 'question', 'user_id', 'user_name', 'option', 'correct', 'answered_at', 'server_id', 'platform'])
      .expression(backend.dialect === 'postgres' ? quiz.forShare() : quiz)
      .onConflict((oc) => oc.doNothing())
      .compile();
  });
  const answers = prepared(db, (db) => db.selectFrom('quiz_answers').selectAll().where('quiz_id', '=', arg('quizId')).orderBy('answered_at').compile());
  const answersTo = prepared(db, (db) => db.selectFrom('quiz_answers').selectAll().where('quiz_id', '=', arg('quizId'))
    .where('question', '=', arg<number>('question')).orderBy('answered_at').compile());
  const board = prepared(db, (db) => db.selectFrom('quiz_answers')
    .select((eb) => [
      'user_id',
      eb.fn.max('user_name').as('user_name'),
      eb.fn.sum<number | string>('correct').as('correct'),
      eb.fn.countAll<number | string>().as('answered'),
    ])
    .where('platform', '=', arg('platform')).where('server_id', '=', arg('serverId')).where('answered_at', '>=', arg<number>('since'))
    .groupBy('user_id')
    .orderBy('correct', 'desc').orderBy('answered', 'asc').orderBy('user_id')
    .limit(arg<number>('limit')).compile());

  return {
    async createQuiz(q: QuizRecord) {
      const res = await create.run({
        id: q.id, platform: q.platform, serverId: q.serverId, channelId: q.channelId, starterId: q.starterId,
        mode: q.mode, questions: JSON.stringify(q.questions), current: q.current, status: q.status,
        deadline: q.deadline, createdAt: q.createdAt,
      });
      return affected(res) ? q : null;
    },
    async activeQuiz(where: ChannelRef) {
      const row = (await active.run({ platform: where.platform, channelId: where.channelId })).rows[0];
      return row ? toRecord(row) : null;
    },
    async getQuiz(id: string) {
      const row = (await byId.run({ id })).rows[0];
      return row ? toRecord(row) : null;
    },
    async advanceQuiz(id: string, from: number, to: number | 'finished', deadline: number | null) {
      return affected(await (to === 'finished' ? finish.run({ id, from }) : moveTo.run({ id, from, to, deadline })));
    },
    async stopQuiz(id: string) {
      return affected(await stop.run({ id }));
    },
    async dueQuizzes(platform: string, now: number) {
      return (await due.run({ platform, now })).rows.map(toRecord);
    },
    async nextQuizDeadline(platform: string) {
      const row = (await nextDeadline.run({ platform })).rows[0];
      return row?.next == null ? null : num(row.next as number);
    },
    async recordAnswer(a: QuizAnswer) {
      return affected(await answer.run({
        quizId: a.quizId, question: a.question, userId: a.userId, userName: a.userName, option: a.option,
        correct: a.correct ? 1 : 0, answeredAt: a.answeredAt,
      }));
    },
    async answersFor(quizId: string, question?: number) {
      const res = question === undefined ? await answers.run({ quizId }) : await answersTo.run({ quizId, question });
      return res.rows.map(toAnswer);
    },
    async leaderboard(platform: string, serverId: string, since: number, limit: number): Promise<LeaderboardRow[]> {
      const rows = (await board.run({ platform, serverId, since, limit })).rows;
      // Show each person under the name they used last (people rename themselves mid-term).
      const latest = new Map<string, string>();
      if (rows.length > 0) {
        const names = await db.selectFrom('quiz_answers').select(['user_id', 'user_name'])
          .where('platform', '=', platform).where('server_id', '=', serverId)
          .where('user_id', 'in', rows.map((r) => r.user_id))
          .orderBy('answered_at', 'desc').execute();
        for (const n of names) if (!latest.has(n.user_id)) latest.set(n.user_id, n.user_name);
      }
      return rows.map((r) => ({
        userId: r.user_id, userName: latest.get(r.user_id) ?? String(r.user_name), correct: num(r.correct), answered: num(r.answered),
      }));
    },
  };
}
