import { sql, type Kysely } from 'kysely';

// Written with Kysely's schema builder so the same migration runs on SQLite and Postgres.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('processed_requests')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema.createTable('debates')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('platform', 'varchar(16)', (c) => c.notNull())
    .addColumn('server_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('channel_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('motion_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('bot_side', 'varchar(8)', (c) => c.notNull())
    .addColumn('status', 'varchar(8)', (c) => c.notNull())
    .addColumn('turns', 'text', (c) => c.notNull())
    .addColumn('turn_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // One running debate per person per channel, enforced by the database, not by a read-then-write.
  await sql`CREATE UNIQUE INDEX debates_one_active ON debates (platform, channel_id, user_id) WHERE status = 'active'`.execute(db);

  await db.schema.createTable('quizzes')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('platform', 'varchar(16)', (c) => c.notNull())
    .addColumn('server_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('channel_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('starter_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('mode', 'varchar(8)', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('current', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('deadline', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX quizzes_one_active ON quizzes (platform, channel_id) WHERE status = 'active'`.execute(db);
  await db.schema.createIndex('quizzes_due').on('quizzes').columns(['platform', 'status', 'deadline']).execute();

  await db.schema.createTable('quiz_answers')
    .addColumn('quiz_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('question', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('option', 'integer', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('answered_at', 'bigint', (c) => c.notNull())
    .addColumn('server_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('platform', 'varchar(16)', (c) => c.notNull())
    .addPrimaryKeyConstraint('quiz_answers_pk', ['quiz_id', 'question', 'user_id'])
    .execute();
  await db.schema.createIndex('quiz_answers_board').on('quiz_answers').columns(['platform', 'server_id', 'answered_at']).execute();

  await db.schema.createTable('seen_items')
    .addColumn('platform', 'varchar(16)', (c) => c.notNull())
    .addColumn('server_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('channel_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('item_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('seen_items_pk', ['platform', 'channel_id', 'kind', 'item_id'])
    .execute();

  await db.schema.createTable('prompt_posts')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('platform', 'varchar(16)', (c) => c.notNull())
    .addColumn('server_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('channel_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('prompt_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('schedule_id', 'varchar(40)')
    .addColumn('slot', 'bigint')
    .addColumn('message_id', 'varchar(64)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema.createTable('votes')
    .addColumn('post_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('vote', 'varchar(10)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('votes_pk', ['post_id', 'user_id'])
    .execute();

  await db.schema.createTable('schedules')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('platform', 'varchar(16)', (c) => c.notNull())
    .addColumn('server_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('channel_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('cron', 'varchar(120)', (c) => c.notNull())
    .addColumn('label', 'varchar(200)', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('paused', 'integer', (c) => c.notNull())
    .addColumn('pause_reason', 'varchar(300)')
    .addColumn('next_run', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('schedules_due').on('schedules').columns(['platform', 'paused', 'next_run']).execute();

  await db.schema.createTable('schedule_slots')
    .addColumn('schedule_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('slot', 'bigint', (c) => c.notNull())
    .addColumn('claimed_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('schedule_slots_pk', ['schedule_id', 'slot'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['schedule_slots', 'schedules', 'votes', 'prompt_posts', 'seen_items', 'quiz_answers', 'quizzes', 'debates', 'processed_requests']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
