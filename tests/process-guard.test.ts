import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { childEnv, ROOT } from './support/cli.js';

describe('the process guard', () => {
  it('logs a failed event and carries on; logs an uncaught exception and exits 1 for the supervisor', async () => {
    const child = spawn(process.execPath, ['bin/run-ts.js', 'tests/support/guarded-process.ts'], { cwd: ROOT, env: childEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));

    const lines = stderr.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: number; msg: string; origin: string; err?: { message: string; stack: string } });
    expect(lines.map((l) => [l.level, l.origin, l.msg, l.err?.message])).toEqual([
      [50, 'unhandledRejection', 'an event handler failed; the bot carries on', 'a malformed event'],
      [50, 'uncaughtException', 'unexpected failure: stopping, for the supervisor to start rostrum again', 'nothing expected this'],
    ]);
    // With its stack, which names where it was thrown.
    expect(lines[0]!.err!.stack).toContain('guarded-process.ts');
    expect(stdout).toBe('still up after the failed event\n');
    expect(code).toBe(1);
  }, 60_000);
});
