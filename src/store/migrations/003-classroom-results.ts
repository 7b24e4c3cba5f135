import { sql, type Kysely } from 'kysely';

/**
 * A classroom's quiz, prompts and results: solo quizzes beside a channel quiz, scores that count a
 * question once per season, prompts that close, vote history and names for the teacher's exports.
 * Schema builder only, so the same migration runs on SQLite and Postgres.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A channel runs one channel quiz at a time; each person runs one solo quiz at a time, beside it.
  await sql`DROP INDEX quizzes_one_active`.execute(db);
  await sql`CREATE UNIQUE INDEX quizzes_one_channel_quiz ON quizzes (platform, channel_id) WHERE status = 'active' AND mode = 'channel'`.execute(db);
  await sql`CREATE UNIQUE INDEX quizzes_one_solo_quiz ON quizzes (platform, server_id, starter_id) WHERE status = 'active' AND mode = 'solo'`.execute(db);
  await db.schema.alterTable('quizzes').addColumn('seconds', 'integer').execute();
  await db.schema.alterTable('quizzes').addColumn('reveal', 'varchar(8)', (c) => c.notNull().defaultTo('each')).execute();

  await db.schema.alterTable('quiz_answers').addColumn('question_id', 'varchar(64)').execute();
  await db.schema.alterTable('quiz_answers').addColumn('channel_id', 'varchar(64)').execute();

  // One row per person, question and season: the first answer is the one that scores.
  await db.schema.createTable('quiz_scores')
    .addColumn('platform', 'varchar(16)', (c) => c.notNull())
    .addColumn('server_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('season', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('question_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('quiz_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('question', 'integer', (c) => c.notNull())
    .addColumn('channel_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('quiz_scores_pk', ['platform', 'server_id', 'season', 'user_id', 'question_id'])
    .execute();
  await db.schema.createIndex('quiz_scores_board').on('quiz_scores').columns(['platform', 'server_id', 'season', 'answered_at']).execute();
  await db.schema.createIndex('quiz_scores_answer').on('quiz_scores').columns(['quiz_id', 'question', 'user_id']).execute();

  await db.schema.createTable('quiz_seasons')
    .addColumn('platform', 'varchar(16)', (c) => c.notNull())
    .addColumn('server_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('started_by', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('quiz_seasons_pk', ['platform', 'server_id', 'number'])
    .execute();

  await db.schema.alterTable('prompt_posts').addColumn('closes_at', 'bigint').execute();
  await db.schema.alterTable('prompt_posts').addColumn('closed_at', 'bigint').execute();
  await db.schema.createIndex('prompt_posts_open').on('prompt_posts').columns(['platform', 'channel_id', 'closed_at']).execute();
  await db.schema.createIndex('prompt_posts_closing').on('prompt_posts').columns(['platform', 'closes_at']).execute();
  await db.schema.alterTable('votes').addColumn('user_name', 'varchar(100)').execute();
  await db.schema.createTable('vote_events')
    .addColumn('post_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('vote', 'varchar(10)')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('vote_events_pk', ['post_id', 'user_id', 'at'])
    .execute();

  await db.schema.alterTable('schedules').addColumn('close_after_minutes', 'integer').execute();

  await db.schema.createTable('people')
    .addColumn('platform', 'varchar(16)', (c) => c.notNull())
    .addColumn('server_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('people_pk', ['platform', 'server_id', 'user_id'])
    .execute();
  await db.schema.createIndex('debates_by_user').on('debates').columns(['platform', 'server_id', 'user_id', 'updated_at']).execute();

  await backfillScores(db);
  await closeOlderPrompts(db);
}

/**
 * Prompts now close when the next one posts in their channel. Posted before this migration, every
 * prompt but each channel's newest would close at the next post, all at once, each with a result
 * nobody asked for: they are closed here, quietly, and keep their votes.
 */
async function closeOlderPrompts(db: Kysely<any>): Promise<void> {
  const posts = await db.selectFrom('prompt_posts').select(['id', 'platform', 'channel_id', 'created_at'])
    .orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  const newest = new Set<string>();
  for (const p of posts as { id: string; platform: string; channel_id: string; created_at: number | string }[]) {
    const channel = `${p.platform}:${p.channel_id}`;
    if (!newest.has(channel)) {
      newest.add(channel);
      continue;
    }
    await db.updateTable('prompt_posts').set({ closed_at: Number(p.created_at) }).where('id', '=', p.id).execute();
  }
}

/**
 * Answers given before this migration name their question only by position: the quiz's stored
 * question list says which pack question it was. Each person's first answer to a question then
 * scores in season 1, so leaderboards read as before, without the retakes.
 */
async function backfillScores(db: Kysely<any>): Promise<void> {
  const quizzes = await db.selectFrom('quizzes').select(['id', 'questions', 'channel_id']).execute();
  for (const q of quizzes as { id: string; questions: string; channel_id: string }[]) {
    const questions = JSON.parse(q.questions) as { id: string }[];
    for (const [index, entry] of questions.entries()) {
      await db.updateTable('quiz_answers').set({ question_id: entry.id, channel_id: q.channel_id })
        .where('quiz_id', '=', q.id).where('question', '=', index).execute();
    }
  }
  const answers = await db.selectFrom('quiz_answers').selectAll().where('question_id', 'is not', null)
    .orderBy('answered_at').orderBy('quiz_id').orderBy('question').execute();
  const scored = new Set<string>();
  for (const a of answers as Record<string, string | number>[]) {
    const key = JSON.stringify([a.platform, a.server_id, a.user_id, a.question_id]);
    if (scored.has(key)) continue;
    scored.add(key);
    await db.insertInto('quiz_scores').values({
      platform: a.platform, server_id: a.server_id, season: 1, user_id: a.user_id, question_id: a.question_id,
      quiz_id: a.quiz_id, question: a.question, channel_id: a.channel_id, user_name: a.user_name,
      correct: a.correct, answered_at: a.answered_at,
    }).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['people', 'vote_events', 'quiz_seasons', 'quiz_scores']) await db.schema.dropTable(t).ifExists().execute();
  await sql`DROP INDEX IF EXISTS debates_by_user`.execute(db);
  await sql`DROP INDEX IF EXISTS prompt_posts_open`.execute(db);
  await sql`DROP INDEX IF EXISTS prompt_posts_closing`.execute(db);
  await sql`DROP INDEX IF EXISTS quizzes_one_channel_quiz`.execute(db);
  await sql`DROP INDEX IF EXISTS quizzes_one_solo_quiz`.execute(db);
  await db.schema.alterTable('schedules').dropColumn('close_after_minutes').execute();
  await db.schema.alterTable('votes').dropColumn('user_name').execute();
  await db.schema.alterTable('prompt_posts').dropColumn('closed_at').execute();
  await db.schema.alterTable('prompt_posts').dropColumn('closes_at').execute();
  await db.schema.alterTable('quiz_answers').dropColumn('channel_id').execute();
  await db.schema.alterTable('quiz_answers').dropColumn('question_id').execute();
  await db.schema.alterTable('quizzes').dropColumn('reveal').execute();
  await db.schema.alterTable('quizzes').dropColumn('seconds').execute();
  // Solo quizzes running beside a channel quiz would break the old index: end them first.
  await db.updateTable('quizzes').set({ status: 'stopped', deadline: null }).where('status', '=', 'active').where('mode', '=', 'solo').execute();
  await sql`CREATE UNIQUE INDEX quizzes_one_active ON quizzes (platform, channel_id) WHERE status = 'active'`.execute(db);
}
