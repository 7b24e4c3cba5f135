import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PackFiles } from './schema.js';
import type { Anchor, PackData } from './schema.js';
import { PackError, formatPath, jsonErrorWhere, withIds, type PackProblem } from './problems.js';
import { crossCheck, type CheckedData } from './cross-check.js';
import { inFile, salvage } from './salvage.js';
import type { Pack } from './model.js';
import { PointLookup } from './point-lookup.js';

/**
 * The project folder: the nearest one above `from` that holds package.json. This module runs from
 * src/core/pack under tests and from dist/src/core/pack once compiled, so a fixed number of `..`
 * would be right for only one of them.
 */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '../../..');
  }
}

export const DEFAULT_PACK_DIR = join(projectRoot(dirname(fileURLToPath(import.meta.url))), 'content/latham-nato');

/**
 * Reads and validates every file of a pack, collecting all problems instead of stopping at the
 * first: when some entries fail their shape, the cross-checks still run on the entries that passed.
 */
export async function loadPack(dir: string = DEFAULT_PACK_DIR): Promise<Pack> {
  const isFolder = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isFolder) throw new PackError([{ file: dir, path: '(folder)', message: 'there is no content pack folder here' }], dir);
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
  return buildPack(resolve(dir), parsed as PackData);
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

function buildPack(dir: string, d: PackData): Pack {
  const anchors = new Map<Anchor, string>();
  for (const p of [...d.article.keyPoints, ...d.article.paragraphs]) anchors.set(p.anchor, p.text);
  const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x] as const));
  const replacedBy = new Map(d.retired.map((r) => [r.id, r.replacedBy] as const));
  const live = (id: string) => replacedBy.get(id) ?? id;
  const answers = new Map<string, PackData['counterpoints']>();
  for (const c of d.counterpoints) answers.set(c.point, [...(answers.get(c.point) ?? []), c]);
  const examples = new Map<string, string[]>();
  for (const set of d.examples) examples.set(set.point, [...(examples.get(set.point) ?? []), ...set.examples]);
  return {
    dir,
    manifest: d.manifest,
    article: d.article,
    motions: d.motions,
    points: d.points,
    counterpoints: d.counterpoints,
    examplesOf: (pointId) => examples.get(pointId) ?? [],
    quiz: d.quiz,
    prompts: d.prompts,
    anchors,
    motionById: byId(d.motions),
    pointById: new PointLookup(d.points, replacedBy),
    questionById: byId(d.quiz),
    promptById: byId(d.prompts),
    answersTo: (pointId) => answers.get(live(pointId)) ?? [],
    pointsOf: (motionId, side) => d.points.filter((p) => p.motion === motionId && (!side || p.side === side)),
  };
}
