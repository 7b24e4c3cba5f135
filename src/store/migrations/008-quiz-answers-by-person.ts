import type { Kysely } from 'kysely';

// A leaderboard names each of its people by the name they last answered with. That walk went back
// through the server's answers by time (quiz_answers_board) until it met the person's own, so it
// read more rows the more others answered since; with the person in the index it reads one row.
// quiz_answers_board stays: it keeps serving reads of a server's answers by time. Schema builder only, for both backends.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('quiz_answers_by_person').on('quiz_answers').columns(['platform', 'server_id', 'user_id', 'answered_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('quiz_answers_by_person').execute();
}
