import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Matcher } from '../../../src/core/match/matcher.js';

export interface LabelledArgument {
  text: string;
  point: string;
}

export interface MatchCases {
  arguments: LabelledArgument[];
  offTopic: string[];
}

export const MATCH_CASES_FILE = fileURLToPath(new URL('../../fixtures/match-cases.json', import.meta.url));

export async function loadMatchCases(): Promise<MatchCases> {
  return JSON.parse(await readFile(MATCH_CASES_FILE, 'utf8')) as MatchCases;
}

/**
 * Every fourth case, counted per list, is held out: the thresholds were tuned while looking only
 * at the rest, so the held-out figures show how much of the tuning was fitting the set itself.
 */
export function splitCases(cases: MatchCases): { tuning: MatchCases; heldOut: MatchCases } {
  const held = (_: unknown, i: number) => i % 4 === 3;
  const kept = (_: unknown, i: number) => i % 4 !== 3;
  return {
    tuning: { arguments: cases.arguments.filter(kept), offTopic: cases.offTopic.filter(kept) },
    heldOut: { arguments: cases.arguments.filter(held), offTopic: cases.offTopic.filter(held) },
  };
}

export interface Evaluation {
  /** Share of labelled arguments the matcher is sure of, as the labelled point. */
  accuracy: number;
  /** Share it is sure of as the labelled point, or asks about with the labelled point among the choices. */
  offered: number;
  /** Share it is sure of as another point. */
  wrong: number;
  /** Share of off-topic lines that match nothing. */
  rejection: number;
  misses: { text: string; expected: string; got: string | null; score: number | null }[];
  falseAccepts: { text: string; got: string; score: number }[];
}

export function evaluate(matcher: Matcher, cases: MatchCases): Evaluation {
  const misses: Evaluation['misses'] = [];
  let offered = 0;
  let wrong = 0;
  for (const { text, point } of cases.arguments) {
    const judged = matcher.judge(text);
    const got = judged.match;
    if (got?.point !== point) misses.push({ text, expected: point, got: got?.point ?? null, score: got?.score ?? null });
    if (got?.point === point || judged.candidates.some((c) => c.point === point)) offered++;
    if (got && got.point !== point) wrong++;
  }
  const falseAccepts: Evaluation['falseAccepts'] = [];
  for (const text of cases.offTopic) {
    const got = matcher.match(text);
    if (got) falseAccepts.push({ text, got: got.point, score: got.score });
  }
  const share = (bad: number, all: number) => (all === 0 ? 1 : 1 - bad / all);
  const n = cases.arguments.length;
  return {
    accuracy: share(misses.length, n),
    offered: n === 0 ? 1 : offered / n,
    wrong: n === 0 ? 0 : wrong / n,
    rejection: share(falseAccepts.length, cases.offTopic.length),
    misses,
    falseAccepts,
  };
}

export const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
