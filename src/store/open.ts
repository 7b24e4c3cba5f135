import type { Store } from '../core/store/store.js';

type Settings = { DATABASE_URL?: string; DATABASE_PATH: string; DATABASE_SYNC_COMMIT?: 'on' | 'off' };

let sqliteCode: Promise<typeof import('./sqlite.js')> | undefined;

/** The SQLite store's code (Kysely, the driver), loaded once: by preloadStore, or else by openStore. */
function sqliteStoreCode(): Promise<typeof import('./sqlite.js')> {
  return (sqliteCode ??= import('./sqlite.js'));
}

/**
 * Starts loading the code of the store `settings` name, without opening it. Node reads and compiles
 * an ES module's files one import after another; the store's code is most of what `rostrum shell`
 * compiles, so loading it while the command's own code loads and the pack is read lets one wait
 * overlap the other. Nothing is opened or created here: a load that fails fails again, as it would
 * have, when openStore asks for it.
 */
export function preloadStore(settings: Settings): void {
  if (!settings.DATABASE_URL) sqliteStoreCode().catch(() => {});
}

/** SQLite at DATABASE_PATH by default; Postgres when DATABASE_URL names one. Each driver loads only when used. */
export async function openStore(settings: Settings): Promise<Store> {
  if (settings.DATABASE_URL) {
    return (await import('./postgres.js')).openPostgresStore(settings.DATABASE_URL, { synchronousCommit: settings.DATABASE_SYNC_COMMIT === 'on' });
  }
  return (await sqliteStoreCode()).openSqliteStore(settings.DATABASE_PATH);
}
