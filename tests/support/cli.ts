import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
/**
 * The tests run the `rostrum` command from its TypeScript sources (bin/run-ts.js compiles them on
 * import), so they test the code as it is now, not the dist/ of the last build; tests/build.test.ts
 * checks the compiled command that bin/rostrum.js runs.
 */
const COMMAND = [join(ROOT, 'bin/run-ts.js'), join(ROOT, 'src/cli.ts')];

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment a child process gets: none of this machine's platform tokens leak into tests. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn' };
  return { ...env, ...extra };
}

/** Spawns `rostrum <args>` with its standard streams as pipes, and nothing reading them yet. */
export function spawnRostrum(args: string[], env: Record<string, string> = {}, cwd = ROOT): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...COMMAND, ...args], { cwd, env: childEnv(env) });
}

/** Runs `rostrum <args>` to completion with `input` on standard input. */
export function runRostrum(args: string[], options: { input?: string; env?: Record<string, string>; timeoutMs?: number; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnRostrum(args, options.env, options.cwd);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Starts `rostrum <args>` and leaves it running, for tests that talk to it line by line or signal it. */
export function startRostrum(args: string[], env: Record<string, string> = {}): { child: ChildProcess; output: () => string; waitFor: (re: RegExp, ms?: number) => Promise<void> } {
  const child = spawnRostrum(args, env);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return {
    child,
    output: () => out,
    waitFor: (re, ms = 10_000) =>
      new Promise((res, rej) => {
        const started = Date.now();
        const poll = setInterval(() => {
          if (re.test(out)) {
            clearInterval(poll);
            res();
          } else if (Date.now() - started > ms) {
            clearInterval(poll);
            rej(new Error(`timed out waiting for ${re}; output so far:\n${out}`));
          }
        }, 20);
      }),
  };
}

export async function tempDbPath(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'rostrum-db-')), 'rostrum.db');
}
