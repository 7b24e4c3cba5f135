import type { Pack } from '../../pack/model.js';
import type { Point, Side } from '../../pack/schema.js';
import type { ClassArgument } from '../../store/class-debate-store.js';
import type { MapState } from '../../map/model.js';

/**
 * Where a class debate stands, from its posted arguments: which points each side made (and who
 * made them), which answers were given, and which points stand unanswered. A point counts for a
 * side only when someone on that side made it; an argument for the other side's point is posted
 * as such, and counts for nobody.
 */
export interface Tally {
  /** Per side, the points made, in the order first made, with the names of who made them. */
  made: Record<Side, { point: Point; by: string[] }[]>;
  /** A made point → the made points of the other side that answer it. */
  answeredBy: Map<string, Point[]>;
  unanswered: Point[];
  untagged: number;
  posted: number;
}

export function tallyArguments(pack: Pack, args: readonly ClassArgument[]): Tally {
  const made: Tally['made'] = { for: [], against: [] };
  let untagged = 0;
  let posted = 0;
  for (const a of args) {
    if (a.status !== 'posted') continue;
    posted += 1;
    const point = a.point ? pack.pointById.get(a.point) : undefined;
    if (!point) {
      untagged += 1;
      continue;
    }
    if (point.side !== a.side) continue;
    const entry = made[a.side].find((m) => m.point.id === point.id);
    if (entry) {
      if (!entry.by.includes(a.userName)) entry.by.push(a.userName);
    } else {
      made[a.side].push({ point, by: [a.userName] });
    }
  }
  const madeIds = (side: Side) => new Set(made[side].map((m) => m.point.id));
  const answeredBy = new Map<string, Point[]>();
  const unanswered: Point[] = [];
  for (const side of ['for', 'against'] as const) {
    const other = madeIds(side === 'for' ? 'against' : 'for');
    for (const { point } of made[side]) {
      const answers = pack.answersTo(point.id).filter((c) => other.has(c.answer)).map((c) => pack.pointById.get(c.answer)!).filter(Boolean);
      if (answers.length) answeredBy.set(point.id, answers);
      else unanswered.push(point);
    }
  }
  return { made, answeredBy, unanswered, untagged, posted };
}

export function mapStateOf(t: Tally): MapState {
  return {
    made: new Set([...t.made.for, ...t.made.against].map((m) => m.point.id)),
    unanswered: new Set(t.unanswered.map((p) => p.id)),
  };
}
