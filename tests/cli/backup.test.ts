import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { runRostrum, spawnRostrum, tempDbPath } from '../support/cli.js';
import { until } from '../support/until.js';
import { openSqliteStore } from '../../src/store/sqlite.js';

const SPAWNS_TIMEOUT = 180_000;

/** Every table's rows by primary key (all columns where a table has none), read in one snapshot. */
function keysByTable(db: Database.Database): Map<string, Set<string>> {
  return db.transaction(() => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    return new Map(tables.map((table) => {
      const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[];
      const key = columns.some((c) => c.pk > 0) ? columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk) : columns;
      const rows = db.prepare(`SELECT ${key.map((c) => `"${c.name}"`).join(', ')} FROM "${table}"`).raw().all();
      return [table, new Set(rows.map((r) => JSON.stringify(r)))];
    }));
  })();
}

const count = (db: Database.Database, table: string) => (db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number);

/** One student per round, each in a channel of their own: a debate, a one-question quiz, a prompt and a schedule. */
function busyClass(rounds: number): string {
  let script = '';
  for (let i = 0; i < rounds; i++) {
    script += `:channel class-${i}\n:user student-${i}\n/debate start side:for\n/quiz start questions:1\n1\n/prompt now\n/prompt schedule cadence:daily time:09:00\n`;
  }
  return script;
}

describe('rostrum backup', () => {
  it('copies the database while a bot writes to it: every row committed before it began is in the copy, and the copy restores', async () => {
    const db = await tempDbPath();
    const bot = spawnRostrum(['shell'], { DATABASE_PATH: db });
    let botExit: number | null | undefined;
    bot.once('exit', (code) => (botExit = code));
    bot.stdout.resume();
    bot.stdin.on('error', () => {});
    bot.stdin.end(busyClass(3000));
    try {
      // A reader holding an early snapshot open keeps SQLite from checkpointing anything written
      // after it into rostrum.db: the rows below then live only in rostrum.db-wal, where a plain copy
      // of the file would miss them (it did, before this reader, only when no checkpoint came between).
      const pin = await until(() => {
        let reader: Database.Database | undefined;
        try {
          reader = new Database(db, { readonly: true, fileMustExist: true });
          reader.exec('BEGIN');
          if (count(reader, 'debates') >= 1) return reader;
        } catch {
          // not created or not migrated yet
        }
        reader?.close();
        return null;
      }, 120_000, 'the bot to have started writing');
      const live = new Database(db, { readonly: true });
      await until(() => count(live, 'debates') >= 20 && count(live, 'schedules') >= 20, 120_000, 'the bot to have written a few rounds');
      const before = keysByTable(live);
      const copy = join(dirname(db), 'backups', 'rostrum-copy.db');
      mkdirSync(dirname(copy));
      const backup = await runRostrum(['backup', copy], { env: { DATABASE_PATH: db }, timeoutMs: 120_000 });
      expect(backup.stderr).toBe('');
      expect(backup.stdout).toMatch(/^Backed up .+ to .+rostrum-copy\.db: \d+ tables, \d+ pages \(\d+ KB\), integrity ok\.\n$/);
      expect(backup.code).toBe(0);
      // The bot was writing all along, and still is.
      expect(botExit).toBeUndefined();
      await until(() => count(live, 'debates') > before.get('debates')!.size, 60_000, 'the bot to write on after the backup');
      live.close();
      pin.exec('COMMIT');
      pin.close();

      const copied = new Database(copy, { readonly: true });
      const after = keysByTable(copied);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [table, keys] of before) {
        const missing = [...keys].filter((k) => !after.get(table)!.has(k));
        expect(missing, `${table}: rows committed before the backup but not in it`).toEqual([]);
      }
      for (const table of ['debates', 'quizzes', 'quiz_answers', 'quiz_scores', 'prompt_posts', 'schedules', 'people']) {
        expect(before.get(table)!.size, table).toBeGreaterThanOrEqual(20);
      }
      const counts = Object.fromEntries([...after.keys()].map((t) => [t, count(copied, t)]));
      copied.close();

      // Restore: the copy put in place of a database file, opened by the bot's own store, and read back.
      const restored = join(await mkdtemp(join(tmpdir(), 'rostrum-restore-')), 'rostrum.db');
      copyFileSync(copy, restored);
      await (await openSqliteStore(restored)).close();
      const reopened = new Database(restored, { readonly: true });
      expect(Object.fromEntries([...after.keys()].map((t) => [t, count(reopened, t)]))).toEqual(counts);
      reopened.close();
      const out = join(dirname(restored), 'quiz.csv');
      const exported = await runRostrum(['export', '--what', 'quiz', '--out', out], { env: { DATABASE_PATH: restored } });
      expect(exported.stdout).toMatch(new RegExp(`^Wrote ${counts.quiz_answers} quiz answers by ${counts.quiz_answers} people `));
      expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(counts.quiz_answers! + 1);
    } finally {
      bot.kill('SIGKILL');
    }
  }, SPAWNS_TIMEOUT);

  it('keeps an existing file unless --force, and explains what it cannot do', async () => {
    const db = await tempDbPath();
    expect((await runRostrum(['shell'], { input: '/debate start side:for\n', env: { DATABASE_PATH: db } })).code).toBe(0);
    const dir = dirname(db);
    const target = join(dir, 'existing.db');
    writeFileSync(target, 'yesterday’s notes');

    const kept = await runRostrum(['backup', target], { env: { DATABASE_PATH: db } });
    expect(kept.code).toBe(1);
    expect(kept.stderr).toBe(`${target} already exists, and was left as it is. Choose another name, or add --force to replace it.\n`);
    expect(readFileSync(target, 'utf8')).toBe('yesterday’s notes');

    const replaced = await runRostrum(['backup', '--force', target], { env: { DATABASE_PATH: db } });
    expect(replaced.code).toBe(0);
    const copy = new Database(target, { readonly: true });
    expect(count(copy, 'debates')).toBe(1);
    copy.close();

    for (const [args, env, code, message] of [
      [['backup', join(dir, 'no-such-folder', 'x.db')], { DATABASE_PATH: db }, 1, /^Cannot write .+x\.db: the folder .+no-such-folder does not exist\. Create it first, or choose another place\.\n$/],
      [['backup', '--force', dir], { DATABASE_PATH: join(tmpdir(), 'elsewhere.db') }, 1, /^There is no database at .+elsewhere\.db \(DATABASE_PATH\) yet: nothing to back up\./],
      [['backup', '--force', dir], { DATABASE_PATH: db }, 1, /is a folder: give a file name inside it/],
      [['backup', db], { DATABASE_PATH: db }, 2, /is the database itself: give the copy another name/],
      [['backup'], { DATABASE_PATH: db }, 2, /^rostrum backup needs FILE: .+\nusage: rostrum backup \[--force\] FILE/],
      [['backup', 'a.db', 'b.db'], { DATABASE_PATH: db }, 2, /writes one FILE; it was given 2: a\.db b\.db/],
      [['backup', join(dir, 'pg.db')], { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/rostrum' }, 2, /keeps its data in Postgres \(DATABASE_URL is set\)[\s\S]+pg_dump --format=custom --file=rostrum\.dump "\$DATABASE_URL"[\s\S]+pg_restore/],
    ] as const) {
      const run = await runRostrum([...args], { env });
      expect(run.code, args.join(' ')).toBe(code);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
  }, SPAWNS_TIMEOUT);
});
