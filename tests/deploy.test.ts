import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.js';
import { STOP_DEADLINE_MS } from '../src/main.js';
import { UNEXPECTED_FAILURE_EXIT } from '../src/process-guard.js';

/**
 * The supervisor files in deploy/ (docs/operations.md) agree with what the process does: its exit
 * codes, its stop deadline, where its database lives and what the built command needs to run.
 */
const read = (file: string) => readFileSync(join(ROOT, 'deploy', file), 'utf8');
/** `Key=value` lines of a systemd unit, comments left out (a key may appear more than once). */
const unitValues = (text: string, key: string) => text.split('\n').filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));
const seconds = (text: string) => Number(/^(\d+)s?$/.exec(text)?.[1]);
/** The settings problem exit code (ConfigError in src/cli.ts): restarting cannot fix it. */
const SETTINGS_EXIT = 2;

describe('deploy/rostrum.service', () => {
  const unit = read('rostrum.service');

  it('restarts the bot after a failure but not after a settings problem, as an unprivileged user with its settings in a file', () => {
    expect(unitValues(unit, 'Restart')).toEqual(['on-failure']);
    expect(unitValues(unit, 'RestartPreventExitStatus')).toEqual([String(SETTINGS_EXIT)]);
    expect(UNEXPECTED_FAILURE_EXIT).not.toBe(SETTINGS_EXIT);
    expect(UNEXPECTED_FAILURE_EXIT).not.toBe(0);
    expect(unitValues(unit, 'User')).toEqual(['rostrum']);
    expect(unitValues(unit, 'EnvironmentFile')).toEqual(['/etc/rostrum/rostrum.env']);
    expect(unitValues(unit, 'ExecStart')).toEqual(['/usr/bin/node /opt/rostrum/bin/rostrum.js start']);
    expect(seconds(unitValues(unit, 'TimeoutStopSec')[0]!) * 1000).toBeGreaterThan(STOP_DEADLINE_MS);
  });

  it('keeps the database in its writable state directory, and leaves out the hardening that breaks Node', () => {
    const [state] = unitValues(unit, 'StateDirectory');
    const dbPath = unitValues(unit, 'Environment').find((e) => e.startsWith('DATABASE_PATH='))!.slice('DATABASE_PATH='.length);
    expect(posix.dirname(dbPath)).toBe(`/var/lib/${state}`);
    expect(unitValues(unit, 'ProtectSystem')).toEqual(['strict']);
    // V8's JIT needs writable, executable memory.
    expect(unitValues(unit, 'MemoryDenyWriteExecute')).toEqual([]);
    expect(unitValues(unit, 'SystemCallFilter')).toEqual([]);
  });

  const analyze = spawnSync('systemd-analyze', ['--version']);
  it.skipIf(analyze.error !== undefined)('passes systemd-analyze verify (skipped where systemd-analyze is not installed)', () => {
    const out = execFileSync('systemd-analyze', ['verify', join(ROOT, 'deploy/rostrum.service')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
  });
});

describe('deploy/Dockerfile and deploy/compose.yaml', () => {
  const dockerfile = read('Dockerfile');
  const compose = read('compose.yaml');
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('runs the built command as an unprivileged user, with everything bin/rostrum.js loads', () => {
    const copied = [...runtime.matchAll(/^COPY --from=build \/app\/(\S+) /gm)].map((m) => m[1]);
    expect(copied.sort()).toEqual(['bin', 'content', 'dist', 'node_modules', 'package.json']);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^ENTRYPOINT \["node", "bin\/rostrum\.js"\]\nCMD \["start"\]$/m);
    // The dev dependencies (tsc, esbuild, vitest) build the image but do not ship in it.
    expect(dockerfile).toMatch(/npm run build[\s\S]*npm prune --omit=dev/);
  });

  it('keeps the database in a volume, and restarts the bot unless it was stopped', () => {
    const dbPath = /DATABASE_PATH=(\S+)/.exec(runtime)![1]!;
    expect(runtime).toContain(`VOLUME ${posix.dirname(dbPath)}`);
    expect(compose).toMatch(/^ {4}restart: unless-stopped$/m);
    expect(compose).toContain(`DATABASE_PATH: ${dbPath}`);
    expect(compose).toContain(`- rostrum-data:${posix.dirname(dbPath)}`);
    expect(compose).toMatch(/^ {4}init: true$/m);
    expect(seconds(/stop_grace_period: (\S+)/.exec(compose)![1]!) * 1000).toBeGreaterThan(STOP_DEADLINE_MS);
    // Postgres is there to choose, not started by default.
    expect(compose).toMatch(/^ {2}postgres:\n(?: {4}.*\n)*? {4}profiles: \[postgres\]$/m);
  });
});
