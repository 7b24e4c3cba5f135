import pg from 'pg';
import { expect, it } from 'vitest';
import { sessionOptions } from '../../src/store/postgres-session.js';
import { TEST_PG_URL, describePostgres } from '../support/postgres.js';

/** What a connection opened as the Postgres store opens its pool reports for these settings. */
async function settingsOf(url: string): Promise<{ synchronous_commit: string; statement_timeout: string }> {
  const pool = new pg.Pool({ ...sessionOptions(url, '-c synchronous_commit=off'), max: 1 });
  try {
    const row = (await pool.query(`select current_setting('synchronous_commit') as synchronous_commit,
      current_setting('statement_timeout') as statement_timeout`)).rows[0];
    return row as { synchronous_commit: string; statement_timeout: string };
  } finally {
    await pool.end();
  }
}

const withQuery = (url: string, query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`;

await describePostgres('sessionOptions', () => {
  it('keeps the store’s own setting when DATABASE_URL sets something else in its options', async () => {
    expect(await settingsOf(withQuery(TEST_PG_URL, 'options=-c%20statement_timeout%3D5000'))).toEqual({ synchronous_commit: 'off', statement_timeout: '5s' });
    expect(await settingsOf(withQuery(TEST_PG_URL, 'application_name=x&options=-c+statement_timeout%3D6000'))).toEqual({ synchronous_commit: 'off', statement_timeout: '6s' });
  });
  it('lets DATABASE_URL’s own synchronous_commit win', async () => {
    expect((await settingsOf(withQuery(TEST_PG_URL, 'options=-c%20synchronous_commit%3Don'))).synchronous_commit).toBe('on');
  });
  it('leaves the rest of the URL as written', () => {
    expect(sessionOptions('postgres://u:p%40ss@h:5432/db?sslmode=disable&options=-c%20a%3Db&application_name=r', '-c x=y'))
      .toEqual({ connectionString: 'postgres://u:p%40ss@h:5432/db?sslmode=disable&application_name=r', options: '-c x=y -c a=b' });
    expect(sessionOptions('postgres://h/db', '-c x=y')).toEqual({ connectionString: 'postgres://h/db', options: '-c x=y' });
  });
});
