import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_PACK_DIR } from '../../../src/core/pack/load.js';
import { checkPack, PACK_FILE_NAMES } from '../../../src/core/pack/check.js';
import { checkedAtBuild, digests, CHECKED_PACK_FILE } from '../../../src/core/pack/checked-at-build.js';
import type { PackData } from '../../../src/core/pack/schema.js';

/**
 * The build checks the shipped pack once and leaves the result beside the bundle; a start takes it
 * only for files byte for byte the same. Written here as scripts/bundle-dist.mjs writes it.
 */
describe('a pack checked at build time', () => {
  let work: string;
  let pack: string;
  let built: URL;
  let checked: PackData;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'rostrum-checked-'));
    pack = join(work, 'pack');
    await cp(DEFAULT_PACK_DIR, pack, { recursive: true });
    checked = await checkPack(pack);
    built = pathToFileURL(join(work, CHECKED_PACK_FILE));
    await writeFile(built, JSON.stringify({ files: await digests(pack, PACK_FILE_NAMES), data: checked }));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('is taken for the same files, and is what checking them gives', async () => {
    expect(await checkedAtBuild(pack, built)).toEqual(checked);
    expect(checked.points.length).toBeGreaterThan(0);
  });

  it('is not taken once a file has changed, even by a byte that checks the same', async () => {
    const file = join(pack, 'motions.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, `${text}\n`);
    try {
      expect(await checkedAtBuild(pack, built)).toBeNull();
    } finally {
      await writeFile(file, text);
    }
    expect(await checkedAtBuild(pack, built)).not.toBeNull();
  });

  it('is not taken when a file is gone, or one the build did not see is there', async () => {
    const retired = join(pack, 'retired.json');
    const text = await readFile(retired, 'utf8');
    await rm(retired);
    try {
      expect(await checkedAtBuild(pack, built)).toBeNull();
    } finally {
      await writeFile(retired, text);
    }
    const noRetired = pathToFileURL(join(work, 'without-retired.json'));
    const files = (await digests(pack, PACK_FILE_NAMES))!.map((f) => (f.file === 'retired.json' ? { ...f, sha256: null } : f));
    await writeFile(noRetired, JSON.stringify({ files, data: checked }));
    expect(await checkedAtBuild(pack, noRetired)).toBeNull();
  });

  it('is not there beside the sources, so tests check the pack as it is', async () => {
    expect(await checkedAtBuild(DEFAULT_PACK_DIR)).toBeNull();
  });
});
