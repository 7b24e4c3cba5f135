import Database from 'better-sqlite3';
import pg from 'pg';
import { readChannel } from '../../../src/core/input.js';
import type { Platform } from '../../../src/core/context.js';

/** Every row of every table, with each text column's declared length limit (null: unbounded). */
export interface TableDump {
  table: string;
  limits: Record<string, number | null>;
  rows: Record<string, unknown>[];
}

const limitOf = (type: string): number | null => {
  const m = /\((\d+)\)/.exec(type);
  return m ? Number(m[1]) : null;
};

export function dumpSqlite(path: string): TableDump[] {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[];
    return tables.map(({ name }) => {
      const columns = db.prepare(`pragma table_info("${name}")`).all() as { name: string; type: string }[];
      const limits = Object.fromEntries(columns.filter((c) => /char|text/i.test(c.type)).map((c) => [c.name, limitOf(c.type)]));
      return { table: name, limits, rows: db.prepare(`select * from "${name}"`).all() as Record<string, unknown>[] };
    });
  } finally {
    db.close();
  }
}

export async function dumpPostgres(url: string): Promise<TableDump[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = (await client.query<{ table_name: string; column_name: string; data_type: string; character_maximum_length: number | null }>(
      "select table_name, column_name, data_type, character_maximum_length from information_schema.columns where table_schema = 'public'",
    )).rows;
    const dumps: TableDump[] = [];
    for (const table of [...new Set(columns.map((c) => c.table_name))]) {
      const limits = Object.fromEntries(columns
        .filter((c) => c.table_name === table && /char|text/i.test(c.data_type))
        .map((c) => [c.column_name, c.character_maximum_length]));
      dumps.push({ table, limits, rows: (await client.query(`select * from "${table}"`)).rows as Record<string, unknown>[] });
    }
    return dumps;
  } finally {
    await client.end();
  }
}

// Control characters other than tab and newline, which free text (an argument) may keep.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Every string in a value, and in it again when it holds JSON (a debate's turns, a quiz's questions). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') {
    const inner = /^\s*[[{]/.test(value) ? parsed(value) : undefined;
    return inner === undefined ? [value] : [value, ...stringsIn(inner)];
  }
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * What should never be stored: an empty or malformed channel (for the row's platform), a text over
 * its column's limit, control characters or broken surrogates anywhere, JSON contents included.
 */
export function garbageRows(dumps: readonly TableDump[]): string[] {
  const found: string[] = [];
  for (const { table, limits, rows } of dumps) {
    for (const row of rows) {
      const problems: string[] = [];
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string') continue;
        const limit = limits[column];
        if (limit && value.length > limit) problems.push(`${column} is ${value.length} long (limit ${limit})`);
        if (stringsIn(value).some((s) => CONTROL.test(s) || LONE_SURROGATE.test(s))) problems.push(`${column} holds control characters`);
        if (/(^|_)id$/.test(column) && value.trim() === '' && column !== 'message_id') problems.push(`${column} is empty`);
      }
      const platform = row.platform as Platform | undefined;
      const channel = row.channel_id;
      if (platform && typeof channel === 'string' && readChannel(platform, channel) !== channel) {
        problems.push(`channel_id ${JSON.stringify(channel.slice(0, 80))} is no ${platform} channel`);
      }
      if (problems.length > 0) found.push(`${table}: ${problems.join('; ')} in ${JSON.stringify(row).slice(0, 200)}`);
    }
  }
  return found;
}
