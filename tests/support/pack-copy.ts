import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PACK_DIR, loadPack } from '../../src/core/pack/load.js';
import { PackError, type PackProblem } from '../../src/core/pack/problems.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Returns the file's new content, or nothing to keep the edited value, or `'delete'` to remove the file. */
export type FileEdit = (data: Json) => Json | void | 'delete';

/**
 * Copies the shipped pack, applies the edits file by file, and returns every problem the loader
 * reports (none when the edited pack loads).
 */
export async function problemsAfterEdits(edits: Record<string, FileEdit>): Promise<PackProblem[]> {
  const dir = await mkdtemp(join(tmpdir(), 'rostrum-pack-'));
  try {
    await cp(DEFAULT_PACK_DIR, dir, { recursive: true });
    for (const [file, edit] of Object.entries(edits)) {
      const path = join(dir, file);
      const data = JSON.parse(await readFile(path, 'utf8'));
      const out = edit(data);
      if (out === 'delete') await rm(path);
      else await writeFile(path, JSON.stringify(out === undefined ? data : out, null, 2));
    }
    await loadPack(dir);
    return [];
  } catch (err) {
    if (err instanceof PackError) return err.problems;
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
