import type { Kysely, Selectable } from 'kysely';
import type { Tables } from './tables.js';
import type { ChannelRef, LeaderboardRow, QuizAnswer, QuizRecord } from '../../core/store/records.js';
import { inserted, num, numOrNull, updated } from './rows.js';
import type { Exclusive } from '../kysely-store.js';

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

export function quizQueries(db: Kysely<Tables>, exclusive: Exclusive) {
  return {
    async createQuiz(q: QuizRecord) {
      const res = await db.insertInto('quizzes').values({
        id: q.id, platform: q.platform, server_id: q.serverId, channel_id: q.channelId, starter_id: q.starterId,
        mode: q.mode, questions: JSON.stringify(q.questions), current: q.current, status: q.status,
        deadline: q.deadline, created_at: q.createdAt,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return inserted(res) ? q : null;
    },
    async activeQuiz(where: ChannelRef) {
      const row = await db.selectFrom('quizzes').selectAll().where('platform', '=', where.platform)
        .where('channel_id', '=', where.channelId).where('status', '=', 'active').executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async getQuiz(id: string) {
      const row = await db.selectFrom('quizzes').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async advanceQuiz(id: string, from: number, to: number | 'finished', deadline: number | null) {
      const set = to === 'finished' ? { status: 'finished', deadline: null } : { current: to, deadline };
      return exclusive(db, `quiz:${id}`, async (db) => {
        const res = await db.updateTable('quizzes').set(set)
          .where('id', '=', id).where('current', '=', from).where('status', '=', 'active').executeTakeFirst();
        return updated(res);
      });
    },
    async stopQuiz(id: string) {
      const res = await db.updateTable('quizzes').set({ status: 'stopped', deadline: null })
        .where('id', '=', id).where('status', '=', 'active').executeTakeFirst();
      return updated(res);
    },
    async dueQuizzes(platform: string, now: number) {
      const rows = await db.selectFrom('quizzes').selectAll().where('platform', '=', platform)
        .where('status', '=', 'active').where('deadline', 'is not', null).where('deadline', '<=', now)
        .orderBy('deadline').execute();
      return rows.map(toRecord);
    },
    async nextQuizDeadline(platform: string) {
      const row = await db.selectFrom('quizzes').select((eb) => eb.fn.min('deadline').as('next'))
        .where('platform', '=', platform).where('status', '=', 'active').executeTakeFirst();
      return row?.next == null ? null : num(row.next as number);
    },
    async recordAnswer(a: QuizAnswer) {
      // One statement inserts the answer only while its quiz is running and on that question, so an
      // answer cannot land after the reveal has moved on; on Postgres `exclusive` also orders it
      // against advanceQuiz for the same quiz (see each backend's Exclusive).
      return exclusive(db, `quiz:${a.quizId}`, async (db) => {
        const res = await db.insertInto('quiz_answers')
          .columns(['quiz_id', 'question', 'user_id', 'user_name', 'option', 'correct', 'answered_at', 'server_id', 'platform'])
          .expression(db.selectFrom('quizzes').select((eb) => [
            eb.val(a.quizId).as('quiz_id'), eb.val(a.question).as('question'), eb.val(a.userId).as('user_id'),
            eb.val(a.userName).as('user_name'), eb.val(a.option).as('option'), eb.val(a.correct ? 1 : 0).as('correct'),
            eb.val(a.answeredAt).as('answered_at'), 'server_id', 'platform',
          ]).where('id', '=', a.quizId).where('status', '=', 'active').where('current', '=', a.question))
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        return inserted(res);
      });
    },
    async answersFor(quizId: string, question?: number) {
      let q = db.selectFrom('quiz_answers').selectAll().where('quiz_id', '=', quizId);
      if (question !== undefined) q = q.where('question', '=', question);
      return (await q.orderBy('answered_at').execute()).map(toAnswer);
    },
    async leaderboard(platform: string, serverId: string, since: number, limit: number): Promise<LeaderboardRow[]> {
      const rows = await db.selectFrom('quiz_answers')
        .select((eb) => [
          'user_id',
          eb.fn.max('user_name').as('user_name'),
          eb.fn.sum<number | string>('correct').as('correct'),
          eb.fn.countAll<number | string>().as('answered'),
        ])
        .where('platform', '=', platform).where('server_id', '=', serverId).where('answered_at', '>=', since)
        .groupBy('user_id')
        .orderBy('correct', 'desc').orderBy('answered', 'asc').orderBy('user_id')
        .limit(limit).execute();
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
