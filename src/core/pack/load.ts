import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Anchor, PackData } from './schema.js';
import { PackError } from './problems.js';
import { checkedAtBuild } from './checked-at-build.js';
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
 * Reads a pack, validated. The files are checked (src/core/pack/check.ts: every problem listed,
 * not just the first) unless they are byte for byte the ones the build checked: the shipped pack,
 * as `npm install` left it, loads without running the checks again at every start.
 */
export async function loadPack(dir: string = DEFAULT_PACK_DIR): Promise<Pack> {
  const isFolder = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isFolder) throw new PackError([{ file: dir, path: '(folder)', message: 'there is no content pack folder here' }], dir);
  const data = (await checkedAtBuild(dir)) ?? (await (await import('./check.js')).checkPack(dir));
  return buildPack(resolve(dir), data);
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
