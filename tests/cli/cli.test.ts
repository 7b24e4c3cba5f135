import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runRostrum, tempDbPath } from '../support/cli.js';
import { sureText } from '../support/debate-texts.js';
import { DEFAULT_PACK_DIR } from '../../src/core/pack/load.js';


// Each of these tests starts rostrum several times over; on a loaded 2-core machine one start can take seconds.
const SPAWNS_TIMEOUT = 120_000;
describe('rostrum command', () => {
  it('lists its subcommands with --help', async () => {
    const { code, stdout } = await runRostrum(['--help']);
    expect(code).toBe(0);
    for (const sub of ['start', 'shell', 'validate', 'match', 'deploy-commands', 'slack-manifest', 'export', 'backup']) expect(stdout).toContain(sub);
  });

  it('prints each subcommand’s own usage with --help, and runs nothing', async () => {
    for (const sub of ['start', 'shell', 'validate', 'match', 'deploy-commands', 'slack-manifest', 'export', 'backup', 'help']) {
      const { code, stdout } = await runRostrum([sub, '--help']);
      expect(code, sub).toBe(0);
      expect(stdout, sub).toMatch(new RegExp(`^usage: rostrum ${sub}`));
    }
    // Even where the command would need settings or a token, --help answers first.
    const deploy = await runRostrum(['deploy-commands', '-h'], { env: { QUIZ_CHANNEL_SECONDS: 'soon' } });
    expect(deploy.stdout).toMatch(/^usage: rostrum deploy-commands \[--guild ID\]/);
  }, SPAWNS_TIMEOUT);

  it('export writes the store’s results to a CSV file, and explains what it needs', async () => {
    const db = join(await mkdtemp(join(tmpdir(), 'rostrum-export-')), 'rostrum.db');
    const played = await runRostrum(['shell', '--channel', 'class-9b'], { input: '/debate start side:for\n/debate reply what is for lunch\n', env: { DATABASE_PATH: db } });
    expect(played.code).toBe(0);
    const out = join(dirname(db), 'debates.csv');
    const ok = await runRostrum(['export', '--what', 'debates', '--channel', 'class-9b', '--out', out], { env: { DATABASE_PATH: db } });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(`Wrote 1 debate by 1 person to ${out} (times on the UTC clock).\n`);
    const csv = await readFile(out, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^\uFEFFplatform,server,channel,debate,person id,person,/);
    expect(csv.trim().split('\n')).toHaveLength(3);
    const other = await runRostrum(['export', '--what', 'debates', '--channel', 'elsewhere', '--out', out], { env: { DATABASE_PATH: db } });
    expect(other.stdout).toMatch(/^Wrote 0 debates by 0 people/);

    for (const [args, problem] of [
      [['export', '--out', out], /needs --what: quiz, votes or debates/],
      [['export', '--what', 'grades', '--out', out], /“grades” is not something to export/],
      [['export', '--what', 'quiz'], /needs --out FILE/],
      [['export', '--what', 'quiz', '--since', 'yesterday', '--out', out], /“yesterday” is not a date: give since as YYYY-MM-DD, e.g. --since 2026-01-05/],
    ] as const) {
      const bad = await runRostrum([...args], { env: { DATABASE_PATH: db } });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(problem);
      expect(bad.stderr).toContain('usage: rostrum export');
    }
  }, SPAWNS_TIMEOUT);

  it('rejects an unknown subcommand with exit code 2', async () => {
    const { code, stderr } = await runRostrum(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command “frobnicate”/);
  });

  it('shell starts in a channel named in the terminal’s form, and refuses any other with exit code 2', async () => {
    const env = { DATABASE_PATH: await tempDbPath() };
    const refused = await runRostrum(['shell', '--channel', '#'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--channel # is not a channel name: use letters, digits, - and _ (at most 64), e.g. --channel general.');
    const started = await runRostrum(['shell', '--channel', '#class-9b', '--user', 'al\u0007ice\t'], { input: ':channel\n:user\n', env });
    expect(started.code).toBe(0);
    expect(started.stdout).toBe('You are now in #class-9b.\nYou are now alice.\n');
  }, SPAWNS_TIMEOUT);

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

  // The texts are found, not written here: which lines the matcher is sure of follows its calibration.
  it('match --json prints one JSON object on one line', async () => {
    const hit = await runRostrum(['match', '--json', (await sureText()).text]);
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
    const { stdout } = await runRostrum(['match', (await sureText()).text]);
    expect(stdout).toMatch(/^Point [a-z0-9-]+ \(score 0\.\d\d\): /);
    expect(stdout).toMatch(/It argues (for|against) the motion/);
  });

  it('refuses arguments a command does not take in a sentence, with its usage and exit code 2, never in parseArgs’s words', async () => {
    const cases: [string[], string][] = [
      [['match', '--motion'], '--motion needs a value.'],
      [['match', '--json', '-ukraine is not a member'], 'rostrum match has no option -ukraine (an argument that starts with "-" goes after --: rostrum match -- "-ukraine is not a member").'],
      [['shell', '--bogus'], 'rostrum shell has no option --bogus.'],
      [['shell', '--constructor'], 'rostrum shell has no option --constructor.'],
      [['shell', 'extra'], 'rostrum shell takes no argument such as “extra”.'],
      [['backup', '--force=yes', 'copy.db'], '--force takes no value.'],
    ];
    for (const [args, sentence] of cases) {
      const { code, stderr } = await runRostrum(args, { env: { DATABASE_PATH: await tempDbPath() } });
      expect(code, args.join(' ')).toBe(2);
      expect(stderr, args.join(' ')).toBe(`${sentence}\nusage: rostrum ${args[0]}${stderr.split(`usage: rostrum ${args[0]}`)[1]}`);
      expect(stderr, args.join(' ')).not.toMatch(/Option '|argument missing|Unknown option|Unexpected argument|ERR_PARSE_ARGS/);
    }
  }, SPAWNS_TIMEOUT);

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

  it('reads settings from a .env in the working directory, or from the file DOTENV_CONFIG_PATH names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rostrum-env-'));
    await writeFile(join(dir, '.env'), 'QUIZ_CHANNEL_SECONDS=soon\n');
    const here = await runRostrum(['shell'], { cwd: dir, env: { DATABASE_PATH: join(dir, 'rostrum.db') } });
    expect(here.code).toBe(2);
    expect(here.stderr).toMatch(/QUIZ_CHANNEL_SECONDS: expected a whole number from 1 to 600/);
    const named = join(dir, 'settings.env');
    await writeFile(named, 'DEBATE_TURN_LIMIT=many\n');
    const there = await runRostrum(['shell'], { env: { DOTENV_CONFIG_PATH: named, DATABASE_PATH: join(dir, 'rostrum.db') } });
    expect(there.code).toBe(2);
    expect(there.stderr).toMatch(/DEBATE_TURN_LIMIT: expected a whole number from 1 to 50/);
    // A variable set in the environment wins over the file, as dotenv has it.
    const set = await runRostrum(['shell'], { cwd: dir, env: { QUIZ_CHANNEL_SECONDS: '30', DATABASE_PATH: join(dir, 'rostrum.db') } });
    expect(set.code).toBe(0);
  }, SPAWNS_TIMEOUT);
});
