import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRostrum, tempDbPath } from '../../support/cli.js';

/** A class in the terminal: numbered choices stay in their channel, exports are saved files, prompts close. */

describe('the terminal in a class', () => {
  it('keeps a numbered choice to the channel it was shown in', async () => {
    const db = await tempDbPath();
    const input = [':channel class-9b', '/prompt now', ':channel general', '1', ':channel class-9b', '1'].join('\n') + '\n';
    const { code, stdout } = await runRostrum(['shell'], { input, env: { DATABASE_PATH: db } });
    expect(code).toBe(0);
    expect(stdout).toContain('There is no choice 1 in #general. Choice 1 was shown in #class-9b: type :channel class-9b to go there first.');
    // Back in #class-9b, 1 is that prompt's first vote button.
    expect(stdout).toMatch(/Your vote: Agree\./);
    expect(stdout.match(/Your vote: /g)).toHaveLength(1);
  });

  it('saves an export as a CSV file beside the database and prints its path', async () => {
    const db = await tempDbPath();
    const input = ['/quiz start questions:1', '1', '/quiz export'].join('\n') + '\n';
    const { code, stdout } = await runRostrum(['shell', '--user', '=ms-k'], { input, env: { DATABASE_PATH: db } });
    expect(code).toBe(0);
    const path = /File saved: (.+\.csv)/.exec(stdout)?.[1];
    expect(path).toBeDefined();
    expect(dirname(path!)).toBe(join(dirname(db), 'exports'));
    expect(stdout).toContain('(Quiz scores per person and question: 1 quiz answer by 1 person)');
    const csv = readFileSync(path!, 'utf8');
    // The id and the name both start with =: both are neutralised, so no spreadsheet runs them.
    expect(csv.split('\n')[1]).toContain(",'=ms-k,'=ms-k,");
    // A second export the same day does not overwrite the first.
    const again = await runRostrum(['shell', '--json'], { input: '/quiz export\n', env: { DATABASE_PATH: db } });
    const line = JSON.parse(again.stdout.trim().split('\n').at(-1)!) as { attachments: { path: string; name: string }[] };
    expect(line.attachments[0]!.path).toBe(path!.replace(/\.csv$/, '-2.csv'));
    expect(existsSync(path!)).toBe(true);
    expect(again.stdout).not.toContain('"content"');
  });

  it('posts a prompt’s result when the next prompt posts in its channel', async () => {
    const db = await tempDbPath();
    const input = ['/prompt now', '2', ':user bob', '2', '/prompt now', ':sleep 1'].join('\n') + '\n';
    const { code, stdout } = await runRostrum(['shell'], { input, env: { DATABASE_PATH: db } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[#general\] ## Discussion prompt closed: the result[\s\S]*Disagree:\n {2}2 \(100%\)/);
    expect(stdout).toContain('2 votes in all; voting on this prompt has closed.');
  });
});
