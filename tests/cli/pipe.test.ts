import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnRostrum, tempDbPath } from '../support/cli.js';
import { until } from '../support/until.js';

const COMMANDS = 300;
/** Each `/keypoints list` answers with one JSON line per motion of the shipped pack. */
const LISTS = '/keypoints list\n'.repeat(COMMANDS);

type Exit = { code: number | null; signal: string | null };

describe('rostrum shell --json through a pipe', () => {
  it('delivers every reply to a reader that only starts reading once the script is done', async () => {
    const db = await tempDbPath();
    const exports = join(dirname(db), 'exports');
    // A one-question quiz, the lists, then /quiz export, whose file on disk shows the shell has handled
    // every line: from then on it has nothing left to do but exit, with megabytes of replies unread.
    const child = spawnRostrum(['shell', '--json'], { DATABASE_PATH: db });
    let exit: Exit | null = null;
    child.once('exit', (code, signal) => (exit = { code, signal }));
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(`/quiz start questions:1\n1\n${LISTS}/quiz export\n`);

    await until(() => existsSync(exports) && readdirSync(exports).length > 0, 120_000, 'the export at the end of the script');
    // Give an exit that does not wait for its output the chance to happen (it did: 16 of 1,200
    // lines arrived). However long this is, a correct command is still there, waiting for the reader.
    await until(() => exit, 2000, 'an early exit').catch(() => undefined);

    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    await until(() => exit, 120_000, 'the shell to exit once read');
    const lines = stdout.split('\n').filter(Boolean);
    const motionLines = lines.filter((l) => l.includes('Motion id: '));
    const motions = new Set(motionLines.map((l) => /Motion id: ([a-z0-9-]+)/.exec(l)![1])).size;
    expect(motions).toBeGreaterThanOrEqual(1);
    expect(motionLines).toHaveLength(COMMANDS * motions);
    // The last reply is the export, naming its saved CSV file.
    expect(lines.at(-1)).toMatch(/"path":"[^"]+quiz-results-[0-9-]+\.csv"/);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(stderr).toBe('');
  }, 240_000);

  it('stops quietly, exit 0 and no stack trace, when the reader closes the pipe early', async () => {
    const child = spawnRostrum(['shell', '--json'], { DATABASE_PATH: await tempDbPath() });
    let exit: Exit | null = null;
    child.once('exit', (code, signal) => (exit = { code, signal }));
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.on('error', () => {}); // the shell stops reading its input once nobody reads its output
    child.stdin.end(LISTS.repeat(10));

    // Like `| head -1`: take the first reply, then close the pipe while the shell has thousands to go.
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(String(d))));
    expect(first).toMatch(/^\{"visibility"/);
    child.stdout.destroy();

    await until(() => exit, 120_000, 'the shell to exit after its reader left');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /);
    expect(stderr).toBe('');
  }, 240_000);
});
