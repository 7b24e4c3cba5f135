import type { Side } from '../pack/schema.js';
import type { ArgumentMap, MapEdge, MapPoint } from './model.js';

/**
 * Places the map on a fixed grid: the motion across the top, For on the left, Against on the right,
 * boxes in pack order, and every answer as a curve across the gap between the columns. Everything
 * follows from the map alone (no measuring of fonts, no randomness), so one map always draws the same.
 */

export const WIDTH = 1200;
const MARGIN = 40;
export const COLUMN_WIDTH = 440;
const BOX_PAD = 12;
export const CLAIM_FONT = 13;
export const CLAIM_LINE = 17;
export const LABEL_FONT = 11;
const LABEL_LINE = 16;
const BOX_GAP = 16;
export const TITLE_FONT = 20;
const TITLE_LINE = 26;
export const HEADER_FONT = 14;
const LEGEND_HEIGHT = 70;
/**
 * Characters per line, from DejaVu Sans's average advance (about 0.6 em for mixed text) with room
 * to spare, so a wrapped line never runs past its box.
 */
const CLAIM_CHARS = Math.floor((COLUMN_WIDTH - 2 * BOX_PAD) / (CLAIM_FONT * 0.62));
const TITLE_CHARS = Math.floor((WIDTH - 2 * MARGIN) / (TITLE_FONT * 0.62));

export interface PlacedPoint extends MapPoint {
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

export interface PlacedEdge extends MapEdge {
  side: Side;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface MapLayout {
  width: number;
  height: number;
  title: { lines: string[]; y: number };
  headers: { side: Side; x: number; y: number }[];
  points: PlacedPoint[];
  edges: PlacedEdge[];
  legendY: number;
}

/** Breaks text into lines of at most `max` characters at spaces; a longer word gets a line of its own. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export const columnX = (side: Side) => (side === 'for' ? MARGIN : WIDTH - MARGIN - COLUMN_WIDTH);

export function layOut(map: ArgumentMap): MapLayout {
  const titleLines = wrap(map.motion.statement, TITLE_CHARS);
  const titleY = MARGIN + TITLE_FONT;
  const headerY = titleY + (titleLines.length - 1) * TITLE_LINE + 40;
  const top = headerY + 18;
  const points: PlacedPoint[] = [];
  let bottom = top;
  for (const side of ['for', 'against'] as const) {
    let y = top;
    for (const p of map.points[side]) {
      const lines = wrap(`${p.label}  ${p.claim}`, CLAIM_CHARS);
      const height = BOX_PAD + lines.length * CLAIM_LINE + LABEL_LINE + BOX_PAD - 4;
      points.push({ ...p, x: columnX(side), y, width: COLUMN_WIDTH, height, lines });
      y += height + BOX_GAP;
    }
    bottom = Math.max(bottom, y);
  }
  return {
    width: WIDTH,
    height: bottom + LEGEND_HEIGHT,
    title: { lines: titleLines, y: titleY },
    headers: [{ side: 'for', x: columnX('for'), y: headerY }, { side: 'against', x: columnX('against'), y: headerY }],
    points,
    edges: placeEdges(map.edges, points),
    legendY: bottom + 16,
  };
}

/**
 * Each box's answers meet its inner edge at points spread down the box, ordered by where the other
 * end sits, so curves to boxes above leave from higher up and fewer of them cross.
 */
function placeEdges(edges: readonly MapEdge[], points: readonly PlacedPoint[]): PlacedEdge[] {
  const byId = new Map(points.map((p) => [p.id, p]));
  const centre = (p: PlacedPoint) => p.y + p.height / 2;
  const ends = new Map<string, MapEdge[]>();
  const usable = edges.filter((e) => byId.has(e.from) && byId.has(e.to));
  for (const e of usable) {
    for (const id of [e.from, e.to]) ends.set(id, [...(ends.get(id) ?? []), e]);
  }
  const yAt = (box: PlacedPoint, edge: MapEdge): number => {
    const mine = ends.get(box.id) ?? [];
    const other = (e: MapEdge) => byId.get(e.from === box.id ? e.to : e.from)!;
    const order = [...mine].sort((a, b) => centre(other(a)) - centre(other(b)) || (a.from + a.to).localeCompare(b.from + b.to));
    const slot = order.indexOf(edge);
    return box.y + (box.height * (slot + 1)) / (order.length + 1);
  };
  const innerX = (p: PlacedPoint) => (p.side === 'for' ? p.x + p.width : p.x);
  return usable.map((e) => {
    const from = byId.get(e.from)!;
    const to = byId.get(e.to)!;
    return { ...e, side: from.side, x1: innerX(from), y1: yAt(from, e), x2: innerX(to), y2: yAt(to, e) };
  });
}
