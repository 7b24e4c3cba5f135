/**
 * The decision step of the calibration, made fast enough to search and cross-validate: each line's
 * two probabilities are computed once per model, and a choice of thresholds then only compares
 * numbers. It decides exactly as src/core/match/confidence.ts `decide` does.
 */
import type { Retrieval } from '../../src/core/match/retrieve.js';
import type { OutcomeFigures } from '../../tests/core/match/outcomes.js';
import type { Source } from './data.js';

/** The ratios of the first point's fit a candidate may be offered from (tuning.candidateRatio). */
export const CANDIDATE_RATIOS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8] as const;

/** One line as the decision sees it. */
export interface Scored {
  source: Source;
  /** Whether the line makes a point (it is labelled with one). */
  isPoint: boolean;
  /** Whether anything was ranked at all: a line nothing reaches is refused whatever the thresholds. */
  ranked: boolean;
  /** The first-ranked point is the labelled one. */
  firstRight: boolean;
  /** The leaders agree on a side (features.agree). */
  agree: boolean;
  /** The first point's lead over the runner-up (features.margin). */
  margin: number;
  /** p(the first point is the one meant). */
  sure: number;
  /** p(the line makes a point), never below `sure` (as decide reads it). */
  point: number;
  /** Per CANDIDATE_RATIOS: whether the labelled point is among the candidates offered. */
  offeredAt: boolean[];
}

export interface Thresholds {
  sureAt: number;
  /** Fixed, not searched (tuning.sureMargin): chosen by cross-validation over the student sets. */
  sureMargin: number;
  askAt: number;
  candidateRatio: number;
}

/** Which of a ranking's candidates a question would offer, as decide chooses them. */
export function offeredAt(r: Retrieval, point: string | null, maxCandidates: number): boolean[] {
  const first = r.candidates[0];
  return CANDIDATE_RATIOS.map((ratio) => !!first && point !== null &&
    r.candidates.filter((c) => c.fit >= first.fit * ratio).slice(0, maxCandidates).some((c) => c.point.id === point));
}

/** What became of one line. */
export const RESULTS = ['first', 'wrong', 'offered', 'askedWithout', 'missed', 'refused', 'accepted'] as const;
export type Result = (typeof RESULTS)[number];

export function resultOf(s: Scored, t: Thresholds): Result {
  if (!s.ranked) return s.isPoint ? 'missed' : 'refused';
  const outcome = s.sure >= t.sureAt && s.agree && s.margin >= t.sureMargin ? 'sure' : s.point < t.askAt ? 'none' : 'unsure';
  if (!s.isPoint) return outcome === 'none' ? 'refused' : 'accepted';
  if (outcome === 'sure') return s.firstRight ? 'first' : 'wrong';
  if (outcome === 'none') return 'missed';
  return s.offeredAt[CANDIDATE_RATIOS.indexOf(t.candidateRatio as (typeof CANDIDATE_RATIOS)[number])] ? 'offered' : 'askedWithout';
}

/** Counts of each result, per source: the figures follow from them (tests/core/match/outcomes.ts counts the same way). */
export type Counts = Map<Source, Record<Result, number>>;

export function countResults(scored: readonly Scored[], thresholdsOf: (i: number) => Thresholds, into: Counts = new Map()): Counts {
  scored.forEach((s, i) => {
    let c = into.get(s.source);
    if (!c) into.set(s.source, (c = Object.fromEntries(RESULTS.map((r) => [r, 0])) as Record<Result, number>));
    c[resultOf(s, thresholdsOf(i))]++;
  });
  return into;
}

export function figuresOf(c: Record<Result, number>): OutcomeFigures {
  const args = c.first + c.wrong + c.offered + c.askedWithout + c.missed;
  const noPoint = c.refused + c.accepted;
  const share = (n: number, of: number) => (of === 0 ? 1 : n / of);
  return {
    arguments: args, noPoint,
    first: share(c.first, args), offered: share(c.first + c.offered, args), wrong: share(c.wrong, args),
    asked: share(c.offered + c.askedWithout, args), refused: share(c.refused, noPoint),
  };
}

/** The sources' figures averaged with the given weights (a source without lines of a kind is left out of that figure). */
export function weighted(figures: Map<Source, OutcomeFigures>, weightOf: (s: Source) => number): OutcomeFigures {
  const sum = { first: 0, offered: 0, wrong: 0, asked: 0, refused: 0 };
  let wArgs = 0, wNone = 0, args = 0, noPoint = 0;
  for (const [source, f] of figures) {
    const w = weightOf(source);
    args += f.arguments;
    noPoint += f.noPoint;
    if (f.arguments > 0 && w > 0) {
      wArgs += w;
      sum.first += w * f.first; sum.offered += w * f.offered; sum.wrong += w * f.wrong; sum.asked += w * f.asked;
    }
    if (f.noPoint > 0 && w > 0) {
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

/** The threshold grid: every combination is tried, with the one fixed `sureMargin`. */
export function* thresholdGrid(sureMargin: number): Generator<Thresholds> {
  for (let sureAt = 0.4; sureAt <= 0.976; sureAt += 0.025) {
    for (let askAt = 0.05; askAt <= 0.901; askAt += 0.025) {
      for (const candidateRatio of CANDIDATE_RATIOS) yield { sureAt: round(sureAt, 3), sureMargin, askAt: round(askAt, 3), candidateRatio };
    }
  }
}

/**
 * The thresholds with the best utility of the weighted figures over `scored`. The grid is a few
 * thousand combinations, so the lines are first reduced to plain arrays.
 */
export function bestThresholds(
  scored: readonly Scored[], weightOf: (s: Source) => number, utility: (f: OutcomeFigures) => number, sureMargin: number,
): { thresholds: Thresholds; u: number } {
  const sources = [...new Set(scored.map((s) => s.source))];
  const sourceIndex = scored.map((s) => sources.indexOf(s.source));
  const counts = sources.map(() => new Int32Array(RESULTS.length));
  const index = Object.fromEntries(RESULTS.map((r, i) => [r, i])) as Record<Result, number>;
  let best: { thresholds: Thresholds; u: number } | null = null;
  for (const t of thresholdGrid(sureMargin)) {
    for (const c of counts) c.fill(0);
    for (let i = 0; i < scored.length; i++) counts[sourceIndex[i]!]![index[resultOf(scored[i]!, t)]]!++;
    const figures = new Map(sources.map((source, k) => [source, figuresOf(Object.fromEntries(RESULTS.map((r, j) => [r, counts[k]![j]!])) as Record<Result, number>)]));
    const u = utility(weighted(figures, weightOf));
    if (!best || u > best.u + 1e-12) best = { thresholds: t, u };
  }
  return best!;
}

export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
