import { sql, SqliteAdapter, type Kysely } from 'kysely';

// Every Discord interaction writes a request claim, and every /keypoints or prompt a seen item; each
// channel's start-over deletes its seen items again. On SQLite both tables kept a hidden rowid
// beside their primary key, so each such row was written (and deleted) twice, once in the table and
// once in its key's index. WITHOUT ROWID the table is stored in its primary key's order, one B-tree:
// the same columns, key and rows, each write touching half the pages. A seen-item claim with its
// share of start-overs took about a fifth less, a request claim about a seventh. Postgres has no
// rowid to drop: nothing to do there. SQLite cannot change a table's kind in place, so each table is
// rebuilt under its own name, inside the migration's transaction.
const TABLES = {
  processed_requests: {
    columns: 'key, created_at',
    definition: 'key varchar(200) not null primary key, created_at bigint not null',
  },
  seen_items: {
    columns: 'platform, server_id, channel_id, kind, item_id, seen_at',
    definition: `platform varchar(16) not null, server_id varchar(64) not null, channel_id varchar(64) not null,
      kind varchar(16) not null, item_id varchar(64) not null, seen_at bigint not null,
      constraint seen_items_pk primary key (platform, channel_id, kind, item_id)`,
  },
};

async function rebuild(db: Kysely<unknown>, withoutRowid: boolean): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  for (const [table, { columns, definition }] of Object.entries(TABLES)) {
    const rebuilt = `${table}_rebuilt`;
    await sql`create table ${sql.table(rebuilt)} (${sql.raw(definition)})${sql.raw(withoutRowid ? ' without rowid' : '')}`.execute(db);
    await sql`insert into ${sql.table(rebuilt)} (${sql.raw(columns)}) select ${sql.raw(columns)} from ${sql.table(table)}`.execute(db);
    await sql`drop table ${sql.table(table)}`.execute(db);
    await sql`alter table ${sql.table(rebuilt)} rename to ${sql.table(table)}`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuild(db, true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await rebuild(db, false);
}
