import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, type Started } from './processes.js';

/** A process under measurement and what it leaves behind. */
export interface Subject extends Started {
  cleanup(): Promise<void>;
}

/**
 * With BENCH_CPU_PROF=<dir> in the bench's environment, the bot and the floors run under
 * `node --cpu-prof` and write their profiles there when they stop (Node refuses --cpu-prof in
 * NODE_OPTIONS, and their environment is exactly `env`). Off by default: the profiler costs CPU,
 * so its figures are not the bench's.
 */
const profiling = (): string[] => {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
};

/** `rostrum start` exactly as a user runs it (bin/rostrum.js), on a fresh SQLite file, with `env`. */
export function startRostrum(env: Record<string, string>): Subject {
  const dir = mkdtempSync(join(tmpdir(), 'rostrum-bench-'));
  const started = start([...profiling(), 'bin/rostrum.js', 'start'], { LOG_LEVEL: 'warn', DATABASE_PATH: join(dir, 'rostrum.db'), ...env });
  return {
    ...started,
    async cleanup() {
      await started.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One of the bare-library floors in bench/floors. */
export function startFloor(file: string, env: Record<string, string>): Subject {
  const started = start([...profiling(), `bench/floors/${file}`], env);
  return { ...started, cleanup: () => started.stop() };
}
