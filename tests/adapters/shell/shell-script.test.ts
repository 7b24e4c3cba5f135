import { describe, expect, it } from 'vitest';
import { runRostrum, startRostrum, tempDbPath } from '../../support/cli.js';
import type { Reply } from '../../../src/core/reply.js';

function jsonReplies(stdout: string): Reply[] {
  return stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Reply);
}

function texts(r: Reply): string {
  return r.blocks.map((b) => ('text' in b ? b.text : b.type === 'choices' ? b.choices.map((c) => c.label).join('|') : b.type === 'fields' ? b.fields.map((f) => `${f.name}: ${f.value}`).join('\n') : '')).join('\n');
}

describe('the terminal adapter driven by a script', () => {
  it('shows a key point with its quote and citation, then its counterpoint when 1 is typed', async () => {
    const db = await tempDbPath();
    const { code, stdout } = await runRostrum(['shell'], { input: '/keypoints\n1\n', env: { DATABASE_PATH: db } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/## Key point — /);
    expect(stdout).toMatch(/ {2}│ .+\n {2}— Andrew Latham, “Ukraine Has a ‘Secret Back Door’ Into NATO” \(National Security Journal\), (K|P)\d+/);
    expect(stdout).toMatch(/\[1\] Counterpoint {3}\[2\] Another/);
    expect(stdout).toMatch(/## Counterpoint — against the motion/);
  });

  it('prints each reply as one JSON line with --json', async () => {
    const db = await tempDbPath();
    const { code, stdout } = await runRostrum(['shell', '--json'], { input: '/debate start motion:de-facto-member side:against\n', env: { DATABASE_PATH: db } });
    expect(code).toBe(0);
    const [opening] = jsonReplies(stdout);
    expect(opening?.visibility).toBe('public');
    expect(opening?.blocks[0]).toEqual({ type: 'heading', text: expect.stringMatching(/^Debate — /) });
    expect(texts(opening!)).toMatch(/I argue against the motion/);
  });

  it('answers an unknown command, an unknown option and too-long text politely, and keeps going', async () => {
    const db = await tempDbPath();
    const long = 'a'.repeat(2100);
    const input = `/dance\n/quiz start flavour:vanilla\n/debate start side:for\n/debate reply ${long}\n/help quiz\n`;
    const { code, stdout } = await runRostrum(['shell', '--json'], { input, env: { DATABASE_PATH: db } });
    expect(code).toBe(0);
    const replies = jsonReplies(stdout);
    expect(texts(replies[0]!)).toMatch(/I don’t know the command \/dance/);
    expect(texts(replies[1]!)).toMatch(/“flavour” is not an option of \/quiz start; its options are questions, mode, seconds, reveal\.[\s\S]*\/quiz start/);
    expect(texts(replies[3]!)).toMatch(/2\d{3} characters long; I can take at most 2000/);
    expect(texts(replies[4]!)).toMatch(/\/quiz leaderboard/);
    expect(replies.every((r, i) => i === 2 || r.visibility === 'private')).toBe(true);
  });

  it('continues a solo quiz after the process restarts on the same database', async () => {
    const db = await tempDbPath();
    const env = { DATABASE_PATH: db };
    const first = await runRostrum(['shell', '--json'], { input: '/quiz start questions:2\n1\n', env });
    const afterFirst = jsonReplies(first.stdout);
    expect(texts(afterFirst.at(-1)!)).toMatch(/Question 2 of 2/);
    const question2 = afterFirst.at(-1)!.blocks.find((b) => b.type === 'choices');
    const choiceIds = question2 && question2.type === 'choices' ? question2.choices.map((c) => c.id) : [];
    expect(choiceIds).toHaveLength(4);

    // A new process has no memory of the last one's screen: it asks the store what is running.
    const second = await runRostrum(['shell', '--json'], { input: '/quiz start\n/quiz stop\n', env });
    const [refused, stopped] = jsonReplies(second.stdout);
    expect(texts(refused!)).toMatch(/You already have a solo quiz running \(question 2 of 2\)/);
    expect(texts(stopped!)).toMatch(/Quiz stopped[\s\S]*you: \d of 2/);
  });

  it('lets two scripted users answer the same channel quiz; a second click changes nothing', async () => {
    const db = await tempDbPath();
    const input = [
      ':user alice', '/quiz start questions:1 mode:channel', '1', '2',
      ':user bob', '3',
      ':sleep 2',
    ].join('\n') + '\n';
    const { code, stdout } = await runRostrum(['shell'], { input, env: { DATABASE_PATH: db, QUIZ_CHANNEL_SECONDS: '1' } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/Your answer is in: A\./);
    expect(stdout).toMatch(/You already answered this question: your first answer counts\./);
    expect(stdout).toMatch(/Your answer is in: C\./);
    expect(stdout).toMatch(/\[#general\] ## Answer to question 1[\s\S]*Answers:\n {2}2/);
    expect(stdout).toMatch(/## Quiz finished[\s\S]*(alice|bob): [01] of 1[\s\S]*(alice|bob): [01] of 1/);
  });

  /** Runs `script` in a shell, sends SIGTERM once a prompt is shown, and returns the exit code (or 'still running' after 8 s). */
  async function terminatedWhileRunning(script: string): Promise<number | null | 'still running'> {
    const bot = startRostrum(['shell'], { DATABASE_PATH: await tempDbPath() });
    bot.child.stdin!.write(script);
    await bot.waitFor(/Discussion prompt/);
    const exited = new Promise<number | null>((r) => bot.child.on('exit', (code) => r(code)));
    bot.child.kill('SIGTERM');
    const late = new Promise<'still running'>((r) => setTimeout(() => r('still running'), 8000).unref());
    const outcome = await Promise.race([exited, late]);
    if (outcome === 'still running') bot.child.kill('SIGKILL');
    return outcome;
  }

  it('keeps log lines out of the conversation when `start` falls back to the terminal', async () => {
    const db = await tempDbPath();
    const { code, stdout, stderr } = await runRostrum(['start'], { input: '/help\n', env: { DATABASE_PATH: db, LOG_LEVEL: 'info' } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\(only you can see this\)\n## rostrum — /);
    expect(stdout + stderr).not.toMatch(/"level":30/);
  });

  it('stops cleanly on SIGTERM with exit code 0', async () => {
    expect(await terminatedWhileRunning('/prompt now\n')).toBe(0);
  });

  it('stops within seconds on SIGTERM while a script sleeps', async () => {
    expect(await terminatedWhileRunning('/prompt now\n:sleep 600\n')).toBe(0);
  });
});
