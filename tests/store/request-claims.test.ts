import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { tempDbPath } from '../support/core.js';
import { DAY, T0 } from './contract-helpers.js';

describe('claimRequest', () => {
  it('still claims when clearing out the old claims fails: that is housekeeping, and the claims of the moment must not wait on it', async () => {
    const path = tempDbPath();
    const store = await openSqliteStore(path);
    try {
      expect(await store.claimRequest('old', T0)).toBe(true);
      // Another connection makes every delete from the table fail, as a lock held too long would.
      const other = new Database(path);
      other.exec(`create trigger no_prune before delete on processed_requests begin select raise(abort, 'pruning refused'); end`);
      other.close();
      const later = T0 + DAY + 60 * 60_000;
      expect(await Promise.all([store.claimRequest('new-1', later), store.claimRequest('new-2', later), store.claimRequest('new-1', later)]))
        .toEqual([true, true, false]);
      expect(await store.claimRequest('old', later)).toBe(false);
    } finally {
      await store.close();
    }
  });
});
