/**
 * Start-up and memory: `rostrum shell` to exit against `node -e 0`; the first interactive prompt
 * (on a pseudo-terminal, through script(1)) against a bare readline prompt; idle resident memory of
 * rostrum with the terminal adapter, Discord and Slack, beside the bare libraries.
 * Run: npm run bench -- startup [trials]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeDiscord } from '../tests/support/fake-discord/index.js';
import { startFakeSlack } from '../tests/support/fake-slack/index.js';
import { childPids, deadline, freePort, rssMiB, sleep, start, until } from './support/processes.js';
import { printTable } from './support/stats.js';
import { startFloor, startRostrum, type Subject } from './support/subjects.js';

deadline('startup', 6 * 60_000);
const trials = Number(process.argv[2] ?? 7);
const dir = mkdtempSync(join(tmpdir(), 'rostrum-bench-start-'));
const env = { DATABASE_PATH: join(dir, 'rostrum.db'), LOG_LEVEL: 'warn' };

async function timeToExit(args: string[], extra: Record<string, string> = {}): Promise<number> {
  const t0 = performance.now();
  const p = start(args, { ...env, ...extra });
  p.child.stdin!.end();
  const code = await p.exited;
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}: ${p.output().slice(-500)}`);
  return performance.now() - t0;
}

/** The node process a script(1) session runs, however many shells stand between. */
function nodeUnder(pid: number): number | null {
  for (const child of childPids(pid)) {
    const comm = readFileSync(`/proc/${child}/comm`, 'utf8').trim();
    if (comm === 'node') return child;
    const deeper = nodeUnder(child);
    if (deeper) return deeper;
  }
  return null;
}

/** Time until `prompt` shows on a pseudo-terminal, and the resident memory a second after it. */
async function firstPrompt(command: string, prompt: RegExp): Promise<{ ms: number; rss: number }> {
  const t0 = performance.now();
  const p = start(['-qfec', command, '/dev/null'], { ...env, TERM: 'dumb', SHELL: '/bin/sh' }, 'script');
  await p.waitFor(prompt, 30_000);
  const ms = performance.now() - t0;
  await sleep(1000);
  const node = nodeUnder(p.pid);
  const rss = node ? rssMiB(node) : NaN;
  await p.stop();
  return { ms, rss };
}

await timeToExit(['bin/rostrum.js', 'shell']); // creates and migrates the database once, untimed
const exit = { ours: [] as number[], floor: [] as number[] };
const prompt = { ours: [] as number[], floor: [] as number[] };
const rss = { shell: [] as number[], readline: [] as number[], discord: [] as number[], bareDiscord: [] as number[], slack: [] as number[], bareBolt: [] as number[] };
for (let t = 0; t < trials; t++) {
  exit.floor.push(await timeToExit(['-e', '0']));
  exit.ours.push(await timeToExit(['bin/rostrum.js', 'shell']));
  const bare = await firstPrompt(`${process.execPath} bench/floors/bare-readline.mjs`, /floor> /);
  prompt.floor.push(bare.ms);
  rss.readline.push(bare.rss);
  const ours = await firstPrompt(`${process.execPath} bin/rostrum.js shell`, /rostrum> /);
  prompt.ours.push(ours.ms);
  rss.shell.push(ours.rss);
}

/** Resident memory once a platform process is connected and has sat idle for a second. */
async function idle(subject: Subject, ready: () => Promise<void>): Promise<number> {
  await ready();
  await sleep(1500);
  const mib = rssMiB(subject.pid);
  await subject.cleanup();
  return mib;
}

for (let t = 0; t < Math.min(trials, 3); t++) {
  const discord = await startFakeDiscord();
  const denv = { DISCORD_TOKEN: 'bench-token', DISCORD_API_URL: discord.apiUrl };
  rss.bareDiscord.push(await idle(startFloor('bare-discord.mjs', denv), () => discord.waitForSession(30_000)));
  rss.discord.push(await idle(startRostrum(denv), () => discord.waitForSession(30_000)));
  await discord.close();

  const slack = await startFakeSlack();
  for (const kind of ['floor', 'rostrum'] as const) {
    const port = await freePort();
    const senv = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-secret', SLACK_API_URL: slack.apiUrl, PORT: String(port) };
    const subject = kind === 'floor' ? startFloor('bare-bolt.mjs', senv) : startRostrum(senv);
    const listening = () => until(() => fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST' }).then(() => true), 30_000, 'listening');
    (kind === 'floor' ? rss.bareBolt : rss.slack).push(await idle(subject, listening));
  }
  await slack.close();
}

printTable(`Start-up and memory (${trials} interleaved trials)`, [
  { figure: '`rostrum shell` to exit vs `node -e 0`', ours: exit.ours, floor: exit.floor, unit: 'ms', target: '≤ 4×' },
  { figure: 'first prompt vs a bare readline prompt', ours: prompt.ours, floor: prompt.floor, unit: 'ms' },
  { figure: 'idle RSS, terminal vs bare readline', ours: rss.shell, floor: rss.readline, unit: 'MiB', target: '≤ 100 MiB' },
  { figure: 'idle RSS, Discord vs bare discord.js', ours: rss.discord, floor: rss.bareDiscord, unit: 'MiB', target: '≤ 120 MiB' },
  { figure: 'idle RSS, Slack vs bare Bolt', ours: rss.slack, floor: rss.bareBolt, unit: 'MiB', target: '≤ 120 MiB' },
]);
rmSync(dir, { recursive: true, force: true });
process.exit(0);
