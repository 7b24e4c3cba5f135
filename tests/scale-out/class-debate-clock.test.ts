import { describe, expect, it } from 'vitest';
import type { Services } from '../../src/core/context.js';
import type { Poster } from '../../src/core/poster.js';
import type { Reply } from '../../src/core/reply.js';
import { renderPlainText } from '../../src/core/reply.js';
import { createServices } from '../../src/core/services.js';
import { runCommand } from '../../src/core/dispatch.js';
import { runDueClassDebates } from '../../src/core/engines/class-debate/clock.js';
import { ROUNDS } from '../../src/core/engines/class-debate/rounds.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import type { Store } from '../../src/core/store/store.js';
import { contextFor, shippedPack, tempDbPath, testClock } from '../support/core.js';
import { describePostgres, freshDatabase } from '../support/postgres.js';

const MINUTE = 60_000;

/**
 * Two instances on one database, both running the class debate's clock at the same moments: every
 * warning and every "time" is posted by one of them, once.
 */
function twoInstances(name: string, open: () => Promise<[Store, Store, () => Promise<void>]>): void {
  describe(`the class debate clock on two instances: ${name}`, () => {
    it('posts each announcement once between them, through every round', async () => {
      const { pack, matcher } = await shippedPack();
      const clock = testClock(Date.UTC(2031, 0, 1, 9, 0, 0));
      const [a, b, done] = await open();
      const services: Services[] = [a, b].map((store) => createServices({ pack, matcher, store, now: clock.now }));
      const posts: Reply[] = [];
      const poster: Poster = { post: async (_w, r) => { posts.push(r); return { messageId: null }; } };
      try {
        const [one, two] = services as [Services, Services];
        const channel = `room-${Math.random().toString(36).slice(2)}`;
        const teacher = contextFor(one, 'teacher', channel, { isAdmin: true });
        await runCommand(teacher, { command: 'debate', subcommand: 'open', options: { motion: 'de-facto-member', format: 'rounds', minutes: 2 } });
        await runCommand(contextFor(two, 'ada', channel), { command: 'debate', subcommand: 'join', options: { side: 'for' } });
        await runCommand(contextFor(one, 'ben', channel), { command: 'debate', subcommand: 'join', options: { side: 'against' } });
        await runCommand(contextFor(two, 'teacher', channel, { isAdmin: true }), { command: 'debate', subcommand: 'begin', options: {} });
        for (let r = 0; r < ROUNDS.length; r++) {
          clock.advance(MINUTE);
          await Promise.all([runDueClassDebates(one, 'shell', poster), runDueClassDebates(two, 'shell', poster)]);
          clock.advance(MINUTE);
          await Promise.all([runDueClassDebates(one, 'shell', poster), runDueClassDebates(two, 'shell', poster)]);
        }
        const texts = posts.map(renderPlainText);
        expect(texts.filter((t) => /One minute left/.test(t))).toHaveLength(ROUNDS.length);
        expect(texts.filter((t) => /Time!/.test(t))).toHaveLength(ROUNDS.length);
        for (let r = 0; r < ROUNDS.length; r++) expect(texts.filter((t) => t.includes(`Round ${r + 1} of 6`) && /One minute left/.test(t))).toHaveLength(1);
      } finally {
        await done();
      }
    }, 60_000);
  });
}

twoInstances('SQLite file', async () => {
  const path = tempDbPath();
  const a = await openSqliteStore(path);
  const b = await openSqliteStore(path);
  return [a, b, async () => { await a.close(); await b.close(); }];
});

await describePostgres('Postgres', () => {
  twoInstances('Postgres', async () => {
    const db = await freshDatabase();
    const a = await openPostgresStore(db.url, { maxConnections: 4 });
    const b = await openPostgresStore(db.url, { maxConnections: 4 });
    return [a, b, async () => { await a.close(); await b.close(); await db.drop(); }];
  });
});
