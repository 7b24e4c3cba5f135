import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRostrum, tempDbPath } from '../../support/cli.js';
import { renderPlainText, type Reply } from '../../../src/core/reply.js';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function jsonReplies(stdout: string): Reply[] {
  return stdout.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Reply);
}

describe('a class debate in the terminal', () => {
  it('is played by several :users in one channel, and saves the recap’s map as a PNG beside its text', async () => {
    const db = await tempDbPath();
    const script = [
      '/debate open de-facto-member',
      ':user alice', '/debate join for',
      ':user bob', '/debate join for', '/debate join against',
      ':user carol', '/debate join for',
      ':user teacher', '/debate begin',
      ':user bob', '/debate join for',
      ':user alice', '/debate say ukraine is basically in nato already, they share intel and plan together',
      '/debate say ukraine is basically in nato already, they share intel and plan together',
      ':user bob', '/debate say getting weapons and training from nato doesnt make you a member',
      ':user dave', '/debate say i have no side',
      '/debate board',
      ':user teacher', '/debate close', '/debate close',
    ].join('\n');
    const { code, stdout } = await runRostrum(['shell', '--json', '--user', 'teacher', '--channel', 'class-9b'], { input: `${script}\n`, env: { DATABASE_PATH: db } });
    expect(code).toBe(0);
    const replies = jsonReplies(stdout);
    const text = replies.map(renderPlainText);
    expect(text.filter((t) => /You are on the/.test(t))).toHaveLength(4);
    expect(text).toContainEqual(expect.stringMatching(/You switched sides/));
    expect(text).toContainEqual(expect.stringMatching(/stay on the Against side/));
    expect(text.filter((t) => /^== alice — for the motion ==/.test(t))).toHaveLength(1);
    expect(text).toContainEqual(expect.stringMatching(/already made that argument/));
    expect(text).toContainEqual(expect.stringMatching(/^== bob — against the motion ==/));
    expect(text).toContainEqual(expect.stringMatching(/Join a side first/));
    expect(text).toContainEqual(expect.stringMatching(/^== Scoreboard/));

    const recap = replies.find((r) => r.attachments?.length)!;
    expect(renderPlainText(recap)).toMatch(/^== Class debate recap/);
    // A JSON line names where each file was saved, with its text, instead of carrying its bytes.
    const [map] = recap.attachments as unknown as { name: string; path: string; text?: string }[];
    const path = map!.path;
    expect(dirname(path)).toBe(join(dirname(db), 'exports'));
    expect(existsSync(path)).toBe(true);
    expect([...readFileSync(path).subarray(0, 8)]).toEqual(PNG);
    expect(map!.text).toMatch(/^ARGUMENT MAP — /);
    // Bob’s argument answered Alice’s: the map marks the point made, and the answer given.
    expect(map!.text).toMatch(/  F1 \[made\] [^\n]+\n      ← answered by [^\n]*A\d+\*/);
  }, 60_000);

  it('prints /keypoints map as text and says where the picture was saved', async () => {
    const db = await tempDbPath();
    const { code, stdout } = await runRostrum(['shell'], { input: '/keypoints map integration-strategy\n/keypoints map integration-strategy\n', env: { DATABASE_PATH: db } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/## Argument map — /);
    expect(stdout).toMatch(/ARGUMENT MAP — [^\n]+\nMotion: [^\n]+\n\nFOR THE MOTION\n  F1 /);
    const saved = [...stdout.matchAll(/File saved: (\S+\.png)/g)].map((m) => m[1]!);
    expect(saved).toEqual([join(dirname(db), 'exports', 'argument-map-integration-strategy.png'), join(dirname(db), 'exports', 'argument-map-integration-strategy-2.png')]);
    for (const p of saved) expect([...readFileSync(p).subarray(0, 8)]).toEqual(PNG);
  }, 60_000);
});
