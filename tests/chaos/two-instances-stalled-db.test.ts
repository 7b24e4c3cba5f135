import pg from 'pg';
import { expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres.js';
import { startFakeDiscord, type FakeDiscord, type JsonObject, type SentInteraction } from '../support/fake-discord/index.js';
import { describePostgres, freshDatabase } from '../support/postgres.js';
import { until } from '../support/until.js';
import { useChildren, type Child } from '../scale-out/support/children.js';

/**
 * Two real bot processes on one Postgres database under the default sharding, so both receive every
 * interaction, while the database stalls the request claim for 2.5 s: another connection holds the
 * claim table in ACCESS EXCLUSIVE mode, and every claim (an INSERT into it) waits behind the lock.
 * Before claims came first, the losing instance deferred after 1.2 s, and when its defer reached
 * Discord first the winner's reply was refused (40060): "thinking…" for ever.
 *
 * What is counted is whether every interaction was answered exactly once, not how fast: this test
 * must hold on a loaded 2-core machine, so the instances get a claim timeout far beyond Discord's 3 s
 * and the fake enforces no deadline. (The timeout itself is covered in tests/adapters/discord/claim.test.ts.)
 */

const INSTANCE = 'tests/chaos/support/discord-instance.ts';
const APP = '930000000000000100';
const GUILD = '930000000000000001';
const CHANNEL = '930000000000000010';
const TOKEN = 'chaos-token';
const INTERACTIONS = 120;
/** One interaction every SEND_GAP_MS: the whole stall falls inside the sending. */
const SEND_GAP_MS = 25;
const STALL_AFTER_MS = 500;
const STALL_MS = 2500;
/** Generous: only a loaded machine makes the claim wait longer than the stall. */
const CLAIM_TIMEOUT_MS = 20_000;
const CLAIM_TABLE = 'processed_requests';

interface Figures {
  sent: number;
  answeredOnce: number;
  unanswered: number;
  doubled: number;
  refused40060: number;
  claimsSeenWaiting: number;
}

/** An interaction's answer: a reply (callback 4), or a defer (5) whose placeholder was then edited. */
function answers(fake: FakeDiscord, sent: SentInteraction): number {
  const ok = fake.interactionResponses(sent.id);
  const replies = ok.filter((r) => r.path.endsWith('/callback') && (r.body as JsonObject).type === 4).length;
  const deferred = ok.some((r) => r.path.endsWith('/callback') && (r.body as JsonObject).type === 5);
  const edits = ok.filter((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original')).length;
  return replies + (deferred ? edits : 0);
}

function figures(fake: FakeDiscord, sent: SentInteraction[], claimsSeenWaiting: number): Figures {
  const all = sent.map((s) => ({
    answers: answers(fake, s),
    callbacks: fake.interactionResponses(s.id, { includeFailed: true }).filter((r) => r.path.endsWith('/callback')),
  }));
  return {
    sent: sent.length,
    answeredOnce: all.filter((a) => a.answers === 1 && a.callbacks.length === 1).length,
    unanswered: all.filter((a) => a.answers === 0).length,
    doubled: all.filter((a) => a.answers > 1 || a.callbacks.length > 1).length,
    refused40060: fake.requests.filter((r) => r.status === 400 && (r.responseBody as JsonObject | undefined)?.code === 40060).length,
    claimsSeenWaiting,
  };
}

/** Claims waiting behind the lock right now, as Postgres sees them. */
async function waitingClaims(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `select count(*) as n from pg_locks l join pg_class c on c.oid = l.relation where c.relname = $1 and not l.granted`, [CLAIM_TABLE],
  );
  return Number(rows[0]!.n);
}

await describePostgres('two Discord instances under a stalled database', () => {
  const spawn = useChildren();

  it('answer every interaction exactly once: the loser of each claim sends nothing', { timeout: 120_000 }, async () => {
    const db = await freshDatabase('rostrum_chaos');
    const fake = await startFakeDiscord({
      guilds: [{ id: GUILD, name: 'Chaos Club', channels: [{ id: CHANNEL, name: 'debates', type: 0 }] }],
      applicationId: APP, botUserId: APP, token: TOKEN, everySession: true,
    });
    const locker = new pg.Client({ connectionString: db.url });
    const children: Child[] = [];
    try {
      // Migrate once here, so the claim table exists before the lock is taken.
      await (await openPostgresStore(db.url)).close();
      children.push(...[0, 1].map(() => spawn(INSTANCE, [db.url, fake.apiUrl, APP, String(CLAIM_TIMEOUT_MS)])));
      await Promise.all(children.map((c) => c.waitFor('ready')));
      await until(() => fake.identifyCount >= 2, 30_000, 'both instances identified');
      await locker.connect();

      let claimsSeenWaiting = 0;
      const stall = (async () => {
        await new Promise((r) => setTimeout(r, STALL_AFTER_MS));
        await locker.query('begin');
        await locker.query(`lock table ${CLAIM_TABLE} in access exclusive mode`);
        const end = Date.now() + STALL_MS;
        while (Date.now() < end) {
          claimsSeenWaiting = Math.max(claimsSeenWaiting, await waitingClaims(locker));
          await new Promise((r) => setTimeout(r, 50));
        }
        await locker.query('commit');
      })();

      const sent: SentInteraction[] = [];
      for (let i = 0; i < INTERACTIONS; i++) {
        sent.push(await fake.slashCommand({ name: 'keypoints', options: {}, user: { id: `72000000000000${String(i).padStart(4, '0')}`, username: `user${i}` } }));
        await new Promise((r) => setTimeout(r, SEND_GAP_MS));
      }
      await stall;

      // Every interaction answered, or long enough to be sure the rest never will be.
      await until(() => sent.every((s) => answers(fake, s) > 0), 45_000, 'every interaction answered').catch(() => undefined);
      // Room for a late second answer (a defer from the loser) to show itself.
      await new Promise((r) => setTimeout(r, 1000));

      const result = figures(fake, sent, claimsSeenWaiting);
      console.log(`two instances, stalled claims: ${JSON.stringify(result)}`);
      // The stall was real: claims were seen waiting behind the lock.
      expect(result.claimsSeenWaiting).toBeGreaterThan(0);
      expect(result).toMatchObject({ sent: INTERACTIONS, answeredOnce: INTERACTIONS, unanswered: 0, doubled: 0, refused40060: 0 });
      expect(fake.errors).toEqual([]);
      for (const c of children) c.send('stop');
      expect(await Promise.all(children.map((c) => c.exited()))).toEqual([0, 0]);
    } finally {
      await locker.end().catch(() => undefined);
      for (const c of children) await c.kill();
      await fake.close();
      await db.drop();
    }
  });
});
