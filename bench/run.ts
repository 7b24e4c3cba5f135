/**
 * `npm run bench [-- name [args…]]`: runs every benchmark, or the one named, each in a process of its
 * own that starts its own floors and fakes and ends them (and itself) within its time bound.
 */
import { spawnSync } from 'node:child_process';
import { ROOT } from './support/processes.js';

const BENCHMARKS: Record<string, { file: string; node?: string[]; about: string }> = {
  startup: { file: 'bench/startup.ts', about: '`rostrum shell` to exit and first prompt against bare node; idle RSS per adapter' },
  store: { file: 'bench/store.ts', about: 'per-command p50 and statements, SQLite against Postgres; 64 in flight; a hot channel' },
  slack: { file: 'bench/slack.ts', about: 'ack p50/p99 and answered/s at 50 and 200 in flight against bare Bolt apps' },
  discord: { file: 'bench/discord.ts', about: 'throughput against a bare discord.js client; quiz/debate mix; hot channel' },
  scheduler: { file: 'bench/scheduler.ts', node: ['--expose-gc'], about: '10,000 due at once: posted, time vs grace, concurrency, rate, memory; idle queries' },
  match: { file: 'bench/match.ts', node: ['--expose-gc'], about: 'the argument matcher: index build, latency, memory' },
};

const [name, ...args] = process.argv.slice(2);
if (name && !BENCHMARKS[name]) {
  console.error(`unknown benchmark “${name}”. Benchmarks:\n${Object.entries(BENCHMARKS).map(([n, b]) => `  ${n.padEnd(8)} ${b.about}`).join('\n')}`);
  process.exit(2);
}
let failed = 0;
for (const [n, b] of Object.entries(BENCHMARKS)) {
  if (name && n !== name) continue;
  console.log(`\n### ${n}: ${b.about}`);
  const run = spawnSync(process.execPath, [...(b.node ?? []), 'bin/run-ts.js', b.file, ...(name ? args : [])], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    console.error(`benchmark ${n} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exit(failed ? 1 : 0);
