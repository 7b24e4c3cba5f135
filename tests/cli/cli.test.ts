import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRostrum } from '../support/cli.js';
import { DEFAULT_PACK_DIR } from '../../src/core/pack/load.js';

describe('rostrum command', () => {
  it('lists its subcommands with --help', async () => {
    const { code, stdout } = await runRostrum(['--help']);
    expect(code).toBe(0);
    for (const sub of ['start', 'shell', 'validate', 'match', 'deploy-commands', 'slack-manifest']) expect(stdout).toContain(sub);
  });

  it('rejects an unknown subcommand with exit code 2', async () => {
    const { code, stderr } = await runRostrum(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command “frobnicate”/);
  });

  it('validate exits 0 on the shipped pack and 1 with the list on a broken copy', async () => {
    const ok = await runRostrum(['validate']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^latham-nato \(.*content\/latham-nato\): valid — 4 motions/);

    const dir = await mkdtemp(join(tmpdir(), 'rostrum-pack-'));
    await cp(DEFAULT_PACK_DIR, dir, { recursive: true });
    const quiz = JSON.parse(await readFile(join(dir, 'quiz.json'), 'utf8'));
    quiz[0].anchor = 'P99';
    quiz[1].options[0].correct = !quiz[1].options[0].correct;
    await writeFile(join(dir, 'quiz.json'), JSON.stringify(quiz));
    const bad = await runRostrum(['validate', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/2 problem\(s\)/);
    expect(bad.stderr).toMatch(/quiz\.json \[0\]\.anchor \(id “[a-z0-9-]+”\): anchor P99 does not exist/);
    expect(bad.stderr).toMatch(/quiz\.json \[1\]\.options \(id “[a-z0-9-]+”\): needs exactly one correct option/);
  });

  it('match --json prints one JSON object on one line', async () => {
    const hit = await runRostrum(['match', '--json', 'ukraine has no article 5 guarantee so it is not a member']);
    expect(hit.code).toBe(0);
    expect(hit.stdout.trim().split('\n')).toHaveLength(1);
    const parsed = JSON.parse(hit.stdout);
    expect(parsed.match).toMatchObject({ point: expect.any(String), motion: expect.any(String), side: expect.stringMatching(/^(for|against)$/), anchors: expect.any(Array) });
    expect(parsed.match.score).toBeGreaterThan(0);
    expect(parsed.match.score).toBeLessThanOrEqual(1);

    const miss = await runRostrum(['match', '--json', 'what is the best pizza topping']);
    expect(JSON.parse(miss.stdout)).toEqual({ match: null, candidates: [] });
  });

  it('match without --json explains the point for a person', async () => {
    const { stdout } = await runRostrum(['match', 'nato should just be honest that ukraine is inside the tent']);
    expect(stdout).toMatch(/^Point [a-z0-9-]+ \(score 0\.\d\d\): /);
    expect(stdout).toMatch(/It argues (for|against) the motion/);
  });

  it('match without text shows its usage and exits 2', async () => {
    const { code, stderr } = await runRostrum(['match', '--json']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^usage: rostrum match/);
  });

  it('stops with a message naming the variable when the configuration is malformed', async () => {
    const { code, stderr } = await runRostrum(['shell'], { env: { QUIZ_CHANNEL_SECONDS: 'soon', DEFAULT_TIMEZONE: 'Mars/Olympus' } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/QUIZ_CHANNEL_SECONDS: expected a whole number from 1 to 600/);
    expect(stderr).toMatch(/DEFAULT_TIMEZONE: expected an IANA time zone name/);
  });
});
