import type { Store } from '../core/store/store.js';

/** SQLite at DATABASE_PATH by default; Postgres when DATABASE_URL names one. Each driver loads only when used. */
export async function openStore(settings: { DATABASE_URL?: string; DATABASE_PATH: string; DATABASE_SYNC_COMMIT?: 'on' | 'off' }): Promise<Store> {
  if (settings.DATABASE_URL) {
    return (await import('./postgres.js')).openPostgresStore(settings.DATABASE_URL, { synchronousCommit: settings.DATABASE_SYNC_COMMIT === 'on' });
  }
  return (await import('./sqlite.js')).openSqliteStore(settings.DATABASE_PATH);
}
