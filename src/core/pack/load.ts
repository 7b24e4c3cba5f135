import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PackFiles } from './schema.js';
import type { Anchor, PackData } from './schema.js';
import { PackError, formatPath, jsonErrorWhere, withIds, type PackProblem } from './problems.js';
import { crossCheck } from './cross-check.js';
import type { Pack } from './model.js';

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

/** Reads and validates every file of a pack, collecting all problems instead of stopping at the first. */
export async function loadPack(dir: string = DEFAULT_PACK_DIR): Promise<Pack> {
  const isFolder = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isFolder) throw new PackError([{ file: dir, path: '(folder)', message: 'there is no content pack folder here' }], dir);
  const problems: PackProblem[] = [];
  const parsed: Partial<PackData> = {};
  const raws = new Map<string, unknown>();
  for (const [key, { file, schema }] of Object.entries(PackFiles)) {
    let raw: unknown;
    let text = '';
    try {
      text = await readFile(join(dir, file), 'utf8');
      raw = JSON.parse(text);
      raws.set(file, raw);
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file is missing' : `not valid JSON: ${jsonErrorWhere(text, err as Error)}`;
      problems.push({ file, path: '(file)', message: reason });
      continue;
    }
    // Parsed once per start: compiling zod's fast path for each schema would cost more than it saves.
    const result = schema.safeParse(raw, { jitless: true });
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file, path: formatPath(issue.path), message: issue.message });
      }
      continue;
    }
    (parsed as Record<string, unknown>)[key] = result.data;
  }
  const fail = () => new PackError(withIds(problems, (file) => raws.get(file)), dir);
  if (problems.length > 0) throw fail();
  const data = parsed as PackData;
  problems.push(...crossCheck(data));
  if (problems.length > 0) throw fail();
  return buildPack(resolve(dir), data);
}

function buildPack(dir: string, d: PackData): Pack {
  const anchors = new Map<Anchor, string>();
  for (const p of [...d.article.keyPoints, ...d.article.paragraphs]) anchors.set(p.anchor, p.text);
  const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x] as const));
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
    pointById: byId(d.points),
    questionById: byId(d.quiz),
    promptById: byId(d.prompts),
    answersTo: (pointId) => answers.get(pointId) ?? [],
    pointsOf: (motionId, side) => d.points.filter((p) => p.motion === motionId && (!side || p.side === side)),
  };
}
