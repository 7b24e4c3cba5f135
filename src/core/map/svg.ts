import type { Side } from '../pack/schema.js';
import type { ArgumentMap } from './model.js';
import {
  CLAIM_FONT, CLAIM_LINE, COLUMN_WIDTH, HEADER_FONT, LABEL_FONT, TITLE_FONT, columnX, layOut, type PlacedEdge, type PlacedPoint,
} from './layout.js';

/**
 * The argument map as an SVG document. The core only writes the markup; turning it into a PNG
 * needs a native renderer, which lives outside the core (src/images). The font is named, not
 * embedded: the renderer is handed DejaVu Sans, so the picture is the same on every machine.
 */

export const MAP_FONT = 'DejaVu Sans';

const COLOURS: Record<Side, { ink: string; fill: string }> = {
  for: { ink: '#2f6db5', fill: '#d8e7f8' },
  against: { ink: '#b85a22', fill: '#f8e1d0' },
};
const UNANSWERED = '#c62828';
const GREY = '#8a96a3';
/** How faint an answer that was not given in the debate is drawn. */
const FAINT = 0.3;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Coordinates with at most one decimal, so the markup does not depend on floating-point noise. */
const n = (v: number) => String(Math.round(v * 10) / 10);

export const SIDE_HEADING: Record<Side, string> = { for: 'FOR THE MOTION', against: 'AGAINST THE MOTION' };

export function sourceNote(p: { source: 'author' | 'editorial'; anchors: readonly string[] }): string {
  return p.source === 'author' ? `Author · ${p.anchors.join(', ')}` : 'Editorial — not the author’s argument';
}

function box(p: PlacedPoint, fromDebate: boolean): string {
  const c = COLOURS[p.side];
  const fill = p.made ? c.fill : '#ffffff';
  const stroke = p.unanswered ? UNANSWERED : p.made ? c.ink : GREY;
  const dash = p.unanswered ? ' stroke-dasharray="7 4"' : '';
  const width = p.unanswered ? 3 : p.made ? 2 : 1;
  const text = p.lines.map((line, i) => `<text x="${n(p.x + 12)}" y="${n(p.y + 12 + CLAIM_FONT + i * CLAIM_LINE - 2)}" font-size="${CLAIM_FONT}" fill="#1d232a">${escapeXml(line)}</text>`);
  const labelY = p.y + p.height - 10;
  const note = `<text class="source" x="${n(p.x + 12)}" y="${n(labelY)}" font-size="${LABEL_FONT}" fill="${p.source === 'author' ? c.ink : '#5f6b77'}" font-style="${p.source === 'author' ? 'normal' : 'italic'}">${escapeXml(sourceNote(p))}</text>`;
  const status = fromDebate && (p.made || p.unanswered)
    ? `<text class="status" x="${n(p.x + p.width - 12)}" y="${n(labelY)}" font-size="${LABEL_FONT}" font-weight="bold" text-anchor="end" fill="${p.unanswered ? UNANSWERED : c.ink}">${p.unanswered ? '⚠ UNANSWERED' : '✔ made'}</text>`
    : '';
  return [
    `<g class="point" data-point="${escapeXml(p.id)}" data-side="${p.side}" data-made="${p.made}" data-unanswered="${p.unanswered}" data-source="${p.source}">`,
    `<rect x="${n(p.x)}" y="${n(p.y)}" width="${n(p.width)}" height="${n(p.height)}" rx="6" fill="${fill}" stroke="${stroke}" stroke-width="${width}"${dash}/>`,
    ...text, note, status,
    '</g>',
  ].filter(Boolean).join('');
}

function edge(e: PlacedEdge, fromDebate: boolean): string {
  const bend = (e.x2 - e.x1) / 2;
  const d = `M${n(e.x1)} ${n(e.y1)} C${n(e.x1 + bend)} ${n(e.y1)} ${n(e.x2 - bend)} ${n(e.y2)} ${n(e.x2)} ${n(e.y2)}`;
  // In a debate's map the answers given stand out; the rest stay as faint possibilities.
  const weight = !fromDebate || e.made ? 'strong' : 'faint';
  const opacity = weight === 'faint' ? FAINT : fromDebate ? 1 : 0.7;
  const width = fromDebate && e.made ? 2.5 : 1.4;
  return `<path class="answer" data-from="${escapeXml(e.from)}" data-to="${escapeXml(e.to)}" data-made="${e.made}" d="${d}" fill="none" stroke="${COLOURS[e.side].ink}" stroke-width="${width}" stroke-opacity="${opacity}" marker-end="url(#arrow-${e.side}-${weight})"/>`;
}

function legend(y: number, fromDebate: boolean): string {
  const lines = [
    'Arrows run from a counterpoint to the point it answers. Author points show the paragraphs they quote (K = Key Points, P = paragraphs).',
    fromDebate
      ? 'Filled boxes: points made in this debate. Red dashed boxes: points made and left unanswered. Bold arrows: answers given.'
      : 'Editorial points are not the author’s argument: they are written for the debate.',
  ];
  return lines.map((l, i) => `<text class="legend" x="40" y="${n(y + 14 + i * 18)}" font-size="12" fill="#4a5560">${escapeXml(l)}</text>`).join('');
}

export function mapSvg(map: ArgumentMap): string {
  const layout = layOut(map);
  // A marker does not take the opacity of the curve it ends, so faint curves get faint heads of their own.
  const markers = (['for', 'against'] as const).flatMap((side) => (['strong', 'faint'] as const).map((weight) =>
    `<marker id="arrow-${side}-${weight}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="${COLOURS[side].ink}" fill-opacity="${weight === 'strong' ? 1 : FAINT}"/></marker>`));
  const title = layout.title.lines.map((line, i) =>
    `<text class="motion" x="${n(layout.width / 2)}" y="${n(layout.title.y + i * 26)}" font-size="${TITLE_FONT}" font-weight="bold" text-anchor="middle" fill="#1d232a">${escapeXml(line)}</text>`);
  const headers = layout.headers.map((h) =>
    `<text class="side" data-side="${h.side}" x="${n(columnX(h.side) + COLUMN_WIDTH / 2)}" y="${n(h.y)}" font-size="${HEADER_FONT}" font-weight="bold" text-anchor="middle" fill="${COLOURS[h.side].ink}">${SIDE_HEADING[h.side]}</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${n(layout.height)}" viewBox="0 0 ${layout.width} ${n(layout.height)}" font-family="${MAP_FONT}">`,
    `<title>${escapeXml(`Argument map — ${map.motion.title}`)}</title>`,
    `<defs>${markers.join('')}</defs>`,
    `<rect width="100%" height="100%" fill="#fbfbf8"/>`,
    ...title, ...headers,
    // Curves first, so the boxes sit on top of where they meet.
    `<g class="answers">${layout.edges.map((e) => edge(e, map.fromDebate)).join('')}</g>`,
    `<g class="points">${layout.points.map((p) => box(p, map.fromDebate)).join('')}</g>`,
    legend(layout.legendY, map.fromDebate),
    '</svg>',
  ].join('\n');
}
