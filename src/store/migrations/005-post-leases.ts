import type { Kysely } from 'kysely';

// Leases on posts the bot makes on the clock (scheduled prompts, quiz reveals, prompt results,
// class-debate announcements): a row says posting began, who holds it and until when; once the
// post is out it says so. A 'posting' row past its expiry is a post whose poster died: whoever sees
// it next takes it over. Schema builder only, so it runs on both backends.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('post_leases')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('platform', 'varchar(16)', (c) => c.notNull())
    .addColumn('state', 'varchar(8)', (c) => c.notNull())
    .addColumn('holder', 'varchar(64)', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('message_id', 'varchar(64)')
    .addColumn('taken_at', 'bigint', (c) => c.notNull())
    .addColumn('done_at', 'bigint')
    .execute();
  await db.schema.createIndex('post_leases_expiring').on('post_leases').columns(['platform', 'state', 'expires_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('post_leases').ifExists().execute();
}
