import type { Database, Statement } from 'better-sqlite3';
import {
  CompiledQuery, SelectQueryNode,
  type DatabaseConnection, type Driver, type QueryResult,
} from 'kysely';

/** Distinct SQL texts kept prepared; the store's own queries are far fewer, ad-hoc ones are dropped oldest first. */
const MAX_STATEMENTS = 256;

/**
 * The one better-sqlite3 connection, with its statements prepared once: preparing (parsing and
 * planning) cost as much as running most of the store's queries.
 */
class CachedSqliteConnection implements DatabaseConnection {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  private statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (this.statements.size >= MAX_STATEMENTS) this.statements.delete(this.statements.keys().next().value!);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.statement(compiled.sql);
    const parameters = compiled.parameters as unknown[];
    if (stmt.reader) return Promise.resolve({ rows: stmt.all(parameters) as R[] });
    const { changes, lastInsertRowid } = stmt.run(parameters);
    return Promise.resolve({ numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] });
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query)) throw new Error('SQLite streams select queries only');
    for (const row of this.statement(compiled.sql).iterate(compiled.parameters as unknown[])) yield { rows: [row as R] };
  }
}

/**
 * Kysely's SQLite driver, with two changes. Statements are prepared once per SQL text. And the one
 * connection is handed from holder to holder in the order they asked: Kysely's own lock wakes every
 * waiter on each release and lets them race for it, so under load each release cost a wake-up per
 * waiter and a query could wait behind any number that came after it.
 *
 * Every transaction begins IMMEDIATE (see sqlite.ts for why).
 */
export class SqliteStoreDriver implements Driver {
  private readonly connection: CachedSqliteConnection;
  private held = false;
  private readonly waiting: ((c: DatabaseConnection) => void)[] = [];

  constructor(private readonly db: Database) {
    this.connection = new CachedSqliteConnection(db);
  }

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.connection);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async releaseConnection(): Promise<void> {
    const next = this.waiting.shift();
    if (next) next(this.connection);
    else this.held = false;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    this.db.close();
  }
}
