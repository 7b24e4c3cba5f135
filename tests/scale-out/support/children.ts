import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach } from 'vitest';
import { until } from '../../support/until.js';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * How long a child process may take to say it is ready: each one compiles TypeScript as it starts,
 * which on a loaded 2-core machine (another test run beside this one) can take many seconds.
 */
export const START_TIMEOUT_MS = 30_000;

/** A TypeScript script running as a child process, driven through its standard input and output. */
export interface Child {
  pid: number;
  /** Writes one line to its standard input. */
  send(line: string): void;
  /** Resolves once its standard output holds `text`; fails if it exits first. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  output(): string;
  kill(): Promise<void>;
  /** Resolves with the exit code once it has exited. */
  exited(): Promise<number | null>;
}

/** Returns a starter for child processes; whatever a test leaves running is killed after it. */
export function useChildren(): (script: string, args: string[]) => Child {
  const running: ChildProcessWithoutNullStreams[] = [];
  afterEach(() => {
    for (const c of running.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  return (script, args) => {
    const child = spawn(process.execPath, ['bin/run-ts.js', script, ...args], { cwd: ROOT });
    running.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const gone = () => child.exitCode !== null || child.signalCode !== null;
    const exited = () => (gone() ? Promise.resolve(child.exitCode) : new Promise<number | null>((r) => child.once('exit', (code) => r(code))));
    return {
      pid: child.pid!,
      send: (line) => child.stdin.write(`${line}\n`),
      async waitFor(text, timeoutMs = START_TIMEOUT_MS) {
        await until(() => {
          if (stdout.includes(text)) return true;
          if (gone()) throw new Error(`${script} exited before "${text}": ${stderr || stdout}`);
          return false;
        }, timeoutMs, `"${text}" from ${script}`);
      },
      output: () => stdout,
      async kill() {
        child.kill('SIGKILL');
        await exited();
      },
      exited,
    };
  };
}
