import type { CompiledQuery, Kysely, QueryResult } from 'kysely';
import type { Tables } from './tables.js';

/** Where an argument goes in a prepared query; replaced by the argument's value at each run. */
class Slot {
  constructor(readonly name: string) {}
}

/** Stands for `args[name]` in a query built for `prepared`; typed as the column it is compared with. */
export function arg<T = string>(name: string): T {
  return new Slot(name) as unknown as T;
}

/**
 * A part that several queries share, built when the first of them is: creating the store builds
 * no query, at every start, for statements a run may never send. Kysely's builders and sql
 * fragments never change once built, so the one built serves every query that embeds it.
 */
export function shared<T>(build: () => T): () => T {
  let part: { value: T } | undefined;
  return () => (part ??= { value: build() }).value;
}

export interface Prepared<R> {
  /** Runs on the store's database, or inside a transaction when `on` is one. */
  run(args: Readonly<Record<string, unknown>>, on?: Kysely<Tables>): Promise<QueryResult<R>>;
}

/**
 * A query compiled once, on first use, and run with new arguments after that. Kysely builds and
 * compiles a query anew on every call, which cost about as much as running it on SQLite; the store's
 * queries differ only in their values, so their SQL is the same every time.
 */
export function prepared<R>(db: Kysely<Tables>, build: (db: Kysely<Tables>) => CompiledQuery<R>): Prepared<R> {
  let compiled: CompiledQuery<R> | undefined;
  let slots: (string | null)[] = [];
  return {
    run(args, on = db) {
      if (!compiled) {
        compiled = build(db);
        slots = compiled.parameters.map((p) => (p instanceof Slot ? p.name : null));
      }
      const fixed = compiled.parameters;
      const parameters = slots.map((name, i) => {
        if (name === null) return fixed[i];
        const value = args[name];
        if (value === undefined) throw new Error(`prepared query: no value for “${name}”`);
        return value;
      });
      return on.executeQuery<R>({ ...compiled, parameters });
    },
  };
}
