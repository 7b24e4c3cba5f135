/**
 * End-to-end command benchmark through the dispatcher and a SQLite file store: latency per command
 * kind (p50/p95/max), throughput, start-up cost and memory. Prints figures; asserts nothing.
 * Run: node bin/run-ts.js bench/commands.ts [iterations]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadPack } from '../src/core/pack/load.js';
import { createMatcher } from '../src/core/match/create-matcher.js';
import { createServices } from '../src/core/services.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { runChoice, runText } from '../src/core/dispatch.js';
import type { BaseContext } from '../src/core/context.js';
import type { Reply } from '../src/core/reply.js';

const iterations = Number(process.argv[2] ?? 300);
const dir = await mkdtemp(join(tmpdir(), 'rostrum-bench-'));
const heapBefore = process.memoryUsage().heapUsed;

const t0 = performance.now();
const pack = await loadPack();
const t1 = performance.now();
const matcher = createMatcher(pack);
const t2 = performance.now();
const store = await openSqliteStore(join(dir, 'bench.db'));
const t3 = performance.now();
const services = createServices({ pack, matcher, store });

const base = (user: string, channel: string): BaseContext => ({
  platform: 'shell', serverId: 'bench', channelId: channel, user: { id: user, name: user }, isAdmin: false, services,
});
const firstChoice = (replies: Reply[]) => replies.flatMap((r) => r.blocks).flatMap((b) => (b.type === 'choices' ? b.choices : []))[0]?.id;

const timings: Record<string, number[]> = {};
async function timed<T>(kind: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const out = await run();
  (timings[kind] ??= []).push(performance.now() - start);
  return out;
}

const arguments_ = ['ukraine has no article 5 so it is not a member', 'they use nato weapons and share intelligence', 'the west should be honest with voters', 'what about pizza'];
const wall = performance.now();
for (let i = 0; i < iterations; i++) {
  const ctx = base(`user-${i % 50}`, `channel-${i % 10}`);
  await timed('/keypoints', () => runText(ctx, 'keypoints', ''));
  await timed('/debate start', () => runText(ctx, 'debate', 'start side:for motion:de-facto-member'));
  await timed('/debate reply', () => runText(ctx, 'debate', `reply ${arguments_[i % arguments_.length]}`));
  await timed('/debate end', () => runText(ctx, 'debate', 'end'));
  const quiz = await timed('/quiz start', () => runText(ctx, 'quiz', 'start questions:1'));
  const answer = firstChoice(quiz);
  if (answer) await timed('quiz answer click', () => runChoice(ctx, { choiceId: answer }));
  const prompt = await timed('/prompt now', () => runText(ctx, 'prompt', 'now'));
  const vote = firstChoice(prompt);
  if (vote) await timed('vote click', () => runChoice(ctx, { choiceId: vote }));
  await timed('/quiz leaderboard', () => runText(ctx, 'quiz', 'leaderboard all'));
}
const wallMs = performance.now() - wall;

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
console.log(`start-up: pack ${(t1 - t0).toFixed(1)} ms, matcher ${(t2 - t1).toFixed(1)} ms, store open+migrate ${(t3 - t2).toFixed(1)} ms`);
console.log(`${'command'.padEnd(20)} ${'n'.padStart(5)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
let total = 0;
for (const [kind, xs] of Object.entries(timings)) {
  total += xs.length;
  console.log(`${kind.padEnd(20)} ${String(xs.length).padStart(5)} ${pct(xs, 0.5).toFixed(2).padStart(8)} ${pct(xs, 0.95).toFixed(2).padStart(8)} ${Math.max(...xs).toFixed(2).padStart(8)}`);
}
console.log(`throughput: ${(total / (wallMs / 1000)).toFixed(0)} commands/s over ${total} commands (one process, sequential)`);
const mem = process.memoryUsage();
console.log(`memory: rss ${(mem.rss / 2 ** 20).toFixed(1)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(1)} MiB (${((mem.heapUsed - heapBefore) / 2 ** 20).toFixed(1)} MiB since start)`);
await store.close();
await rm(dir, { recursive: true, force: true });
