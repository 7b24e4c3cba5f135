import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PackFiles } from './schema.js';
import type { PackData } from './schema.js';
import { PackError, formatPath, jsonErrorWhere, withIds, type PackProblem } from './problems.js';
import { crossCheck, type CheckedData } from './cross-check.js';
import { inFile, salvage } from './salvage.js';

/** Every file a pack has, in the order they are read and checked. */
export const PACK_FILE_NAMES: readonly string[] = Object.values(PackFiles).map((e) => e.file);

/**
 * Reads and validates every file of a pack, collecting all problems instead of stopping at the
 * first: when some entries fail their shape, the cross-checks still run on the entries that passed.
 */
export async function checkPack(dir: string): Promise<PackData> {
  const problems: PackProblem[] = [];
  const parsed: Partial<PackData> = {};
  const raws = new Map<string, unknown>();
  const salvaged: Record<string, unknown> = {};
  const positions = new Map<string, number[]>();
  const gaps = { incomplete: new Set<string>(), unreadable: new Set<string>(), brokenIds: new Map<string, Set<string>>() };
  for (const [key, entry] of Object.entries(PackFiles)) {
    const { file, schema } = entry;
    let raw: unknown;
    let text = '';
    try {
      text = await readFile(join(dir, file), 'utf8');
      raw = JSON.parse(text);
      raws.set(file, raw);
    } catch (err) {
      if ('optional' in entry && (err as NodeJS.ErrnoException).code === 'ENOENT') {
        (parsed as Record<string, unknown>)[key] = [];
        continue;
      }
      const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file is missing' : `not valid JSON: ${jsonErrorWhere(text, err as Error)}`;
      problems.push({ file, path: '(file)', message: reason });
      gaps.incomplete.add(file);
      gaps.unreadable.add(file);
      continue;
    }
    // Parsed once per start: compiling zod's fast path for each schema would cost more than it saves.
    const result = schema.safeParse(raw, { jitless: true });
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file, path: formatPath(issue.path), message: issue.message });
      }
      const kept = salvage(schema, raw);
      gaps.incomplete.add(file);
      if (kept) {
        salvaged[key] = kept.data;
        gaps.brokenIds.set(file, kept.brokenIds);
        if (kept.positions) positions.set(file, kept.positions);
      } else gaps.unreadable.add(file);
      continue;
    }
    (parsed as Record<string, unknown>)[key] = result.data;
  }
  const checkable = checkableData({ ...salvaged, ...parsed });
  if (checkable) {
    for (const p of crossCheck(checkable, gaps)) problems.push({ ...p, path: inFile(p.path, positions.get(p.file)) });
  }
  if (problems.length > 0) throw new PackError(withIds(problems, (file) => raws.get(file)), dir);
  return parsed as PackData;
}

/**
 * What the cross-checks can run on: every list (empty when unreadable) and the article's anchored
 * text. Without that text no quote can be checked, so nothing is (its own problems are reported).
 */
function checkableData(read: Record<string, unknown>): CheckedData | null {
  const article = read.article as Partial<CheckedData['article']> | undefined;
  if (!article?.keyPoints || !article.paragraphs) return null;
  const lists: Record<string, unknown> = {};
  for (const key of Object.keys(PackFiles)) if (key !== 'manifest' && key !== 'article') lists[key] = read[key] ?? [];
  return { ...lists, article: { keyPoints: article.keyPoints, paragraphs: article.paragraphs } } as CheckedData;
}

