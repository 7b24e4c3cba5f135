/**
 * Matcher benchmark: index build time, per-call latency of reading a debate reply (the lexical
 * matcher and the civility check, as a debate runs them) over typical lines, and heap in use.
 * Run: node --expose-gc bin/run-ts.js bench/match.ts [rounds]
 *
 * Only the lexical path exists: no sentence-model fallback is used (see create-matcher.ts for why),
 * so there is no model latency to report. Target for typical lines: p99 under 5 ms.
 */
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import { loadPack } from '../src/core/pack/load.js';
import { createMatcher } from '../src/core/match/create-matcher.js';
import { readReply } from '../src/core/match/read-reply.js';
import { MATCH_CASES_FILE, type MatchCases } from '../tests/core/match/evaluate.js';

const P99_TARGET_MS = 5;
const rounds = Number(process.argv[2] ?? 20);
const pack = await loadPack();
const cases = JSON.parse(await readFile(MATCH_CASES_FILE, 'utf8')) as MatchCases;
// Typical lines: labelled student arguments, chatter that makes no point, and the pack's examples.
const lines = [...cases.arguments.map((c) => c.text), ...cases.offTopic, ...pack.points.flatMap((p) => pack.examplesOf(p.id))];

const builds: number[] = [];
let matcher = createMatcher(pack);
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  matcher = createMatcher(pack);
  builds.push(performance.now() - t0);
}

// Replies arrive in a debate on one motion; half the calls are timed without one, as `rostrum match` runs.
const motionOf = (i: number) => pack.motions[i % pack.motions.length]!;
const read = (line: string, i: number) => readReply(matcher, line, i % 2 === 0 ? motionOf(i) : undefined);

// One untimed pass so the JIT has seen every path before the timed rounds.
lines.forEach(read);

// The floor, started in the same run and timed in turn with each reading: one bare minisearch query
// (fuzzy, over the points' claims and explanations), so a busy machine slows both alike and the
// ratio between them still says what the matcher itself costs.
const floorIndex = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
floorIndex.addAll(pack.points.map((pt) => ({ id: pt.id, text: `${pt.claim} ${pt.explanation}` })));
const floorQuery = (line: string) => floorIndex.search(line, { fuzzy: 0.2, prefix: true });
lines.forEach(floorQuery);

// A fresh matcher for the timed rounds: its first round meets every line with nothing remembered
// (each term's part of a search is kept once made, see term-search.ts), as a bot's first replies do.
matcher = createMatcher(pack);
const latencies: number[] = [];
const firstRound: number[] = [];
// CPU time per call (all of the process's threads, microsecond resolution): what a call costs when
// it is not waiting for a core, which on a loaded machine wall time cannot show.
const cpu: number[] = [];
const floor: number[] = [];
for (let r = 0; r < rounds; r++) {
  lines.forEach((line, i) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    read(line, i);
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    floorQuery(line);
    latencies.push(t1 - t0);
    if (r === 0) firstRound.push(t1 - t0);
    cpu.push((c1.user + c1.system) / 1000);
    floor.push(performance.now() - t1);
  });
}
for (const xs of [latencies, firstRound, cpu, floor]) xs.sort((a, b) => a - b);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const p = (q: number) => quantile(latencies, q);

// A worst case for input size: the longest text a user may send, dense with real pack words.
const longText = pack.points.map((pt) => pt.explanation).join(' ').slice(0, 2000);
const longRuns: number[] = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  readReply(matcher, longText, pack.motions[0]);
  longRuns.push(performance.now() - t0);
}

// What one matcher keeps alive, when the heap can be collected first (node --expose-gc).
const gc = (globalThis as { gc?: () => void }).gc;
let perMatcher: string = 'n/a (run with node --expose-gc)';
if (gc) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: 20 }, () => createMatcher(pack));
  gc();
  perMatcher = `${((process.memoryUsage().heapUsed - before) / kept.length / 1024).toFixed(0)} KiB`;
}

const ms = (x: number) => `${x.toFixed(3)} ms`;
const examples = pack.points.reduce((n, pt) => n + pack.examplesOf(pt.id).length, 0);
console.log(`points: ${pack.points.length}, examples: ${examples}, lines: ${lines.length} × ${rounds} rounds = ${latencies.length} calls`);
console.log(`index build: mean ${ms(mean(builds))} (min ${ms(Math.min(...builds))}) over ${builds.length} builds`);
console.log(`lexical reply reading: mean ${ms(mean(latencies))}, p50 ${ms(p(0.5))}, p95 ${ms(p(0.95))}, p99 ${ms(p(0.99))}, max ${ms(latencies.at(-1)!)}` +
  ` (target p99 < ${P99_TARGET_MS} ms: ${p(0.99) < P99_TARGET_MS ? 'met' : 'NOT met'})`);
console.log(`floor (one bare minisearch query, same run): p50 ${ms(quantile(floor, 0.5))}, p99 ${ms(quantile(floor, 0.99))}; ` +
  `reading / floor: p50 ${(p(0.5) / quantile(floor, 0.5)).toFixed(1)}×, p99 ${(p(0.99) / quantile(floor, 0.99)).toFixed(1)}×`);
console.log(`first round, nothing remembered: p50 ${ms(quantile(firstRound, 0.5))}, p99 ${ms(quantile(firstRound, 0.99))}; ` +
  `CPU time per call, all rounds: p50 ${ms(quantile(cpu, 0.5))}, p99 ${ms(quantile(cpu, 0.99))}`);
console.log('model fallback: none — the matcher is lexical only, no sentence model is loaded');
console.log(`2000-character input: mean ${ms(mean(longRuns))}`);
console.log(`load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (tail latencies grow on a busy machine)`);
console.log(`heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MiB (whole process); one matcher: ${perMatcher}`);
