import type { Judgement } from '../../../src/core/match/matcher.js';

/** One labelled reply in a debate on `motion`: the point it makes, or null when it makes none. */
export interface Sample {
  text: string;
  motion: string;
  point: string | null;
}

/** The three-outcome figures the issue asks for, as shares of the lines they are about. */
export interface OutcomeFigures {
  arguments: number;
  noPoint: number;
  /** Arguments answered at once with the right point. */
  first: number;
  /** Arguments answered with the right point, or asked about with the right point among the choices. */
  offered: number;
  /** Arguments answered at once with a wrong point. */
  wrong: number;
  /** Arguments asked about ("Did you mean…?"). */
  asked: number;
  /** Lines that make no point, refused (no answer and no choices). */
  refused: number;
}

type Reading = Pick<Judgement, 'outcome' | 'match' | 'candidates'>;

export function tally<S extends Sample>(samples: readonly S[], read: (s: S, i: number) => Reading): OutcomeFigures {
  let args = 0, noPoint = 0, first = 0, offered = 0, wrong = 0, asked = 0, refused = 0;
  for (const [i, s] of samples.entries()) {
    const r = read(s, i);
    if (s.point === null) {
      noPoint++;
      if (r.outcome === 'none') refused++;
      continue;
    }
    args++;
    if (r.outcome === 'sure') {
      if (r.match?.point === s.point) first++, offered++;
      else wrong++;
    } else if (r.outcome === 'unsure') {
      asked++;
      if (r.candidates.some((c) => c.point === s.point)) offered++;
    }
  }
  const share = (n: number, of: number) => (of === 0 ? 1 : n / of);
  return {
    arguments: args, noPoint,
    first: share(first, args), offered: share(offered, args), wrong: share(wrong, args), asked: share(asked, args),
    refused: share(refused, noPoint),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function describeFigures(f: OutcomeFigures): string {
  return `${f.arguments} arguments: first ${pct(f.first)}, first or offered ${pct(f.offered)}, wrong ${pct(f.wrong)}, asked ${pct(f.asked)}; ` +
    `${f.noPoint} lines without a point: refused ${pct(f.refused)}`;
}
