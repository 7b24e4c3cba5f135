import type { Side } from '../pack/schema.js';
import type { ArgumentMap, MapPoint } from './model.js';
import { SIDE_HEADING, sourceNote } from './svg.js';

/**
 * The map as text: the same boxes in the same order, with the same F1/A1 names, and under each
 * point the counterpoints that answer it. The terminal prints it beside the PNG, and it is the
 * picture's description where one can be given.
 */
export function mapText(map: ArgumentMap): string {
  const all = [...map.points.for, ...map.points.against];
  const byId = new Map(all.map((p) => [p.id, p]));
  const status = (p: MapPoint) => (!map.fromDebate ? '' : p.unanswered ? ' [made · UNANSWERED]' : p.made ? ' [made]' : '');
  const column = (side: Side) => map.points[side].flatMap((p) => {
    const answers = map.edges.filter((e) => e.to === p.id).map((e) => {
      const from = byId.get(e.from);
      return from ? `${from.label}${map.fromDebate && e.made ? '*' : ''}` : '';
    }).filter(Boolean);
    return [
      `  ${p.label}${status(p)} ${p.claim} (${sourceNote(p)})`,
      ...(answers.length ? [`      ← answered by ${answers.join(', ')}`] : []),
    ];
  });
  return [
    `ARGUMENT MAP — ${map.motion.title}`,
    `Motion: ${map.motion.statement}`,
    '',
    SIDE_HEADING.for,
    ...column('for'),
    '',
    SIDE_HEADING.against,
    ...column('against'),
    '',
    map.fromDebate ? '(* an answer given in this debate)' : '(“answered by” names the counterpoints of the other side)',
  ].join('\n');
}
