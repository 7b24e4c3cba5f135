/**
 * Matcher benchmark: index build time, per-call latency over the labelled debate lines (and the
 * off-topic ones, which take the same path), and heap in use afterwards.
 * Run: node bin/run-ts.js bench/match.ts [rounds]
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { loadPack } from '../src/core/pack/load.js';
import { createMatcher } from '../src/core/match/create-matcher.js';
import { MATCH_CASES_FILE, type MatchCases } from '../tests/core/match/evaluate.js';

const rounds = Number(process.argv[2] ?? 20);
const pack = await loadPack();
const cases = JSON.parse(await readFile(MATCH_CASES_FILE, 'utf8')) as MatchCases;
const lines = [...cases.arguments.map((c) => c.text), ...cases.offTopic];

const builds: number[] = [];
let matcher = createMatcher(pack);
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  matcher = createMatcher(pack);
  builds.push(performance.now() - t0);
}

// One untimed pass so the JIT has seen every path before the timed rounds.
for (const line of lines) matcher.match(line);

const latencies: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const line of lines) {
    const t0 = performance.now();
    matcher.match(line);
    latencies.push(performance.now() - t0);
  }
}
latencies.sort((a, b) => a - b);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;

// A worst case for input size: the longest text a user may send, dense with real pack words.
const longText = pack.points.map((pt) => pt.explanation).join(' ').slice(0, 2000);
const longRuns: number[] = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  matcher.match(longText);
  longRuns.push(performance.now() - t0);
}

// What one matcher keeps alive, when the heap can be collected first (NODE_OPTIONS=--expose-gc).
const gc = (globalThis as { gc?: () => void }).gc;
let perMatcher: string = 'n/a (run with NODE_OPTIONS=--expose-gc)';
if (gc) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: 20 }, () => createMatcher(pack));
  gc();
  perMatcher = `${((process.memoryUsage().heapUsed - before) / kept.length / 1024).toFixed(0)} KiB`;
}

const ms = (x: number) => `${x.toFixed(3)} ms`;
console.log(`points: ${pack.points.length}, lines: ${lines.length} × ${rounds} rounds = ${latencies.length} calls`);
console.log(`index build: mean ${ms(mean(builds))} (min ${ms(Math.min(...builds))}) over ${builds.length} builds`);
console.log(`match latency: mean ${ms(mean(latencies))}, p50 ${ms(p(0.5))}, p95 ${ms(p(0.95))}, max ${ms(latencies.at(-1)!)}`);
console.log(`2000-character input: mean ${ms(mean(longRuns))}`);
console.log(`heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MiB (whole process); one matcher: ${perMatcher}`);
