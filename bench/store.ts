/**
 * The core over each store: every command kind through the dispatcher on SQLite (a file) and on
 * Postgres (a throwaway database at TEST_DATABASE_URL or 127.0.0.1:5432), interleaved trial by trial.
 * Prints per-command p50 on both with the Postgres/SQLite ratio, statements per command, throughput
 * with 64 commands in flight, and /keypoints with 64 in flight in one hot channel against spread.
 * A statement on Postgres also costs a round trip that SQLite, in the process, does not: the bench
 * times one (a prepared `select 1`) and prints each command's Postgres p50 against its SQLite p50
 * plus one round trip per statement, which is what is left once the network is counted; and a bare
 * one-row insert against SQLite's whole /keypoints, the least a write costs there against here.
 * Run: npm run bench -- store [trials] [iterations]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { loadPack } from '../src/core/pack/load.js';
import { createMatcher } from '../src/core/match/create-matcher.js';
import { createServices } from '../src/core/services.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { openPostgresStore } from '../src/store/postgres.js';
import { runChoice, runText } from '../src/core/dispatch.js';
import { claimDelivery } from '../src/core/claim.js';
import type { BaseContext, Services } from '../src/core/context.js';
import type { Reply } from '../src/core/reply.js';
import type { Store } from '../src/core/store/store.js';
import { deadline } from './support/processes.js';
import { TEST_PG_URL, freshDatabase } from '../tests/support/pg-database.js';
import { median, printTable, type Row } from './support/stats.js';

deadline('store', 8 * 60_000);
const trials = Number(process.argv[2] ?? 3);
const iterations = Number(process.argv[3] ?? 150);
/** Request keys must be new in every trial: the Postgres database lives through all of them. */
const RUN = randomBytes(4).toString('hex');
let requests = 0;

// Statements reach each database through one method; counting its calls counts statements.
let statements = 0;
const probe = new Database(':memory:');
const statementProto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...a: unknown[]) => unknown>;
for (const method of ['all', 'get', 'run', 'iterate']) {
  const original = statementProto[method]!;
  statementProto[method] = function (this: unknown, ...args: unknown[]) {
    statements += 1;
    return original.apply(this, args);
  };
}
probe.close();
const pgQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return pgQuery.apply(this, args);
} as typeof pg.Client.prototype.query;

async function postgresDatabase(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  try {
    return await freshDatabase('rostrum_bench');
  } catch (err) {
    console.log(`Postgres not reachable at ${TEST_PG_URL} (${(err as Error).message}): SQLite only`);
    return null;
  }
}

const pack = await loadPack();
const matcher = createMatcher(pack);
const firstChoice = (replies: Reply[]) => replies.flatMap((r) => r.blocks).flatMap((b) => (b.type === 'choices' ? b.choices : []))[0]?.id;
const ARGUMENTS = ['ukraine has no article 5 so it is not a member', 'they use nato weapons and share intelligence', 'the west should be honest with voters', 'what about pizza'];

/** Runs a click as an adapter does: claims its delivery first (src/core/claim.ts), so the claim is timed with it. */
async function claimed(key: string, run: () => Promise<Reply[]>, services: Services): Promise<Reply[]> {
  return (await claimDelivery(services, key)) === 'won' ? run() : [];
}

type Timings = Record<string, { ms: number[]; statements: number[] }>;

/** One person's round of every command kind, timing each and counting its statements. */
async function round(services: Services, user: string, channel: string, i: number, timings?: Timings): Promise<number> {
  const ctx: BaseContext = { platform: 'shell', serverId: 'bench', channelId: channel, user: { id: user, name: user }, isAdmin: false, services };
  let count = 0;
  const timed = async (kind: string, run: () => Promise<Reply[]>): Promise<Reply[]> => {
    const s0 = statements;
    const t0 = performance.now();
    const out = await run();
    count += 1;
    if (timings) {
      const entry = (timings[kind] ??= { ms: [], statements: [] });
      entry.ms.push(performance.now() - t0);
      entry.statements.push(statements - s0);
    }
    return out;
  };
  await timed('/keypoints', () => runText(ctx, 'keypoints', ''));
  await timed('/debate start', () => runText(ctx, 'debate', 'start side:for motion:de-facto-member'));
  await timed('/debate reply', () => runText(ctx, 'debate', `reply ${ARGUMENTS[i % ARGUMENTS.length]}`));
  await timed('/debate end', () => runText(ctx, 'debate', 'end'));
  const quiz = await timed('/quiz start', () => runText(ctx, 'quiz', 'start questions:1'));
  const answer = firstChoice(quiz);
  if (answer) await timed('quiz answer click', () => claimed(`click-${RUN}-${++requests}`, () => runChoice(ctx, { choiceId: answer }), services));
  const prompt = await timed('/prompt now', () => runText(ctx, 'prompt', 'now'));
  const vote = firstChoice(prompt);
  if (vote) await timed('vote click', () => claimed(`vote-${RUN}-${++requests}`, () => runChoice(ctx, { choiceId: vote }), services));
  await timed('/quiz leaderboard', () => runText(ctx, 'quiz', 'leaderboard all'));
  return count;
}

interface Backend {
  name: 'sqlite' | 'postgres';
  open(): Promise<Store>;
}

interface TrialResult {
  p50: Record<string, number>;
  /** Postgres only: p50 of one prepared `select 1` (a bare round trip) and of a one-row insert. */
  roundTrip?: { select: number; insert: number };
  statements: Record<string, number>;
  inFlightPerSecond: number;
  hot: { perSecond: number; statements: number };
  spread: { perSecond: number; statements: number };
}

async function keypointsBurst(services: Services, channelOf: (n: number) => string, runs: number) {
  const s0 = statements;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 64 }, async (_, n) => {
    for (let r = 0; r < runs; r++) {
      await runText({ platform: 'shell', serverId: 'bench', channelId: channelOf(n), user: { id: `u${n}`, name: `u${n}` }, isAdmin: false, services }, 'keypoints', '');
    }
  }));
  return { perSecond: (64 * runs) / ((performance.now() - t0) / 1000), statements: (statements - s0) / (64 * runs) };
}

async function trial(backend: Backend, t: number): Promise<TrialResult> {
  const store = await backend.open();
  const services = createServices({ pack, matcher, store });
  // Warm-up, untimed.
  for (let i = 0; i < 20; i++) await round(services, `w${i % 5}`, `warm-${i % 3}`, i);
  const timings: Timings = {};
  for (let i = 0; i < iterations; i++) await round(services, `user-${i % 50}`, `t${t}-channel-${i % 10}`, i, timings);

  const t0 = performance.now();
  const counts = await Promise.all(Array.from({ length: 64 }, async (_, n) => {
    let c = 0;
    for (let i = 0; i < 3; i++) c += await round(services, `f${n}`, `t${t}-flight-${n}`, i);
    return c;
  }));
  const inFlightPerSecond = counts.reduce((a, b) => a + b, 0) / ((performance.now() - t0) / 1000);
  const hot = await keypointsBurst(services, () => `t${t}-hot`, 4);
  const spread = await keypointsBurst(services, (n) => `t${t}-spread-${n}`, 4);
  await store.close();
  const roundTrip = backend.name === 'postgres' ? await roundTrips() : undefined;
  const pick = (f: (e: { ms: number[]; statements: number[] }) => number) => Object.fromEntries(Object.entries(timings).map(([k, e]) => [k, f(e)]));
  return {
    p50: pick((e) => median(e.ms)),
    statements: pick((e) => e.statements.reduce((a, b) => a + b, 0) / e.statements.length),
    inFlightPerSecond, hot, spread, roundTrip,
  };
}

/**
 * p50 of a prepared `select 1` on one connection, the time a statement spends between client and
 * server, and of a prepared one-row insert into a table with a primary key (committed as the store
 * commits, synchronous_commit off): the least that any write costs on this server.
 */
async function roundTrips(): Promise<{ select: number; insert: number }> {
  const client = new pg.Client({ connectionString: database!.url, options: '-c synchronous_commit=off' });
  await client.connect();
  try {
    await client.query('create table if not exists bench_round_trip (k bigint primary key)');
    const timed = async (run: () => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < 200 + iterations * 10; i++) {
        const t0 = performance.now();
        await run();
        if (i >= 200) ms.push(performance.now() - t0);
      }
      return median(ms);
    };
    const select = await timed(() => client.query({ name: 'round_trip', text: 'select 1' }));
    const insert = await timed(() => client.query({ name: 'one_insert', text: 'insert into bench_round_trip (k) values ($1)', values: [++requests] }));
    return { select, insert };
  } finally {
    await client.end();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'rostrum-bench-store-'));
const database = await postgresDatabase();
const backends: Backend[] = [
  { name: 'sqlite', open: () => openSqliteStore(join(dir, `bench-${randomBytes(4).toString('hex')}.db`)) },
  ...(database ? [{ name: 'postgres' as const, open: () => openPostgresStore(database.url) }] : []),
];
const results: Record<string, TrialResult[]> = { sqlite: [], postgres: [] };
for (let t = 0; t < trials; t++) {
  for (const b of backends) results[b.name]!.push(await trial(b, t));
}

const kinds = Object.keys(results.sqlite![0]!.p50);
const lite = results.sqlite!;
const post = results.postgres!;
const rows: Row[] = [];
for (const kind of kinds) {
  const ours = (post.length ? post : lite).map((r) => r.p50[kind]!);
  rows.push({ figure: `${kind} p50${post.length ? ', Postgres vs SQLite' : ' (SQLite)'}`, ours, floor: post.length ? lite.map((r) => r.p50[kind]!) : undefined, unit: 'ms', target: post.length ? '≤ 2×' : '' });
}
if (post.length) {
  rows.push({ figure: 'Postgres round trip (prepared select 1) p50', ours: post.map((r) => r.roundTrip!.select), unit: 'ms' });
  rows.push({ figure: 'Postgres one-row insert p50 vs SQLite /keypoints p50', ours: post.map((r) => r.roundTrip!.insert), floor: lite.map((r) => r.p50['/keypoints']!), unit: 'ms' });
  for (const kind of kinds) {
    rows.push({
      figure: `${kind} p50, Postgres vs SQLite + a round trip per statement`,
      ours: post.map((r) => r.p50[kind]!),
      floor: lite.map((r, t) => r.p50[kind]! + post[t]!.statements[kind]! * post[t]!.roundTrip!.select),
      unit: 'ms',
    });
  }
}
for (const kind of kinds) {
  rows.push({ figure: `${kind} statements, Postgres vs SQLite`, ours: (post.length ? post : lite).map((r) => r.statements[kind]!), floor: post.length ? lite.map((r) => r.statements[kind]!) : undefined, unit: '' });
}
for (const [name, rs] of Object.entries(results)) {
  if (!rs.length) continue;
  rows.push({ figure: `${name}: commands/s, 64 in flight`, ours: rs.map((r) => r.inFlightPerSecond), unit: '/s' });
  rows.push({ figure: `${name}: /keypoints 64 in one channel vs spread`, ours: rs.map((r) => r.hot.perSecond), floor: rs.map((r) => r.spread.perSecond), unit: '/s', target: '≥ 0.8×' });
  rows.push({ figure: `${name}: statements per /keypoints, hot vs spread`, ours: rs.map((r) => r.hot.statements), floor: rs.map((r) => r.spread.statements), unit: '' });
}
printTable(`The core over each store, ${iterations} rounds of every command kind per trial (${trials} interleaved trials)`, rows);

await database?.drop();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
