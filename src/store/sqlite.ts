import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect, type DialectAdapter, type Driver } from 'kysely';
import type { Tables } from './kysely/tables.js';
import type { Store } from '../core/store/store.js';
import { kyselyStore, migrate, type Exclusive } from './kysely-store.js';
import { SqliteStoreDriver } from './sqlite-driver.js';
import { startWalCheckpoints } from './wal-checkpoints.js';

/**
 * Two processes opening a new file at the same moment both migrated it, and one failed ("table
 * already exists"): Kysely runs SQLite migrations outside a transaction and takes no lock for them
 * (kysely-org/kysely#729), so both read "nothing applied" before either wrote. Here a migration runs
 * in a transaction (SQLite's DDL is transactional; a migration must then not need a PRAGMA such as
 * foreign_keys, which a transaction ignores), and every transaction begins IMMEDIATE: it takes the one
 * write lock before its first read. The second process waits for the lock (busy_timeout), then reads
 * what the first committed: the file is migrated once and both start. A read-then-write transaction
 * (a vote, a debate turn) likewise waits its turn instead of failing with SQLITE_BUSY when another
 * process wrote between its read and its write.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class StoreSqliteDialect extends SqliteDialect {
  constructor(private readonly database: BetterSqlite3.Database) {
    super({ database });
  }

  override createDriver(): Driver {
    return new SqliteStoreDriver(this.database);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * On SQLite a write that checks and writes in one statement needs nothing more: the statement takes
 * the database's one write lock before it reads, and holds it until it is done. A transaction around
 * it would hold that lock across an await, and a second store on the same file in this process, which
 * waits for the lock synchronously (busy_timeout blocks the thread), would then never see it released.
 */
const exclusive: Exclusive = (db, _key, write) => write(db);

/**
 * Required, not imported: an ES module that imports a CommonJS package has Node first scan the
 * package's source for the names it exports, which cost more at each start than loading the driver.
 */
const require = createRequire(import.meta.url);
const Database = require('better-sqlite3') as typeof BetterSqlite3;

/**
 * The driver's compiled addon, when it sits where `npm install` builds it. Left to itself, the
 * driver finds the addon through the `bindings` package, which works out the driver's folder from
 * an error's stack and then tries up to thirteen paths in turn: a noticeable part of a start. The
 * two paths bindings tries before build/Release are checked here too, so the file taken is the one
 * bindings would take; any other layout (no build/Release) is left to bindings, as before.
 */
function nativeBinding(): string | undefined {
  try {
    const build = join(dirname(require.resolve('better-sqlite3/package.json')), 'build');
    if (existsSync(join(build, 'better_sqlite3.node')) || existsSync(join(build, 'Debug', 'better_sqlite3.node'))) return undefined;
    const release = join(build, 'Release', 'better_sqlite3.node');
    return existsSync(release) ? release : undefined;
  } catch {
    return undefined;
  }
}

const STARTUP_BUSY_MS = 60_000;
const RUNTIME_BUSY_MS = 5000;

/** Opens (creating if needed) the embedded SQLite store at `path`; ':memory:' for tests. */
export async function openSqliteStore(path: string): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  // Until the schema is up to date, wait long for the lock: a second process starting at the same
  // moment (a restart beside a running instance, a busy machine) waits for the first one's switch to
  // WAL and its migration instead of failing to start. At run time a write waits at most 5 s.
  const database = new Database(path, { timeout: STARTUP_BUSY_MS, nativeBinding: nativeBinding() });
  // WAL lets a second process read while one writes; busy_timeout makes concurrent writers wait, not fail.
  database.pragma('journal_mode = WAL');
  // SQLite's own default (FULL) syncs the log to disk at every commit: 0.2 to 2 ms here, during which
  // the whole process waits, where the commit itself takes tens of µs. With WAL, NORMAL syncs at each
  // checkpoint instead: the file is never left inconsistent, a crash of the process loses nothing, and
  // only a crash of the machine can lose the last commits, as with the Postgres store (postgres.ts).
  // The checkpoints themselves run in a thread of their own (wal-checkpoints.ts).
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Tables>({ dialect: new StoreSqliteDialect(database) });
  await migrate(db);
  database.pragma(`busy_timeout = ${RUNTIME_BUSY_MS}`);
  const store = kyselyStore(db, { exclusive, dialect: 'sqlite' });
  if (path === ':memory:') return store;
  const checkpoints = startWalCheckpoints(database, path);
  return {
    ...store,
    async close() {
      await checkpoints.stop();
      await store.close();
    },
  };
}
