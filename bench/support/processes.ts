import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** How long a process has from SIGTERM to its exit before it is killed. */
const STOP_MS = 3000;
/** Under BENCH_CPU_PROF (subjects.ts) a process writes its profile as it exits, which takes longer. */
const PROFILE_WRITE_MS = 20_000;

const running = new Set<ChildProcess>();

/** Ends every process a benchmark started, with its children (each runs in a process group of its own). */
export function killAll(): void {
  for (const child of running) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

/** Gives a benchmark at most `ms` in all; past that it reports the overrun, kills what it started and exits. */
export function deadline(name: string, ms: number): void {
  setTimeout(() => {
    console.error(`bench ${name}: still running after ${Math.round(ms / 1000)} s; stopping it`);
    killAll();
    process.exit(3);
  }, ms).unref();
}

export interface Started {
  child: ChildProcess;
  pid: number;
  output(): string;
  waitFor(re: RegExp, ms?: number): Promise<void>;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<number | string | null>;
  stop(): Promise<void>;
}

/** Starts `node args…` in the project folder with exactly `env` (plus PATH and HOME). */
export function start(args: string[], env: Record<string, string> = {}, command = process.execPath): Started {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString();
    if (out.length > 1_000_000) out = out.slice(-500_000);
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | string | null>((res) => child.once('exit', (code, signal) => {
    running.delete(child);
    res(code ?? signal);
  }));
  return {
    child,
    pid: child.pid!,
    output: () => out,
    waitFor: (re, ms = 20_000) => new Promise<void>((res, rej) => {
      const check = () => {
        if (!re.test(out)) return;
        done();
        res();
      };
      const timer = setTimeout(() => {
        done();
        rej(new Error(`no ${re} from ${args.join(' ')} within ${ms} ms; output:\n${out.slice(-2000)}`));
      }, ms);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      void exited.then(() => {
        if (listeners.has(check)) {
          done();
          rej(new Error(`${args.join(' ')} exited before ${re}; output:\n${out.slice(-2000)}`));
        }
      });
      check();
    }),
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return;
      }
      const late = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // gone
        }
      }, process.env.BENCH_CPU_PROF ? PROFILE_WRITE_MS : STOP_MS);
      await exited;
      clearTimeout(late);
    },
  };
}

const TICKS_PER_SECOND = 100;

/** CPU time a process has used so far (user + system), in ms, from /proc. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of a process, in MiB, from /proc. */
export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** The pids of a process's children (for a program run under `script`, which forks it). */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => res(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until `check` holds (an HTTP server answering, a file written). */
export async function until(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await Promise.resolve().then(check).catch(() => false))) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(25);
  }
}
