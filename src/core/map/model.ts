import type { Pack } from '../pack/model.js';
import type { Motion, Point, Side } from '../pack/schema.js';

/**
 * What the argument map shows, before any drawing: the motion, each side's points in pack order
 * (strongest first), and which counterpoint answers which point. A debate adds which points were
 * made and which of those stand unanswered; the map of a motion alone has neither.
 */

export interface MapPoint {
  id: string;
  side: Side;
  /** F1, F2… and A1, A2…: short names the picture and its text rendering share. */
  label: string;
  claim: string;
  source: Point['source'];
  /** The article anchors an author point quotes; empty for an editorial one. */
  anchors: string[];
  made: boolean;
  unanswered: boolean;
}

export interface MapEdge {
  /** The counterpoint… */
  from: string;
  /** …and the point it answers (always on the other side). */
  to: string;
  /** Both were made in the debate, by their own sides: this answer was given. */
  made: boolean;
}

export interface ArgumentMap {
  motion: Pick<Motion, 'id' | 'title' | 'statement'>;
  points: Record<Side, MapPoint[]>;
  edges: MapEdge[];
  /** Whether this is a debate's map (made and unanswered mean something) or a motion's. */
  fromDebate: boolean;
}

export interface MapState {
  /** Points made in the debate by their own side. */
  made: ReadonlySet<string>;
  /** Points made and not answered by the other side. */
  unanswered: ReadonlySet<string>;
}

export function anchorsOf(point: Point): string[] {
  return point.source === 'author' ? [...new Set(point.quotes.map((q) => q.anchor))] : [];
}

export function buildArgumentMap(pack: Pack, motionId: string, state?: MapState): ArgumentMap | null {
  const motion = pack.motionById.get(motionId);
  if (!motion) return null;
  const column = (side: Side): MapPoint[] => pack.pointsOf(motion.id, side).map((p, i) => ({
    id: p.id, side, label: `${side === 'for' ? 'F' : 'A'}${i + 1}`, claim: p.claim, source: p.source, anchors: anchorsOf(p),
    made: state?.made.has(p.id) ?? false, unanswered: state?.unanswered.has(p.id) ?? false,
  }));
  const points = { for: column('for'), against: column('against') };
  const onMap = new Set([...points.for, ...points.against].map((p) => p.id));
  const edges: MapEdge[] = pack.counterpoints
    .filter((c) => onMap.has(c.point) && onMap.has(c.answer) && pack.pointById.get(c.point)?.side !== pack.pointById.get(c.answer)?.side)
    .map((c) => ({ from: c.answer, to: c.point, made: Boolean(state?.made.has(c.answer) && state.made.has(c.point)) }));
  return { motion: { id: motion.id, title: motion.title, statement: motion.statement }, points, edges, fromDebate: state !== undefined };
}
