import { sql, type Kysely, type QueryCreator, type RawBuilder, type Selectable } from 'kysely';
import type { Tables } from './tables.js';
import type { ChannelRef, LeaderboardQuery, LeaderboardRow, QuizAnswer, QuizRecord, SeasonRecord } from '../../core/store/records.js';
import { clickOutcome, type QuizClick, type RightOptions } from '../../core/store/quiz-click.js';
import { ACTIVE, affected, inserted, num, numOrNull, updated } from './rows.js';
import type { Backend } from '../kysely-store.js';
import { arg, prepared, shared } from './prepared.js';

type Row = Selectable<Tables['quizzes']>;

/** A quiz row's columns, for a statement whose source has more (the click's reads its question's entry too). */
const QUIZ_COLUMNS = ['id', 'platform', 'server_id', 'channel_id', 'starter_id', 'mode', 'questions', 'current', 'status', 'deadline', 'created_at', 'seconds', 'reveal'] as const satisfies readonly (keyof Row)[];

interface BoardRow {
  user_id: string;
  user_name: string | null;
  points: number | string;
  answered: number | string;
  last_name: string | null;
}

const boardRows = (rows: BoardRow[]): LeaderboardRow[] => rows.map((r) => ({
  userId: r.user_id, userName: r.last_name ?? String(r.user_name), points: num(r.points), answered: num(r.answered),
}));

function toRecord(r: Row): QuizRecord {
  return {
    id: r.id, platform: r.platform as QuizRecord['platform'], serverId: r.server_id, channelId: r.channel_id,
    starterId: r.starter_id, mode: r.mode as QuizRecord['mode'], questions: JSON.parse(r.questions) as QuizRecord['questions'],
    current: num(r.current), status: r.status as QuizRecord['status'], deadline: numOrNull(r.deadline),
    seconds: numOrNull(r.seconds), reveal: r.reveal === 'end' ? 'end' : 'each', createdAt: num(r.created_at),
  };
}

function toAnswer(r: Selectable<Tables['quiz_answers']> & { scored_quiz: string | null }): QuizAnswer {
  return {
    quizId: r.quiz_id, question: num(r.question), questionId: r.question_id ?? '', userId: r.user_id, userName: r.user_name,
    option: num(r.option), correct: num(r.correct) === 1, answeredAt: num(r.answered_at), counted: r.scored_quiz !== null,
  };
}

/** A recorded answer's values, as the prepared answer statements take them. */
const answerArgs = (a: QuizAnswer) => ({
  quizId: a.quizId, question: a.question, questionId: a.questionId, userId: a.userId, userName: a.userName,
  option: a.option, correct: a.correct ? 1 : 0, answeredAt: a.answeredAt,
});

/** The season an answer given at `answeredAt` (a column reference) belongs to: the last one started by then, else 1. */
export function seasonAt(platform: string, serverId: string, answeredAt: string) {
  return sql<number>`coalesce((select max(s.number) from quiz_seasons s where s.platform = ${sql.ref(platform)} and s.server_id = ${sql.ref(serverId)} and s.started_at <= ${sql.ref(answeredAt)}), 1)`;
}

export function quizQueries(db: Kysely<Tables>, { dialect }: Backend) {
  const activeOf = (where: ChannelRef) => db.selectFrom('quizzes').selectAll()
    .where('platform', '=', where.platform).where('status', '=', 'active');
  // The statements a quiz start and an answer run, built and compiled once (prepared.ts).
  const create = prepared(db, (db) => db.insertInto('quizzes').values({
    id: arg('id'), platform: arg('platform'), server_id: arg('serverId'), channel_id: arg('channelId'), starter_id: arg('starterId'),
    mode: arg('mode'), questions: arg('questions'), current: arg<number>('current'), status: arg('status'),
    deadline: arg<number | null>('deadline'), seconds: arg<number | null>('seconds'), reveal: arg('reveal'), created_at: arg<number>('createdAt'),
  }).onConflict((oc) => oc.doNothing()).compile());
  const activeChannel = prepared(db, (db) => db.selectFrom('quizzes').selectAll().where('platform', '=', arg('platform'))
    .where('status', '=', ACTIVE).where('mode', '=', sql.lit('channel')).where('channel_id', '=', arg('channelId')).compile());
  const activeSolo = prepared(db, (db) => db.selectFrom('quizzes').selectAll().where('platform', '=', arg('platform'))
    .where('status', '=', ACTIVE).where('mode', '=', sql.lit('solo')).where('server_id', '=', arg('serverId'))
    .where('starter_id', '=', arg('userId')).compile());
  const byId = prepared(db, (db) => db.selectFrom('quizzes').selectAll().where('id', '=', arg('id')).compile());
  const advanceTo = (set: { current?: number; status?: string; deadline: number | null }) => prepared(db, (db) =>
    db.updateTable('quizzes').set(set)
      .where('id', '=', arg('id')).where('current', '=', arg<number>('from')).where('status', '=', 'active').compile());
  const advance = advanceTo({ current: arg<number>('to'), deadline: arg<number | null>('deadline') });
  const finish = advanceTo({ status: 'finished', deadline: null });
  const answerOf = shared(() => db.selectFrom('quizzes').select((eb) => [
    eb.val(arg('quizId')).as('quiz_id'), eb.val(arg<number>('question')).as('question'), eb.val(arg('questionId')).as('question_id'),
    eb.val(arg('userId')).as('user_id'), eb.val(arg('userName')).as('user_name'), eb.val(arg<number>('option')).as('option'),
    eb.val(arg<number>('correct')).as('correct'), eb.val(arg<number>('answeredAt')).as('answered_at'), 'server_id', 'platform', 'channel_id',
  ]).where('id', '=', arg('quizId')).where('status', '=', 'active').where('current', '=', arg<number>('question')));
  const answerInsert = (db: QueryCreator<Tables>) => db.insertInto('quiz_answers')
    .columns(['quiz_id', 'question', 'question_id', 'user_id', 'user_name', 'option', 'correct', 'answered_at', 'server_id', 'platform', 'channel_id'])
    .expression(dialect === 'postgres' ? answerOf().forShare() : answerOf())
    .onConflict((oc) => oc.doNothing());
  const answer = prepared(db, (db) => answerInsert(db).compile());
  // A score row from an answer row `a` (read from quiz_answers, or on Postgres from the answer just inserted).
  // The key (server, season, person, pack question) lets only the first answer in; the update that
  // does nothing makes the statement return the row when it is this answer's own (a repeat).
  const scoreColumns = ['platform', 'server_id', 'season', 'user_id', 'question_id', 'quiz_id', 'question', 'channel_id', 'user_name', 'correct', 'answered_at'] as const;
  const scoreSelect = shared(() => sql`a.platform, a.server_id, ${seasonAt('a.platform', 'a.server_id', 'a.answered_at')}, a.user_id, a.question_id, a.quiz_id,
    a.question, coalesce(a.channel_id, ''), a.user_name, a.correct, a.answered_at`);
  const scoreInsert = (db: QueryCreator<Tables>) => db.insertInto('quiz_scores').columns(scoreColumns)
    .onConflict((oc) => oc.columns(['platform', 'server_id', 'season', 'user_id', 'question_id'])
      .doUpdateSet((eb) => ({ quiz_id: eb.ref('quiz_scores.quiz_id') }))
      .where((eb) => eb.and([eb('quiz_scores.quiz_id', '=', eb.ref('excluded.quiz_id')), eb('quiz_scores.question', '=', eb.ref('excluded.question'))])))
    .returning('quiz_id');
  const score = prepared(db, (db) => scoreInsert(db)
    .expression(sql`select ${scoreSelect()} from quiz_answers a
      where a.quiz_id = ${arg('quizId')} and a.question = ${arg<number>('question')} and a.user_id = ${arg('userId')} and a.question_id is not null`)
    .compile());
  // On Postgres a click is one statement: it reads the quiz row (FOR SHARE, as recordAnswer's insert
  // does), inserts the answer when the click may answer it (clickOutcome's checks, in SQL), and the
  // score's insert reads the answer's row from the insert's RETURNING (a data-modifying CTE), so
  // answer and score land together or neither does. It returns the quiz row as read.
  // The quiz's JSON is parsed once (`entry`, the question clicked) and the rights once (`r.right_option`),
  // each as json, which reads the text where it is asked (jsonb first converted all of the rights,
  // 0.013 against 0.005 ms here); the row handed back leaves `entry` out.
  const answerClickOnPostgres = prepared(db, (db) => db
    .with('quiz', (db) => db.selectFrom('quizzes').selectAll()
      .select(sql<unknown>`questions::json -> ${arg<number>('question')}::int`.as('entry'))
      .where('id', '=', arg('quizId')).forShare())
    .with('answered', (db) => db.insertInto('quiz_answers')
      .columns(['quiz_id', 'question', 'question_id', 'user_id', 'user_name', 'option', 'correct', 'answered_at', 'server_id', 'platform', 'channel_id'])
      .expression(sql`select q.id, ${arg<number>('question')}::int, q.entry ->> 'id', ${arg('userId')}, ${arg('userName')}, ${arg<number>('shown')}::int,
          case when (q.entry -> 'order' ->> ${arg<number>('shown')}::int)::int = r.right_option then 1 else 0 end,
          ${arg<number>('answeredAt')}::bigint, q.server_id, q.platform, q.channel_id
        from quiz q cross join lateral (select (${arg('rights')}::json ->> (q.entry ->> 'id'))::int as right_option) r
        where q.status = 'active' and q.current = ${arg<number>('question')}::int and ${arg<number>('shown')}::int between 0 and 3
          and r.right_option is not null
          and (q.mode <> 'solo' or q.starter_id = ${arg('userId')})
          and (q.mode <> 'channel' or q.deadline is null or q.deadline >= ${arg<number>('answeredAt')}::bigint)`)
      .onConflict((oc) => oc.doNothing())
      .returning(['platform', 'server_id', 'answered_at', 'user_id', 'question_id', 'quiz_id', 'question', 'channel_id', 'user_name', 'correct']))
    .with('scored', () => scoreInsert(db).expression(sql`select ${scoreSelect()} from answered a where a.question_id is not null`))
    .selectFrom('quiz').select(QUIZ_COLUMNS)
    .select([
      sql<number | string>`(select count(*) from answered)`.as('recorded'),
      sql<number | string>`(select count(*) from scored)`.as('counted'),
    ])
    .compile());
  /** The rights as the Postgres statement takes them, written once per pack. */
  const rightsJson = new WeakMap<RightOptions, string>();
  const jsonOf = (rights: RightOptions) => {
    let json = rightsJson.get(rights);
    if (json === undefined) rightsJson.set(rights, (json = JSON.stringify(rights)));
    return json;
  };
  /**
   * The board's rows: points per person, best first, each with the name they answered with last
   * (people rename themselves mid-term), read in the same statement for the board's few people only.
   * Each name is the first match of a walk back through the server's answers by time
   * (quiz_answers_board), where reading every answer of theirs cost a second statement and grew with the term.
   */
  const board = (query: Omit<LeaderboardQuery, 'season'>, season: number | RawBuilder<number>) => {
    let q = db.selectFrom('quiz_scores')
      .select((eb) => [
        'user_id',
        eb.fn.max('user_name').as('user_name'),
        eb.fn.sum<number | string>('correct').as('points'),
        eb.fn.countAll<number | string>().as('answered'),
      ])
      .where('platform', '=', query.platform).where('server_id', '=', query.serverId).where('season', '=', season)
      .where('answered_at', '>=', query.since);
    if (query.channelId !== undefined) q = q.where('channel_id', '=', query.channelId);
    const top = q.groupBy('user_id').orderBy('points', 'desc').orderBy('answered', 'asc').orderBy('user_id').limit(query.limit);
    return db.selectFrom(top.as('b'))
      .select((eb) => [
        'b.user_id', 'b.user_name', 'b.points', 'b.answered',
        eb.selectFrom('quiz_answers as a').select('a.user_name')
          .where('a.platform', '=', query.platform).where('a.server_id', '=', query.serverId).whereRef('a.user_id', '=', 'b.user_id')
          .orderBy('a.answered_at', 'desc').limit(1).as('last_name'),
      ])
      .orderBy('b.points', 'desc').orderBy('b.answered', 'asc').orderBy('b.user_id');
  };
  // On Postgres the seasons and the board in one statement: the board's season is the one asked for, else the
  // last one started (else 1), read from the seasons the statement lists. A board with no rows
  // still comes back as one row (the left join), which carries the seasons. Built and compiled once
  // per shape (prepared.ts), a board of one channel and one of the whole server: Kysely building it
  // on every call cost the client about as much as a short statement's round trip.
  const seasonBoard = (ofChannel: boolean) => prepared(db, (db) => {
    const seasons = sql`select number, started_at, started_by from quiz_seasons where platform = ${arg('platform')} and server_id = ${arg('serverId')}`;
    const season = sql<number>`coalesce(cast(${arg<number | null>('season')} as integer), (select max(number) from s), 1)`;
    const query = {
      platform: arg('platform'), serverId: arg('serverId'), since: arg<number>('since'), limit: arg<number>('limit'),
      channelId: ofChannel ? arg('channelId') : undefined,
    };
    return sql<BoardRow & { seasons: [number | string, number | string, string][] | null }>`
      with s as (${seasons})
      select (select json_agg(json_build_array(number, started_at, started_by) order by number) from s) as seasons, b.*
      from (select 1) as one left join (${board(query, season)}) as b on true
      order by b.points desc, b.answered asc, b.user_id`.compile(db);
  });
  const seasonBoardOfServer = seasonBoard(false);
  const seasonBoardOfChannel = seasonBoard(true);
  // A reveal reads the answers after every question: built and compiled once per shape (prepared.ts).
  const answersOf = (ofQuestion: boolean) => prepared(db, (db) => {
    let q = db.selectFrom('quiz_answers as a')
      .leftJoin('quiz_scores as s', (j) => j.onRef('s.quiz_id', '=', 'a.quiz_id').onRef('s.question', '=', 'a.question').onRef('s.user_id', '=', 'a.user_id'))
      .selectAll('a').select('s.quiz_id as scored_quiz').where('a.quiz_id', '=', arg('quizId'));
    if (ofQuestion) q = q.where('a.question', '=', arg<number>('question'));
    return q.orderBy('a.answered_at').orderBy('a.question').orderBy('a.user_id').compile();
  });
  const answersOfQuiz = answersOf(false);
  const answersOfQuestion = answersOf(true);
  const listSeasons = async (platform: string, serverId: string): Promise<SeasonRecord[]> => {
    const rows = await db.selectFrom('quiz_seasons').selectAll().where('platform', '=', platform)
      .where('server_id', '=', serverId).orderBy('number').execute();
    return rows.map((r) => ({ platform: r.platform, serverId: r.server_id, number: num(r.number), startedAt: num(r.started_at), startedBy: r.started_by }));
  };
  return {
    async createQuiz(q: QuizRecord) {
      // The two partial unique indexes (one channel quiz per channel, one solo quiz per person) refuse a second.
      const res = await create.run({
        id: q.id, platform: q.platform, serverId: q.serverId, channelId: q.channelId, starterId: q.starterId,
        mode: q.mode, questions: JSON.stringify(q.questions), current: q.current, status: q.status,
        deadline: q.deadline, seconds: q.seconds, reveal: q.reveal, createdAt: q.createdAt,
      });
      return affected(res) ? q : null;
    },
    async activeChannelQuiz(where: ChannelRef) {
      const row = (await activeChannel.run({ platform: where.platform, channelId: where.channelId })).rows[0];
      return row ? toRecord(row) : null;
    },
    async activeSoloQuiz(where: ChannelRef, userId: string) {
      const row = (await activeSolo.run({ platform: where.platform, serverId: where.serverId, userId })).rows[0];
      return row ? toRecord(row) : null;
    },
    async getQuiz(id: string) {
      const row = (await byId.run({ id })).rows[0];
      return row ? toRecord(row) : null;
    },
    async advanceQuiz(id: string, from: number, to: number | 'finished', deadline: number | null) {
      // One conditional update: of two at once, the second waits for the first's row lock and then
      // finds the quiz moved on. On Postgres it also waits for answers in flight (see recordAnswer).
      const res = to === 'finished' ? await finish.run({ id, from }) : await advance.run({ id, from, to, deadline });
      return affected(res);
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
      // answer cannot land after the reveal has moved on. On Postgres, whose statement reads a snapshot,
      // it locks the quiz row it reads (FOR SHARE): an advance in flight makes it wait and then read the
      // moved-on row, and an advance that comes after waits until the answer is in, so the reveal
      // that reads after advancing counts it. SQLite runs one writing statement at a time.
      return affected(await answer.run(answerArgs(a)));
    },
    async answerQuestion(click: QuizClick, rights: RightOptions) {
      if (dialect === 'postgres') {
        const row = (await answerClickOnPostgres.run({ ...click, rights: jsonOf(rights) })).rows[0];
        if (!row) return { quiz: null, recorded: false, counted: false };
        return { quiz: toRecord(row), recorded: num(row.recorded) > 0, counted: num(row.counted) > 0 };
      }
      // SQLite has no data-modifying CTEs: the read, then the answer and its score back to back, as
      // the engine ran them before this call (a transaction around them cost a tenth of a quiz click
      // there). The answer's insert checks again that the quiz is still on the question. A process
      // killed between the two leaves the answer unscored until a solo player clicks again.
      const row = (await byId.run({ id: click.quizId })).rows[0];
      const quiz = row ? toRecord(row) : null;
      const outcome = clickOutcome(quiz, click, rights);
      if (!('answer' in outcome)) return { quiz, recorded: false, counted: false };
      const args = answerArgs(outcome.answer);
      if (!affected(await answer.run(args))) return { quiz, recorded: false, counted: false };
      return { quiz, recorded: true, counted: (await score.run(args)).rows.length > 0 };
    },
    async scoreAnswer(quizId: string, question: number, userId: string) {
      // The key (server, season, person, pack question) lets only the first answer in: a retake, a
      // second instance or a repeat of this call inserts nothing. The same statement says whether the
      // row there is this answer's: a repeat touches (and returns) its own row, a retake returns none.
      return (await score.run({ quizId, question, userId })).rows.length > 0;
    },
    async answersFor(quizId: string, question?: number) {
      const { rows } = question === undefined ? await answersOfQuiz.run({ quizId }) : await answersOfQuestion.run({ quizId, question });
      return rows.map(toAnswer);
    },
    async leaderboard(query: LeaderboardQuery): Promise<LeaderboardRow[]> {
      return boardRows(await board(query, query.season).execute());
    },
    async seasonLeaderboard(query: Omit<LeaderboardQuery, 'season'> & { season?: number }) {
      if (dialect === 'postgres') {
        const { rows } = await (query.channelId === undefined ? seasonBoardOfServer : seasonBoardOfChannel).run({
          platform: query.platform, serverId: query.serverId, channelId: query.channelId ?? '', since: query.since, limit: query.limit, season: query.season ?? null,
        });
        return {
          seasons: (rows[0]?.seasons ?? []).map(([number, startedAt, startedBy]) => ({
            platform: query.platform, serverId: query.serverId, number: num(number), startedAt: num(startedAt), startedBy,
          })),
          rows: boardRows(rows.filter((r) => r.user_id !== null)),
        };
      }
      const seasons = await listSeasons(query.platform, query.serverId);
      const season = query.season ?? seasons.at(-1)?.number ?? 1;
      return { seasons, rows: boardRows(await board(query, season).execute()) };
    },
    listSeasons,
    async startSeason(s: SeasonRecord) {
      const res = await db.insertInto('quiz_seasons').values({
        platform: s.platform, server_id: s.serverId, number: s.number, started_at: s.startedAt, started_by: s.startedBy,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return inserted(res);
    },
  };
}
