import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';
import type { Actor } from '../../core/context.js';
import type { ChannelRef, QuizMode, Vote } from '../../core/store/records.js';
import type { DebateExportRow, ExportFilter, QuizAnswerExportRow, VoteExportRow } from '../../core/store/results-store.js';
import { num, numOrNull } from './rows.js';
import { seasonAt } from './quizzes.js';
import { toRecord as debateRecord } from './debates.js';
import { prepared } from './prepared.js';
import { personArgs, rememberOn } from './people.js';

type Platform = ChannelRef['platform'];

/** Reads for the teacher's exports: one flat row per answer, vote or debate, oldest first. */
export function resultsQueries(db: Kysely<Tables>) {
  // Run on every quiz answer and debate: built and compiled once (prepared.ts).
  const remember = prepared(db, (db) => rememberOn(db).compile());
  return {
    async rememberPerson(where: ChannelRef, person: Actor, now: number) {
      await remember.run(personArgs(where, person, now));
    },
    async exportQuizAnswers(filter: ExportFilter): Promise<QuizAnswerExportRow[]> {
      let q = db.selectFrom('quiz_answers as a').innerJoin('quizzes as q', 'q.id', 'a.quiz_id')
        .leftJoin('quiz_scores as s', (j) => j.onRef('s.quiz_id', '=', 'a.quiz_id').onRef('s.question', '=', 'a.question').onRef('s.user_id', '=', 'a.user_id'))
        .select([
          'a.quiz_id', 'a.question', 'a.question_id', 'a.user_id', 'a.user_name', 'a.option', 'a.correct', 'a.answered_at',
          'q.platform', 'q.server_id', 'q.channel_id', 'q.mode', 'q.questions', 'q.created_at', 's.quiz_id as scored_quiz',
          seasonAt('q.platform', 'q.server_id', 'a.answered_at').as('season'),
        ]);
      if (filter.platform) q = q.where('q.platform', '=', filter.platform);
      if (filter.serverId) q = q.where('q.server_id', '=', filter.serverId);
      if (filter.channelId) q = q.where('q.channel_id', '=', filter.channelId);
      if (filter.since !== undefined) q = q.where('a.answered_at', '>=', filter.since);
      const rows = await q.orderBy('a.answered_at').orderBy('a.quiz_id').orderBy('a.question').orderBy('a.user_id').execute();
      return rows.map((r) => {
        const questions = JSON.parse(r.questions) as { id: string; order: number[] }[];
        const asked = questions[num(r.question)];
        return {
          platform: r.platform as Platform, serverId: r.server_id, channelId: r.channel_id, quizId: r.quiz_id,
          mode: r.mode as QuizMode, quizStartedAt: num(r.created_at), season: numOrNull(r.season), question: num(r.question),
          questionId: r.question_id ?? asked?.id ?? null, userId: r.user_id, userName: r.user_name, option: num(r.option),
          order: asked?.order ?? [], correct: num(r.correct) === 1, counted: r.scored_quiz !== null, answeredAt: num(r.answered_at),
        };
      });
    },
    async exportVotes(filter: ExportFilter): Promise<VoteExportRow[]> {
      let q = db.selectFrom('votes as v').innerJoin('prompt_posts as p', 'p.id', 'v.post_id')
        .select(['v.post_id', 'v.user_id', 'v.user_name', 'v.vote', 'v.updated_at', 'p.platform', 'p.server_id', 'p.channel_id',
          'p.prompt_id', 'p.schedule_id', 'p.created_at', 'p.closed_at']);
      if (filter.platform) q = q.where('p.platform', '=', filter.platform);
      if (filter.serverId) q = q.where('p.server_id', '=', filter.serverId);
      if (filter.channelId) q = q.where('p.channel_id', '=', filter.channelId);
      if (filter.since !== undefined) q = q.where('p.created_at', '>=', filter.since);
      const rows = await q.orderBy('p.created_at').orderBy('p.id').orderBy('v.updated_at').orderBy('v.user_id').execute();
      return rows.map((r) => ({
        platform: r.platform as Platform, serverId: r.server_id, channelId: r.channel_id, postId: r.post_id, promptId: r.prompt_id,
        scheduleId: r.schedule_id, postedAt: num(r.created_at), closedAt: numOrNull(r.closed_at), userId: r.user_id,
        userName: r.user_name, vote: r.vote as Vote, votedAt: num(r.updated_at),
      }));
    },
    async exportDebates(filter: ExportFilter): Promise<DebateExportRow[]> {
      let q = db.selectFrom('debates as d')
        .leftJoin('people as pe', (j) => j.onRef('pe.platform', '=', 'd.platform').onRef('pe.server_id', '=', 'd.server_id').onRef('pe.user_id', '=', 'd.user_id'))
        .selectAll('d').select('pe.name as user_name');
      if (filter.platform) q = q.where('d.platform', '=', filter.platform);
      if (filter.serverId) q = q.where('d.server_id', '=', filter.serverId);
      if (filter.channelId) q = q.where('d.channel_id', '=', filter.channelId);
      if (filter.since !== undefined) q = q.where('d.created_at', '>=', filter.since);
      const rows = await q.orderBy('d.created_at').orderBy('d.id').execute();
      return rows.map((r) => ({ ...debateRecord(r), userName: r.user_name ?? null }));
    },
    async lastDebate(where: ChannelRef, userId: string) {
      const row = await db.selectFrom('debates').selectAll().where('platform', '=', where.platform).where('server_id', '=', where.serverId)
        .where('user_id', '=', userId).orderBy('updated_at', 'desc').orderBy('created_at', 'desc').executeTakeFirst();
      return row ? debateRecord(row) : null;
    },
  };
}
