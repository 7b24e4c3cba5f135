/**
 * Fits the matcher to the shipped pack on TUNING data only, and (with --write) writes the result to
 * src/core/match/calibration.json. Rerun it whenever the content pack changes:
 *
 *   node bin/run-ts.js scripts/calibrate-matcher.ts          # measure and print
 *   node bin/run-ts.js scripts/calibrate-matcher.ts --write  # and write calibration.json
 *
 * Tuning data (scripts/calibrate/data.ts): the "tune" half of tests/fixtures/student-blind.json,
 * the pack's own examples judged by an index that leaves each one's fold out, and the tuning parts
 * of the older labelled sets. The held-out half of the blind set is never read here.
 *
 * 1. Ranking: every combination in RANKING_GRID is scored on how often the right point ranks
 *    first (then among the first three) within its motion; the best is kept.
 * 2. Confidence: two logistic models over the ranking's features (features.ts): is the first
 *    point the one meant, and does the line make a point at all.
 * 3. Decision: the thresholds to answer, ask or refuse, searched on a grid for the best UTILITY
 *    within the aims (wrong answers ≤ 2%, lines without a point refused ≥ 97% here, a
 *    margin under the held-out aims of 3% and 95%).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPack } from '../src/core/pack/load.js';
import type { Pack } from '../src/core/pack/model.js';
import { buildPointIndex, type PointIndex } from '../src/core/match/point-index.js';
import { retrieve, type Retrieval } from '../src/core/match/retrieve.js';
import { FEATURES, featuresOf, type Features } from '../src/core/match/features.js';
import { decide } from '../src/core/match/confidence.js';
import { isRude } from '../src/core/match/civility.js';
import { UNFITTED_TUNING, withFit, zeroWeights, type MatchTuning } from '../src/core/match/tuning.js';
import { describeFigures, tally, type OutcomeFigures } from '../tests/core/match/outcomes.js';
import { tuningSamples, withoutFold, type TuningSample } from './calibrate/data.js';
import { fitLogistic } from './calibrate/logistic.js';

const CALIBRATION_FILE = fileURLToPath(new URL('../src/core/match/calibration.json', import.meta.url));

/** How much each source counts: the blind student lines are the nearest thing to real replies. */
const SOURCE_WEIGHT: Record<TuningSample['source'], number> = { 'student-blind': 0.5, examples: 0.3, 'labelled-sets': 0.2 };

/** The aims, with a margin: the held-out half will do a little worse than the data fitted on. */
const MAX_WRONG = 0.02;
const MIN_REFUSED = 0.97;

/** Light regularisation: about a thousand tuning lines against a dozen features. */
const L2 = 0.1;

/**
 * Per reply: answering right is worth most, asking with the right point among the choices costs
 * the user a click, refusing an argument costs a rephrase, a wrong answer misleads (the worst).
 */
function utility(f: OutcomeFigures): number {
  const penalty = 10 * Math.max(0, f.wrong - MAX_WRONG) + 10 * Math.max(0, MIN_REFUSED - f.refused);
  return f.first + 0.6 * (f.offered - f.first) - 3 * f.wrong + f.refused - penalty;
}

type RankingKnobs = Pick<MatchTuning, 'examplesAs' | 'exampleBoost' | 'exampleCredit' | 'rankWeights'>;

function rankingGrid(hasExamples: boolean): RankingKnobs[] {
  const w = (coverage: number, bm25: number, example = 0, neighbour = 0) => ({ coverage, bm25, example, neighbour });
  const plain = [w(1, 0), w(1, 0.5), w(1, 1), w(0, 1)];
  if (!hasExamples) return plain.map((rankWeights) => ({ examplesAs: 'field', exampleBoost: 1, exampleCredit: 0.75, rankWeights }));
  const out: RankingKnobs[] = [];
  for (const exampleCredit of [0.75, 1]) {
    for (const exampleBoost of [0.5, 1, 2]) {
      for (const rankWeights of plain.slice(0, 3)) out.push({ examplesAs: 'field', exampleBoost, exampleCredit, rankWeights });
    }
    for (const rankWeights of [...plain.slice(0, 3), w(1, 0.5, 0.5), w(1, 0.5, 0, 0.5), w(1, 0, 0, 0.5)]) {
      out.push({ examplesAs: 'documents', exampleBoost: 1, exampleCredit, rankWeights });
    }
  }
  return out;
}

function weighted(figures: Map<TuningSample['source'], OutcomeFigures>): OutcomeFigures {
  const sum = { first: 0, offered: 0, wrong: 0, asked: 0, refused: 0 };
  let wArgs = 0;
  let wNone = 0;
  let args = 0;
  let noPoint = 0;
  for (const [source, f] of figures) {
    const w = SOURCE_WEIGHT[source];
    args += f.arguments;
    noPoint += f.noPoint;
    if (f.arguments > 0) {
      wArgs += w;
      sum.first += w * f.first; sum.offered += w * f.offered; sum.wrong += w * f.wrong; sum.asked += w * f.asked;
    }
    if (f.noPoint > 0) {
      wNone += w;
      sum.refused += w * f.refused;
    }
  }
  const by = (x: number, w: number) => (w === 0 ? 1 : x / w);
  return {
    arguments: args, noPoint,
    first: by(sum.first, wArgs), offered: by(sum.offered, wArgs), wrong: by(sum.wrong, wArgs), asked: by(sum.asked, wArgs),
    refused: by(sum.refused, wNone),
  };
}

function bySource<T>(samples: readonly TuningSample[], values: readonly T[], each: (s: TuningSample[], v: T[]) => OutcomeFigures) {
  const out = new Map<TuningSample['source'], OutcomeFigures>();
  for (const source of Object.keys(SOURCE_WEIGHT) as TuningSample['source'][]) {
    const idx = samples.map((s, i) => (s.source === source ? i : -1)).filter((i) => i >= 0);
    if (idx.length) out.set(source, each(idx.map((i) => samples[i]!), idx.map((i) => values[i]!)));
  }
  return out;
}

function retrieveAll(pack: Pack, samples: readonly TuningSample[], t: MatchTuning): Retrieval[] {
  const indexes = new Map<number | null, { pack: Pack; index: PointIndex }>();
  const indexFor = (fold: number | null) => {
    let entry = indexes.get(fold);
    if (!entry) {
      const p = fold === null ? pack : withoutFold(pack, fold);
      entry = { pack: p, index: buildPointIndex(p.points, p.examplesOf, { examplesAs: t.examplesAs, exampleCredit: t.exampleCredit }) };
      indexes.set(fold, entry);
    }
    return entry;
  };
  return samples.map((s) => {
    const { pack: p, index } = indexFor(s.fold);
    return retrieve(p, index, t, s.text, s.motion);
  });
}

/** Ranking quality: the right point first, then among the first three, by source. */
function rankingBySource(samples: readonly TuningSample[], retrievals: readonly Retrieval[]) {
  return bySource(samples, retrievals, (ss, rs) => tally(ss, (s, i) => {
    const r = rs[i]!;
    const top = r.candidates.slice(0, 3).map((c) => ({ point: c.point.id, motion: c.point.motion, side: c.point.side, anchors: [], score: c.fit }));
    // "first" reads as: ranked first; "offered" as: among the first three.
    return top[0]?.point === s.point
      ? { outcome: 'sure' as const, match: top[0]!, candidates: [] }
      : { outcome: 'unsure' as const, match: null, candidates: top };
  }));
}

function fitModels(samples: readonly TuningSample[], retrievals: readonly Retrieval[], leaderRatio: number) {
  const xs: (Features | null)[] = retrievals.map((r) => featuresOf(r, leaderRatio));
  const counts = new Map<string, number>();
  for (const s of samples) counts.set(s.source, (counts.get(s.source) ?? 0) + 1);
  const sampleWeight = (s: TuningSample) => (SOURCE_WEIGHT[s.source] * samples.length) / (counts.get(s.source) ?? 1);
  const sure = { rows: [] as number[][], labels: [] as number[], weights: [] as number[] };
  const point = { rows: [] as number[][], labels: [] as number[], weights: [] as number[] };
  samples.forEach((s, i) => {
    const x = xs[i];
    if (!x) return;
    const row = FEATURES.map((f) => x[f]);
    const ranked = retrievals[i]!.candidates.map((c) => c.point.id);
    sure.rows.push(row); sure.labels.push(ranked[0] === s.point ? 1 : 0); sure.weights.push(sampleWeight(s));
    // An argument whose point ranks nowhere near the top is better refused than asked about.
    if (s.point !== null && !ranked.slice(0, 3).includes(s.point)) return;
    point.rows.push(row); point.labels.push(s.point === null ? 0 : 1); point.weights.push(sampleWeight(s));
  });
  // More of the line covered, a clearer lead, a side agreed: none of these may count against a point
  // (the line's length may weigh either way).
  const nonNegative = FEATURES.map((f) => f !== 'length');
  const toModel = (f: ReturnType<typeof fitLogistic>) => ({
    bias: round(f.bias), weights: zeroWeights(Object.fromEntries(FEATURES.map((name, j) => [name, round(f.weights[j]!)]))),
  });
  return {
    sureModel: toModel(fitLogistic(sure.rows, sure.labels, sure.weights, L2, nonNegative)),
    pointModel: toModel(fitLogistic(point.rows, point.labels, point.weights, L2, nonNegative)),
  };
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const pack = await loadPack();
const all = tuningSamples(pack);
const samples = all.filter((s) => !isRude(s.text));
const hasExamples = pack.points.some((p) => pack.examplesOf(p.id).length > 0);
const count = (source: string, kind: 'arg' | 'none') => samples.filter((s) => s.source === source && (kind === 'arg') === (s.point !== null)).length;
console.log(`tuning samples: ${samples.length} (${all.length - samples.length} rude lines left to the civility check)`);
for (const source of Object.keys(SOURCE_WEIGHT)) console.log(`  ${source}: ${count(source, 'arg')} arguments, ${count(source, 'none')} lines without a point (× motions)`);

// 1. Ranking
let best: { knobs: RankingKnobs; first: number; offered: number; retrievals: Retrieval[] } | null = null;
for (const knobs of rankingGrid(hasExamples)) {
  const t = withFit(UNFITTED_TUNING, knobs);
  const retrievals = retrieveAll(pack, samples, t);
  const f = weighted(rankingBySource(samples, retrievals));
  if (!best || f.first > best.first + 1e-9 || (Math.abs(f.first - best.first) < 1e-9 && f.offered > best.offered)) {
    best = { knobs, first: f.first, offered: f.offered, retrievals };
  }
}
if (!best) throw new Error('no ranking configuration to try');
console.log(`ranking: ${JSON.stringify(best.knobs)}: right point first ${pct(best.first)}, in the first three ${pct(best.offered)} (weighted)`);
for (const [source, f] of rankingBySource(samples, best.retrievals)) {
  if (f.arguments) console.log(`  ${source}: first ${pct(f.first)}, in the first three ${pct(f.offered)}`);
}

// 2 and 3. Confidence and decision
let chosen: { tuning: MatchTuning; figures: OutcomeFigures; perSource: Map<string, OutcomeFigures>; u: number } | null = null;
for (const leaderRatio of [0.7, 0.8, 0.9, 0.95]) {
  const models = fitModels(samples, best.retrievals, leaderRatio);
  for (let sureAt = 0.4; sureAt <= 0.975; sureAt += 0.025) {
    for (let askAt = 0.05; askAt <= 0.8; askAt += 0.025) {
      for (const candidateRatio of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
        const t = withFit(UNFITTED_TUNING, { ...best.knobs, ...models, leaderRatio, sureAt: round(sureAt, 3), askAt: round(askAt, 3), candidateRatio });
        const perSource = bySource(samples, best.retrievals, (ss, rs) => tally(ss, (_, i) => {
          const d = decide(rs[i]!, t);
          const results = d.chosen.map((c) => ({ point: c.point.id, motion: c.point.motion, side: c.point.side, anchors: [], score: c.fit }));
          return { outcome: d.outcome, match: d.outcome === 'sure' ? results[0]! : null, candidates: d.outcome === 'unsure' ? results : [] };
        }));
        const figures = weighted(perSource);
        const u = utility(figures);
        if (!chosen || u > chosen.u) chosen = { tuning: t, figures, perSource, u };
      }
    }
  }
}
if (!chosen) throw new Error('no decision thresholds to try');
const { tuning } = chosen;
console.log(`decision: answer at p ≥ ${tuning.sureAt} (leaders within ${tuning.leaderRatio} must agree), ask at p ≥ ${tuning.askAt}, offer candidates within ${tuning.candidateRatio}`);
console.log(`tuning data, weighted: ${describeFigures(chosen.figures)}`);
for (const [source, f] of chosen.perSource) console.log(`  ${source}: ${describeFigures(f)}`);

if (process.argv.includes('--write')) {
  const { sureModel, pointModel, examplesAs, exampleBoost, exampleCredit, rankWeights, sureAt, askAt, candidateRatio, leaderRatio, maxCandidates } = tuning;
  const calibration = {
    note: 'Written by scripts/calibrate-matcher.ts from tuning data only; rerun it when the content pack changes.',
    fittedOn: Object.fromEntries(Object.keys(SOURCE_WEIGHT).map((s) => [s, { arguments: count(s, 'arg'), withoutPoint: count(s, 'none') }])),
    tuningFigures: Object.fromEntries([...chosen.perSource].map(([s, f]) => [s, { first: round(f.first), offered: round(f.offered), wrong: round(f.wrong), refused: round(f.refused) }])),
    tuning: { examplesAs, exampleBoost, exampleCredit, rankWeights, sureModel, pointModel, sureAt, askAt, candidateRatio, leaderRatio, maxCandidates },
  };
  writeFileSync(CALIBRATION_FILE, JSON.stringify(calibration, null, 2) + '\n');
  console.log(`wrote ${CALIBRATION_FILE}`);
}
