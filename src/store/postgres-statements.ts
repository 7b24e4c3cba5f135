import type pg from 'pg';

/** Distinct SQL texts given a name; the store's own statements are far fewer, ad-hoc ones beyond run unnamed. */
const MAX_NAMED = 256;

/**
 * Postgres's answer to a named statement whose `select *` now has other columns (another instance
 * migrated): "cached plan must not change result type", in the server's lc_messages language, so it
 * is known by its SQLSTATE (feature_not_supported) and the server function that raises it.
 */
const isResultTypeChanged = (err: unknown) =>
  (err as { code?: unknown }).code === '0A000' && (err as { routine?: unknown }).routine === 'RevalidateCachedQuery';

type Query = (config: unknown, values?: unknown) => Promise<pg.QueryResult>;

/**
 * Runs every statement of the store as a named prepared statement on each connection: parsed and
 * planned once per connection, where an unnamed one was parsed and analysed on every run (about a
 * third of a short statement's round trip here). The plan itself Postgres still chooses per run
 * until a generic one is no worse, so a query that a partial index serves keeps it.
 *
 * A statement prepared before another instance added a column to its table fails once with
 * "cached plan must not change result type": that text then runs unnamed on that connection, and
 * the statement is run again at once when it was not inside a transaction (which the failure ended).
 */
export function nameStatements(pool: pg.Pool): void {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED) names.set(text, (name = `rostrum_${names.size}`));
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as Query;
    const unnamed = new Set<string>();
    (client as unknown as { query: Query }).query = async (config, values) => {
      const name = typeof config === 'string' && !unnamed.has(config) ? nameOf(config) : undefined;
      if (name === undefined) return query(config, values);
      try {
        return await query({ name, text: config, values }, undefined);
      } catch (err) {
        if (!isResultTypeChanged(err)) throw err;
        unnamed.add(config as string);
        if (client.getTransactionStatus() !== 'I') throw err;
        return query(config, values);
      }
    };
  });
}
