import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, ROOT } from './support/cli.js';
import { startFakeDiscord, type FakeDiscord } from './support/fake-discord/index.js';

/**
 * Every example in README.md is run here as written, so the README stays true: the terminal
 * session line by line, and each shell line with `npx rostrum` meaning this checkout's bin.
 */

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const BIN = join(ROOT, 'bin/rostrum.js');
const GUILD = '910000000000000001';
const APP = '910000000000000100';
const TOKEN = 'readme-test-token';

function codeBlocks(lang: string): string[] {
  return [...README.matchAll(/```(\w*)\n([\s\S]*?)```/g)].filter((m) => m[1] === lang).map((m) => m[2]!);
}

function run(command: string, cwd: string, env: Record<string, string>, input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', command], { cwd, env: childEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

let dir: string;
let fake: FakeDiscord;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rostrum-readme-'));
  // The examples are typed in a checkout; the pack they name is there, and files they write land here.
  symlinkSync(join(ROOT, 'content'), join(dir, 'content'));
  fake = await startFakeDiscord({
    guilds: [{ id: GUILD, name: 'Class 9B', channels: [{ id: '910000000000000010', name: 'class-9b', type: 0 }] }],
    applicationId: APP, botUserId: APP, token: TOKEN,
  });
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('README examples', () => {
  it('the terminal session is a real exchange: the bot argues one side, the student the other', async () => {
    const [session] = codeBlocks('').filter((b) => b.startsWith('rostrum> '));
    expect(session).toBeDefined();
    const script = session!.trim().split('\n').map((l) => l.replace(/^rostrum> /, '').replace(/\s{2,}\(.*\)$/, '').trim());
    expect(script).toContain('/debate start side:for motion:de-facto-member');
    const db = join(dir, 'session', 'rostrum.db');
    const { code, stdout } = await run(`node ${BIN} shell`, dir, { DATABASE_PATH: db }, `${script.join('\n')}\n`);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/I don’t know|is not an option|There is no choice|has no subcommand/);
    expect(stdout).toContain('## Counterpoint — ');
    expect(stdout).toContain('I argue for the motion; you argue against the motion.');
    expect(stdout).toMatch(/You argue: .*Article 5[\s\S]*My answer: /);
    expect(stdout).not.toContain('That argument supports my side');
    expect(stdout).toContain('## Question 1 of 3');
    const saved = /File saved: (.+\.csv)/.exec(stdout)?.[1];
    expect(saved && existsSync(saved)).toBe(true);
    expect(saved).toContain(join(dir, 'session', 'exports'));
  }, 60_000);

  it('every shell line runs and succeeds (but the two npm lines, which install and run everything)', async () => {
    const lines = codeBlocks('sh').flatMap((b) => b.trim().split('\n')).map((l) => l.replace(/\s+#\s.*$/, '').trim()).filter(Boolean);
    const npm = lines.filter((l) => l.startsWith('npm '));
    // `npm install && npm start|test` install dependencies and run the whole suite or the bot: CI runs exactly those.
    expect(npm).toEqual(['npm install && npm start', 'npm install && npm test']);
    const runnable = lines.filter((l) => !l.startsWith('npm '));
    expect(runnable.length).toBeGreaterThanOrEqual(7);
    const env = { DATABASE_PATH: join(dir, 'cli', 'rostrum.db'), DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DISCORD_APPLICATION_ID: APP };
    for (const line of runnable) {
      expect(line, 'each example calls the rostrum command').toContain('npx rostrum');
      const result = await run(line.replaceAll('npx rostrum', `node ${BIN}`), dir, env);
      expect(result.code, `${line}\n${result.stderr}`).toBe(0);
      expect(result.stdout.trim(), line).not.toBe('');
      if (line.includes('deploy-commands')) expect(result.stdout).toContain(`in the Discord server ${GUILD}`);
      if (line.includes('--json')) for (const out of result.stdout.trim().split('\n')) expect(() => JSON.parse(out), line).not.toThrow();
      if (line.includes('--out ')) expect(existsSync(join(dir, /--out (\S+)/.exec(line)![1]!))).toBe(true);
    }
    expect(fake.commands(GUILD).length).toBeGreaterThan(0);
  }, 120_000);
});
