import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Pack } from '../../src/core/pack/model.js';
import type { Sample } from '../../tests/core/match/outcomes.js';
import { tuneHalf, type BlindEntry } from '../../tests/core/match/blind-entries.js';

export const SOURCES = ['student-blind', 'student-extra', 'examples', 'labelled-sets'] as const;
export type Source = (typeof SOURCES)[number];

/** A tuning line, with where it came from and which examples fold (if any) must be left out of the index to judge it. */
export interface TuningSample extends Sample {
  source: Source;
  /** Examples cross-validation: the fold whose examples the index leaves out; null for the full pack. */
  fold: number | null;
}

export const EXAMPLE_FOLDS = 5;

const fixture = (name: string) => fileURLToPath(new URL(`../../tests/fixtures/${name}`, import.meta.url));
const readJson = <T>(name: string): T => JSON.parse(readFileSync(fixture(name), 'utf8')) as T;

/** Lines with no point are replies in a debate on any motion: each is judged under every one. */
function everyMotion(pack: Pack, text: string, source: TuningSample['source']): TuningSample[] {
  return pack.motions.map((m) => ({ text, motion: m.id, point: null, source, fold: null }));
}

/**
 * The tuning half of a blind student set, and only that half: the held-out half of
 * student-blind.json is never read here (student-blind-extra.json is all tuning lines).
 */
function studentLines(pack: Pack, file: string, source: Source): TuningSample[] {
  if (!existsSync(fixture(file))) return [];
  return tuneHalf(readJson<unknown>(file)).flatMap((e: BlindEntry): TuningSample[] => {
    // A label the pack does not know (content in flux) is skipped rather than counted as a miss.
    if (!pack.motionById.has(e.motion) || (e.point !== null && pack.pointById.get(e.point)?.motion !== e.motion)) return [];
    return [{ text: e.text, motion: e.motion, point: e.point, source, fold: null }];
  });
}

/** Every example, judged by an index built without its fold (so it cannot simply find itself). */
function examples(pack: Pack): TuningSample[] {
  return pack.points.flatMap((p) => pack.examplesOf(p.id).map((text, i) => ({
    text, motion: p.motion, point: p.id, source: 'examples' as const, fold: i % EXAMPLE_FOLDS,
  })));
}

/**
 * The tuning parts of the older labelled sets (their tests keep the other parts held out):
 * match-cases.json without every fourth line, match-cases-blind.json's odd lines.
 */
function labelledSets(pack: Pack): TuningSample[] {
  const cases = readJson<{ arguments: { text: string; point: string }[]; offTopic: string[] }>('match-cases.json');
  const blind = readJson<{ arguments: { text: string; point: string }[]; offTopic: string[]; assertions: { text: string; motion: string }[] }>('match-cases-blind.json');
  const kept = <T>(list: T[], keep: (i: number) => boolean) => list.filter((_, i) => keep(i));
  const notFourth = (i: number) => i % 4 !== 3;
  const odd = (i: number) => i % 2 === 1;
  const args = [...kept(cases.arguments, notFourth), ...kept(blind.arguments, odd)].flatMap((a): TuningSample[] => {
    const motion = pack.pointById.get(a.point)?.motion;
    return motion ? [{ text: a.text, motion, point: a.point, source: 'labelled-sets', fold: null }] : [];
  });
  const offTopic = [...kept(cases.offTopic, notFourth), ...kept(blind.offTopic, odd)].flatMap((t) => everyMotion(pack, t, 'labelled-sets'));
  const assertions = kept(blind.assertions, odd)
    .filter((a) => pack.motionById.has(a.motion))
    .map((a): TuningSample => ({ text: a.text, motion: a.motion, point: null, source: 'labelled-sets', fold: null }));
  return [...args, ...offTopic, ...assertions];
}

export function tuningSamples(pack: Pack): TuningSample[] {
  return [
    ...studentLines(pack, 'student-blind.json', 'student-blind'),
    ...studentLines(pack, 'student-blind-extra.json', 'student-extra'),
    ...examples(pack),
    ...labelledSets(pack),
  ];
}

/** The pack as the index of one examples fold sees it: that fold's examples left out. */
export function withoutFold(pack: Pack, fold: number): Pack {
  return { ...pack, examplesOf: (id) => pack.examplesOf(id).filter((_, i) => i % EXAMPLE_FOLDS !== fold) };
}
