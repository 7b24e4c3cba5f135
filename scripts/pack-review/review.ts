import type { Pack } from '../../src/core/pack/model.js';
import type { Point } from '../../src/core/pack/schema.js';
import { sourceText } from '../../src/core/present.js';

/** One entry a reviewer reads: a heading line and the texts to set side by side under it. */
export interface ReviewRow {
  heading: string;
  cells: string[][];
}

export interface ReviewSection {
  title: string;
  columns: string[];
  rows: ReviewRow[];
}

const tag = (p: Point) => `${p.id} (${p.source}, ${p.side})`;

/**
 * What a reviewer checks, section by section: does each quote support its author point's claim,
 * does each editorial point name its sources, and does each rebuttal answer the point it answers.
 */
export function reviewSections(pack: Pack): ReviewSection[] {
  const author = pack.points.filter((p) => p.source === 'author');
  const editorial = pack.points.filter((p) => p.source === 'editorial');
  return [
    {
      title: `Author points: each claim beside the quotes that must support it (${author.length})`,
      columns: ['Claim', 'Quotes'],
      rows: author.map((p) => ({
        heading: `${p.id} · ${p.motion} · ${p.side}`,
        cells: [[p.claim], p.quotes.map((q) => `${q.anchor} “${q.text}”`)],
      })),
    },
    {
      title: `Editorial points: each claim beside its sources (${editorial.length})`,
      columns: ['Claim', 'Sources'],
      rows: editorial.map((p) => ({
        heading: `${p.id} · ${p.motion} · ${p.side}`,
        cells: [[p.claim], p.sources.length ? p.sources.map((s) => (s.url ? `${sourceText(s)} ${s.url}` : sourceText(s))) : ['(none)']],
      })),
    },
    {
      title: `Counterpoints: the point, the answer and the rebuttal side by side (${pack.counterpoints.length})`,
      columns: ['Point', 'Answer', 'Rebuttal'],
      rows: pack.counterpoints.map((c, i) => {
        const point = pack.pointById.get(c.point);
        const answer = pack.pointById.get(c.answer);
        return {
          heading: `[${i}] ${point ? tag(point) : c.point} → ${answer ? tag(answer) : c.answer}`,
          cells: [[point?.claim ?? '(no such point)'], [answer?.claim ?? '(no such point)'], [c.rebuttal]],
        };
      }),
    },
  ];
}
