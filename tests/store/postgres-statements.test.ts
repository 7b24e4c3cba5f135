import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { nameStatements } from '../../src/store/postgres-statements.js';

/**
 * A pool that hands out one client, which fails a named statement once as a Postgres server whose
 * lc_messages is German answers a prepared `select *` after its table gained a column.
 * (The real server here has only the C locale, so it cannot be made to answer in another language.)
 */
function poolWithMigratedTable() {
  const calls: unknown[] = [];
  let failed = false;
  const client = {
    getTransactionStatus: () => 'I',
    query: async (config: unknown) => {
      calls.push(config);
      if (typeof config === 'object' && !failed) {
        failed = true;
        throw Object.assign(new Error('gecachter Plan darf den Ergebnistyp nicht ändern'), { code: '0A000', routine: 'RevalidateCachedQuery' });
      }
      return { rows: [{ ok: 1 }] };
    },
  };
  const pool = new EventEmitter();
  nameStatements(pool as unknown as pg.Pool);
  pool.emit('connect', client);
  return { client: client as unknown as { query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> }, calls };
}

describe('nameStatements', () => {
  it('runs a statement unnamed after the server says its plan changed, in whatever language the server speaks', async () => {
    const { client, calls } = poolWithMigratedTable();
    expect((await client.query('select * from quizzes where id = $1', ['q1'])).rows).toEqual([{ ok: 1 }]);
    expect(calls).toEqual([{ name: 'rostrum_0', text: 'select * from quizzes where id = $1', values: ['q1'] }, 'select * from quizzes where id = $1']);
    await client.query('select * from quizzes where id = $1', ['q2']);
    expect(calls[2]).toBe('select * from quizzes where id = $1');
  });
});
