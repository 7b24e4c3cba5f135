import { postgres } from '../scale-out/support/backends.js';
import { killLoopTest } from './support/kill-loop.js';

// Two bot processes at once on one Postgres database, each killed and restarted: 50 kills between them.
await postgres.describe('kill -9 loop on Postgres with two instances', () => {
  killLoopTest({ backend: postgres, platform: 'slack', instances: 2, kills: 50 });
});
