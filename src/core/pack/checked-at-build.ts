import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackData } from './schema.js';

/**
 * The shipped pack as the build checked it. Checking a pack (zod over every entry, then the
 * cross-checks) was the largest single cost of every start, for files that never change after
 * `npm install`. So the build (scripts/bundle-dist.mjs) checks the pack once and writes what the
 * checks read from it beside the bundle, with a digest of each file; a start whose files have the
 * same digests takes that data instead of checking again. Any other pack, or the shipped one edited,
 * is checked as before. The file sits beside the bundle's own code, so only the build that wrote it
 * reads it: the sources under test, or a build of other sources, never find it.
 */
export const CHECKED_PACK_FILE = 'checked-pack.json';

export interface CheckedPack {
  /** Every file of the pack, with the SHA-256 of its bytes, or null when the pack had none. */
  files: { file: string; sha256: string | null }[];
  data: PackData;
}

/** The digest of each file in `dir` (null for one that is not there); null when one cannot be read. */
export async function digests(dir: string, files: readonly string[]): Promise<CheckedPack['files'] | null> {
  // Read side by side: one after another, each file's open, read and close waited in turn, at every start.
  const unreadable = Symbol('unreadable');
  const out = await Promise.all(files.map(async (file) => {
    try {
      return { file, sha256: createHash('sha256').update(await readFile(join(dir, file))).digest('hex') };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return unreadable;
      return { file, sha256: null };
    }
  }));
  return out.some((f) => f === unreadable) ? null : (out as CheckedPack['files']);
}

/** The data the build checked, when `dir` holds exactly the files it checked; otherwise null. */
export async function checkedAtBuild(dir: string, built: URL = new URL(`./${CHECKED_PACK_FILE}`, import.meta.url)): Promise<PackData | null> {
  let checked: CheckedPack;
  try {
    checked = JSON.parse(await readFile(built, 'utf8')) as CheckedPack;
  } catch {
    return null; // not built beside this code: the sources, or a build without it
  }
  const now = await digests(dir, checked.files.map((f) => f.file));
  const same = now !== null && now.every((f, i) => f.sha256 === checked.files[i]!.sha256);
  return same ? checked.data : null;
}
