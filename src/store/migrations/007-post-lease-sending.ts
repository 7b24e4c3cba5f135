import type { Kysely } from 'kysely';

// When a post's holder first began sending it. A lease that never got that far cannot have put
// anything in the channel, so it is retried however late; one that did is retried only within the
// platform's window for telling a repeat (src/core/post-once.ts). Schema builder only, for both backends.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('post_leases').addColumn('sent_at', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('post_leases').dropColumn('sent_at').execute();
}
