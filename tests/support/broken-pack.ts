import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPack, DEFAULT_PACK_DIR } from '../../src/core/pack/load.js';
import { PackError, type PackProblem } from '../../src/core/pack/problems.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** How to break one file: change its parsed content, replace its text, or (null) delete it. */
export type FileEdit = ((data: Json) => Json | void) | string | null;

/** Runs `use` on a throwaway copy of the shipped pack with the edits applied, then removes the copy. */
export async function withBrokenCopy<T>(edits: Record<string, FileEdit>, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'rostrum-pack-'));
  try {
    await cp(DEFAULT_PACK_DIR, dir, { recursive: true });
    for (const [file, edit] of Object.entries(edits)) {
      const path = join(dir, file);
      if (edit === null) await rm(path);
      else if (typeof edit === 'string') await writeFile(path, edit);
      else {
        const data = JSON.parse(await readFile(path, 'utf8'));
        const out = edit(data);
        await writeFile(path, JSON.stringify(out === undefined ? data : out, null, 2));
      }
    }
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Every problem the loader reports for the shipped pack with the edits applied (none when it loads). */
export function problemsAfterEdits(edits: Record<string, FileEdit>): Promise<PackProblem[]> {
  return withBrokenCopy(edits, async (dir) => {
    try {
      await loadPack(dir);
      return [];
    } catch (err) {
      if (err instanceof PackError) return err.problems;
      throw err;
    }
  });
}
