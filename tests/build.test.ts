import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, childEnv } from './support/cli.js';

const run = promisify(execFile);

/**
 * A checkout of its own to build in: the sources, pack and dependencies are linked, the build's
 * scripts and the command copied (they find dist/ from where they are). Building into the real
 * dist/ would rewrite it under the other test files that run the command at the same time.
 */
let checkout: string;

/** `node bin/rostrum.js …`, the command `npm start` and `npx rostrum` run, with `input` on stdin. */
function rostrum(args: string[], input = '', env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  const child = run(process.execPath, [join(checkout, 'bin/rostrum.js'), ...args], { cwd: checkout, env: childEnv(env), timeout: 30_000 });
  child.child.stdin?.end(input);
  return child;
}

/**
 * What `npm install` leaves: the `prepare` script compiles src/ and adapters/ into dist/ and bundles
 * that into dist/bundle/, which bin/rostrum.js runs. Built here with the same commands, so the test
 * checks the sources as they are now; compiling takes a while on a small machine.
 */
describe('the compiled command', () => {
  beforeAll(async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.scripts.build).toBe('tsc -p tsconfig.build.json && node scripts/bundle-dist.mjs');
    checkout = await mkdtemp(join(tmpdir(), 'rostrum-checkout-'));
    for (const linked of ['src', 'adapters', 'content', 'node_modules', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) {
      await symlink(join(ROOT, linked), join(checkout, linked));
    }
    for (const copied of ['scripts', 'bin']) await cp(join(ROOT, copied), join(checkout, copied), { recursive: true });
    await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: checkout, timeout: 150_000 });
    await run(process.execPath, [join(checkout, 'scripts/bundle-dist.mjs')], { cwd: checkout, timeout: 30_000 });
  }, 180_000);
  afterAll(async () => {
    if (checkout) await rm(checkout, { recursive: true, force: true });
  });

  it('finds the shipped content pack from dist/', async () => {
    const { stdout } = await rostrum(['validate']);
    expect(stdout).toMatch(/^latham-nato \(.*\/content\/latham-nato\): valid — \d+ motions/);
    expect(stdout).not.toContain('/dist');
  });

  it('checks the shipped pack once at build time, and any pack whose files differ at start', async () => {
    const built = JSON.parse(await readFile(join(checkout, 'dist/bundle/checked-pack.json'), 'utf8')) as { files: { file: string }[] };
    expect(built.files.map((f) => f.file)).toContain('points.json');
    const copy = join(await mkdtemp(join(tmpdir(), 'rostrum-pack-')), 'pack');
    await cp(join(ROOT, 'content/latham-nato'), copy, { recursive: true });
    const motions = JSON.parse(await readFile(join(copy, 'motions.json'), 'utf8')) as { id: string }[];
    motions[0]!.id = 'Not An Id';
    await writeFile(join(copy, 'motions.json'), JSON.stringify(motions));
    const failed = await rostrum(['validate', copy]).then(() => null, (err: { code: number; stdout: string; stderr: string }) => err);
    expect(failed?.code).toBe(1);
    expect(`${failed?.stdout}${failed?.stderr}`).toMatch(/motions\.json.*lowercase id/);
    await rm(copy, { recursive: true, force: true });
  });

  it('runs the terminal adapter: a script gets the article’s words with their anchor', async () => {
    const db = join(await mkdtemp(join(tmpdir(), 'rostrum-build-')), 'rostrum.db');
    const { stdout } = await rostrum(['shell', '--json'], '/keypoints\n', { DATABASE_PATH: db });
    const reply = JSON.parse(stdout.trim().split('\n')[0]!) as { blocks: { type: string; citation?: { anchor: string } }[] };
    expect(reply.blocks.find((b) => b.type === 'quote')?.citation?.anchor).toMatch(/^(K[1-3]|P([1-9]|1[0-7]))$/);
  });

  it('loads no TypeScript compiler when it starts', async () => {
    // A loader hook that reports every module the command imports, then the command's own output.
    const hook = `data:text/javascript,${encodeURIComponent(
      'export async function resolve(s, c, next) { const r = await next(s, c); if (/typescript|tsx|esbuild/.test(r.url)) process.stderr.write("LOADED " + r.url + "\\n"); return r; }',
    )}`;
    const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hook)});`)}`;
    const child = run(process.execPath, ['--import', register, join(checkout, 'bin/rostrum.js'), 'shell', '--json'], {
      cwd: checkout, env: childEnv({ DATABASE_PATH: join(await mkdtemp(join(tmpdir(), 'rostrum-build-')), 'rostrum.db') }), timeout: 30_000,
    });
    child.child.stdin?.end('/help\n');
    const { stdout, stderr } = await child;
    expect(stdout).toContain('/keypoints');
    expect(stderr).not.toContain('LOADED');
  });
});
