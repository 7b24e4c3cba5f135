import { accessSync, constants, existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { BACKUP_USAGE } from './usage.js';

export interface BackupArgs {
  /** The command's positional arguments: one, the file to write. */
  files: string[];
  force?: boolean;
}

/** How long the backup waits for a writer's lock on the database before giving up. */
const BUSY_MS = 10_000;
/** Pages per step: all of them, so the copy is one snapshot and a busy bot cannot keep restarting it. */
const ALL_PAGES = 0x7fffffff;

/** `rostrum backup FILE`: 0 with the copy written, 1 when it could not be, 2 for a usage problem. */
export async function backupCommand(settings: { DATABASE_URL?: string; DATABASE_PATH: string }, args: BackupArgs): Promise<number> {
  const problem = (text: string, code = 1, usage = false) => {
    process.stderr.write(`${text}\n${usage ? `${BACKUP_USAGE}\n` : ''}`);
    return code;
  };
  if (settings.DATABASE_URL) {
    return problem(
      'rostrum backup copies the SQLite file, but this rostrum keeps its data in Postgres (DATABASE_URL is set).\n' +
        'Back it up with Postgres\'s own tool, which also copies a live database consistently:\n' +
        '  pg_dump --format=custom --file=rostrum.dump "$DATABASE_URL"\n' +
        'and restore it with pg_restore (see docs/operations.md).',
      2,
    );
  }
  const [file, ...extra] = args.files;
  if (!file) return problem('rostrum backup needs FILE: where to write the copy, e.g. rostrum backup backups/rostrum-2026-01-05.db', 2, true);
  if (extra.length > 0) return problem(`rostrum backup writes one FILE; it was given ${args.files.length}: ${args.files.join(' ')}`, 2, true);
  const source = settings.DATABASE_PATH;
  if (source === ':memory:') return problem('DATABASE_PATH is :memory:, a database that lives only inside a running process: there is no file to back up.', 2);
  if (!existsSync(source)) return problem(`There is no database at ${source} (DATABASE_PATH) yet: nothing to back up. It is created when the bot first starts.`);

  const target = resolve(file);
  if (resolve(source) === target) return problem(`${file} is the database itself: give the copy another name.`, 2);
  const dir = dirname(target);
  if (!existsSync(dir)) return problem(`Cannot write ${file}: the folder ${dir} does not exist. Create it first, or choose another place.`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return problem(`Cannot write ${file}: the folder ${dir} is not writable by this user.`);
  }
  if (existsSync(target)) {
    if (!args.force) return problem(`${file} already exists, and was left as it is. Choose another name, or add --force to replace it.`);
    if (statSync(target).isDirectory()) return problem(`${file} is a folder: give a file name inside it, e.g. ${join(file, 'rostrum.db')}.`);
  }

  // The copy is written beside the target under a temporary name and moved into place only when
  // complete, so FILE is never a half-written database, even if this command is stopped midway.
  const partial = join(dir, `.${basename(target)}.partial-${process.pid}`);
  // Loaded here, not at start: `rostrum --help` lists this command's usage without the native driver.
  const { default: Database } = await import('better-sqlite3');
  // A connection of its own, as a second process would have: the bot's writes go on meanwhile (WAL).
  const db = new Database(source, { fileMustExist: true, timeout: BUSY_MS });
  try {
    const { totalPages } = await db.backup(partial, { progress: () => ALL_PAGES });
    const check = new Database(partial);
    let integrity: unknown;
    let tables: number;
    try {
      // The copy keeps the database's WAL mode; in rollback mode it is one self-contained file, with
      // no -wal or -shm beside it to forget when it is moved. The bot switches back to WAL on opening it.
      check.pragma('journal_mode = DELETE');
      integrity = check.pragma('integrity_check', { simple: true });
      tables = (check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
    } finally {
      check.close();
    }
    if (integrity !== 'ok') {
      rmSync(partial, { force: true });
      return problem(`The copy of ${source} failed SQLite's integrity check (${String(integrity)}); nothing was written to ${file}.`);
    }
    if (args.force) renameSync(partial, target);
    else placeWithoutReplacing(partial, target);
    const size = statSync(target).size;
    process.stdout.write(`Backed up ${source} to ${target}: ${tables} tables, ${totalPages} pages (${Math.ceil(size / 1024)} KB), integrity ok.\n`);
    return 0;
  } catch (err) {
    rmSync(partial, { force: true });
    const why = err instanceof Error ? (err.name === 'SqliteError' ? `SQLite said: ${err.message}` : err.message) : String(err);
    if ((err as { code?: string }).code === 'EEXIST') return problem(`${file} appeared while the copy was made, and was left as it is. Run again with another name, or --force.`);
    return problem(`Could not back up ${source} to ${file} (${why}). Nothing was written there.`);
  } finally {
    db.close();
  }
}

/** Moves `from` to `to` unless `to` exists (EEXIST): a link fails where a rename would replace it. */
function placeWithoutReplacing(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (err) {
    // A file system without hard links: the check and the move are then two steps.
    if ((err as { code?: string }).code === 'EEXIST' || existsSync(to)) throw err;
    renameSync(from, to);
    return;
  }
  rmSync(from, { force: true });
}
