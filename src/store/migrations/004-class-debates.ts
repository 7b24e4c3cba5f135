import { sql, type Kysely } from 'kysely';

// Class debates: the debate, its members (side and votes), its arguments, the announcements made
// once each, and whether a server lets anyone open one. Schema builder only, so it runs on both backends.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('class_debates')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('platform', 'varchar(16)', (c) => c.notNull())
    .addColumn('server_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('channel_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('opener_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('opener_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('motion_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('format', 'varchar(8)', (c) => c.notNull())
    .addColumn('round_minutes', 'integer', (c) => c.notNull())
    .addColumn('max_per_round', 'integer')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('round_ends_at', 'bigint')
    .addColumn('vote_ends_at', 'bigint')
    .addColumn('next_due', 'bigint')
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('begun_at', 'bigint')
    .addColumn('closed_at', 'bigint')
    .execute();
  // One class debate per channel at a time, held by the database rather than a read-then-write.
  await sql`CREATE UNIQUE INDEX class_debates_one_running ON class_debates (platform, channel_id) WHERE status IN ('lobby', 'live', 'voting')`.execute(db);
  await db.schema.createIndex('class_debates_due').on('class_debates').columns(['platform', 'status', 'next_due']).execute();

  await db.schema.createTable('class_debate_members')
    .addColumn('debate_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('side', 'varchar(8)')
    .addColumn('stance_before', 'varchar(10)')
    .addColumn('stance_after', 'varchar(10)')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('class_debate_members_pk', ['debate_id', 'user_id'])
    .execute();

  await db.schema.createTable('class_debate_arguments')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('debate_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('user_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('side', 'varchar(8)', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    // A digest of the text: the same argument from the same person in one round is one argument.
    .addColumn('text_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('point', 'varchar(64)')
    .addColumn('status', 'varchar(8)', (c) => c.notNull())
    .addColumn('candidates', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('class_debate_arguments_once').unique().on('class_debate_arguments')
    .columns(['debate_id', 'user_id', 'round', 'text_key']).execute();

  await db.schema.createTable('class_debate_announcements')
    .addColumn('debate_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('claimed_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('class_debate_announcements_pk', ['debate_id', 'round', 'kind'])
    .execute();

  await db.schema.createTable('class_debate_access')
    .addColumn('platform', 'varchar(16)', (c) => c.notNull())
    .addColumn('server_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('open_to_all', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('class_debate_access_pk', ['platform', 'server_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['class_debate_access', 'class_debate_announcements', 'class_debate_arguments', 'class_debate_members', 'class_debates']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
