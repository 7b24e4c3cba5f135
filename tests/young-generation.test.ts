import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT, childEnv } from './support/cli.js';

const run = promisify(execFile);

/**
 * In a process of its own (this one's young generation has grown already): allocations that survive,
 * as start-up's do, while the young generation is held and after start-up is done. Prints the young
 * generation's capacity, in MiB, before, while held and after.
 */
const SCRIPT = `
import { getHeapSpaceStatistics } from 'node:v8';
import { holdYoungGeneration, startUpDone } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/young-generation.ts')).href)};
const young = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 2 ** 20;
const kept = [];
const survive = () => { for (let i = 0; i < 1_500_000; i++) kept.push({ i, text: 'entry ' + i }); };
const sizes = [young()];
holdYoungGeneration();
survive();
sizes.push(young());
startUpDone();
survive();
sizes.push(young());
console.log(JSON.stringify(sizes));
`;

describe('the young generation during start-up', () => {
  it('stays at its size while start-up holds it, and grows again once start-up is done', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rostrum-young-'));
    try {
      await writeFile(join(dir, 'young.mts'), SCRIPT);
      const { stdout } = await run(process.execPath, [join(ROOT, 'bin/run-ts.js'), join(dir, 'young.mts')], { cwd: ROOT, env: childEnv(), timeout: 60_000 });
      const [before, held, after] = JSON.parse(stdout) as [number, number, number];
      expect(held).toBe(before);
      expect(after).toBeGreaterThan(held);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
