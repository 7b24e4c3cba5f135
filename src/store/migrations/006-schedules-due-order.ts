import type { Kysely } from 'kysely';

// Due schedules are read a page at a time in (next_run, id) order from a keyset cursor. With id in
// the index the store seeks to the cursor and reads one page; without it, every page of a popular
// minute (thousands sharing one next_run) re-read and sorted every row left at that slot, so reading
// N due took time growing with N². The new index covers the old one's columns, which it replaces.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('schedules_due_order').on('schedules').columns(['platform', 'paused', 'next_run', 'id']).execute();
  await db.schema.dropIndex('schedules_due').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('schedules_due').on('schedules').columns(['platform', 'paused', 'next_run']).execute();
  await db.schema.dropIndex('schedules_due_order').execute();
}
