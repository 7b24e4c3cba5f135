import { sqlite } from '../scale-out/support/backends.js';
import { killLoopTest } from './support/kill-loop.js';

// Two bot processes sharing one SQLite file (as on one machine), each killed and restarted: 50 kills between them.
await sqlite.describe('kill -9 loop on SQLite with two instances', () => {
  killLoopTest({ backend: sqlite, platform: 'discord', instances: 2, kills: 50 });
});
