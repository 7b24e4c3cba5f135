import { describe, expect, it } from 'vitest';
import { buildArgumentMap, type ArgumentMap } from '../../../src/core/map/model.js';
import { layOut, wrap } from '../../../src/core/map/layout.js';
import { mapSvg } from '../../../src/core/map/svg.js';
import { mapText } from '../../../src/core/map/text.js';
import { shippedPack } from '../../support/core.js';

const { pack } = await shippedPack();

/** The attributes of every element with this class, read back out of the markup. */
function elements(svg: string, cls: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<(?:g|path|text) class="${cls}"([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}

function debateMap(motion: string): ArgumentMap {
  const [f1, f2] = pack.pointsOf(motion, 'for');
  const answer = pack.answersTo(f1!.id)[0]!.answer;
  return buildArgumentMap(pack, motion, { made: new Set([f1!.id, f2!.id, answer]), unanswered: new Set([f2!.id, answer]) })!;
}

describe('the argument map’s SVG', () => {
  it.each(pack.motions.map((m) => m.id))('draws every point of %s as a box in its side’s column, in pack order', (motion) => {
    const svg = mapSvg(buildArgumentMap(pack, motion)!);
    const boxes = elements(svg, 'point');
    expect(boxes.filter((b) => b['data-side'] === 'for').map((b) => b['data-point'])).toEqual(pack.pointsOf(motion, 'for').map((p) => p.id));
    expect(boxes.filter((b) => b['data-side'] === 'against').map((b) => b['data-point'])).toEqual(pack.pointsOf(motion, 'against').map((p) => p.id));
    expect(elements(svg, 'motion').length).toBeGreaterThan(0);
    expect(svg).toContain(pack.motionById.get(motion)!.statement.split(' ').slice(0, 4).join(' '));
    // Outside a debate nothing is made or unanswered.
    expect(boxes.every((b) => b['data-made'] === 'false' && b['data-unanswered'] === 'false')).toBe(true);
  });

  it.each(pack.motions.map((m) => m.id))('draws one arrow per counterpoint of %s, from the answer to the point it answers, across the sides', (motion) => {
    const map = buildArgumentMap(pack, motion)!;
    const arrows = elements(mapSvg(map), 'answer');
    const ids = new Set(pack.pointsOf(motion).map((p) => p.id));
    const expected = pack.counterpoints.filter((c) => ids.has(c.point)).map((c) => `${c.answer}→${c.point}`).sort();
    expect(arrows.map((a) => `${a['data-from']}→${a['data-to']}`).sort()).toEqual(expected);
    for (const a of arrows) expect(pack.pointById.get(a['data-from']!)!.side).not.toBe(pack.pointById.get(a['data-to']!)!.side);
    expect(arrows.every((a) => /^url\(#arrow-(for|against)-strong\)$/.test(a['marker-end']!))).toBe(true);
  });

  it('labels author points with their anchors and editorial ones as editorial', () => {
    const svg = mapSvg(buildArgumentMap(pack, 'de-facto-member')!);
    for (const p of pack.pointsOf('de-facto-member')) {
      const group = new RegExp(`data-point="${p.id}"[^]*?</g>`).exec(svg)![0];
      if (p.source === 'author') expect(group).toContain(`Author · ${[...new Set(p.quotes.map((q) => q.anchor))].join(', ')}`);
      else expect(group).toContain('Editorial — not the author’s argument');
    }
  });

  it('fills the points made in a debate, marks the unanswered and bolds the answers given', () => {
    const map = debateMap('integration-strategy');
    const svg = mapSvg(map);
    const boxes = new Map(elements(svg, 'point').map((b) => [b['data-point']!, b]));
    for (const p of [...map.points.for, ...map.points.against]) {
      expect(boxes.get(p.id)!['data-made']).toBe(String(p.made));
      expect(boxes.get(p.id)!['data-unanswered']).toBe(String(p.unanswered));
    }
    expect([...boxes.values()].filter((b) => b['data-made'] === 'true')).toHaveLength(3);
    expect(svg.match(/⚠ UNANSWERED/g)).toHaveLength(2);
    const given = elements(svg, 'answer').filter((a) => a['data-made'] === 'true');
    expect(given.length).toBeGreaterThan(0);
    expect(given.every((a) => a['stroke-width'] === '2.5' && a['marker-end']!.endsWith('-strong)'))).toBe(true);
    expect(elements(svg, 'answer').filter((a) => a['data-made'] === 'false').every((a) => a['marker-end']!.endsWith('-faint)'))).toBe(true);
  });

  it('lays boxes out without overlap, lines within their box, and arrows ending on the boxes they join', () => {
    for (const motion of pack.motions) {
      const layout = layOut(debateMap(motion.id));
      for (const side of ['for', 'against'] as const) {
        const column = layout.points.filter((p) => p.side === side);
        column.slice(1).forEach((p, i) => expect(p.y).toBeGreaterThanOrEqual(column[i]!.y + column[i]!.height));
      }
      for (const p of layout.points) for (const line of p.lines) expect(line.length).toBeLessThanOrEqual(54);
      const byId = new Map(layout.points.map((p) => [p.id, p]));
      for (const e of layout.edges) {
        const [from, to] = [byId.get(e.from)!, byId.get(e.to)!];
        for (const [box, x, y] of [[from, e.x1, e.y1], [to, e.x2, e.y2]] as const) {
          expect(x).toBe(box.side === 'for' ? box.x + box.width : box.x);
          expect(y).toBeGreaterThan(box.y);
          expect(y).toBeLessThan(box.y + box.height);
        }
      }
      expect(layout.height).toBeGreaterThan(Math.max(...layout.points.map((p) => p.y + p.height)));
    }
  });

  it('is the same markup every time, and escapes what XML must', () => {
    const map = debateMap('admit-inside-tent');
    expect(mapSvg(map)).toBe(mapSvg(structuredClone(map)));
    const odd = { ...map, motion: { ...map.motion, statement: 'Tom & Jerry say <b>"no"</b>' } };
    const svg = mapSvg(odd);
    expect(svg).toContain('Tom &amp; Jerry say &lt;b&gt;&quot;no&quot;&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
  });

  it('wraps at spaces and keeps every word', () => {
    const text = 'Ukraine’s weapons and command systems now run on NATO standards, and supercalifragilisticexpialidocious words stay whole.';
    const lines = wrap(text, 20);
    expect(lines.join(' ')).toBe(text);
    expect(lines.filter((l) => l.length > 20)).toEqual(['supercalifragilisticexpialidocious']);
  });
});

describe('the argument map as text', () => {
  it('lists the same boxes with the same names, what answers each, and the debate’s marks', () => {
    const map = debateMap('de-facto-member');
    const text = mapText(map);
    const [f1, f2] = map.points.for;
    expect(text).toContain(`  F1 [made] ${f1!.claim}`);
    expect(text).toContain(`  F2 [made · UNANSWERED] ${f2!.claim}`);
    const answerer = [...map.points.against].find((p) => p.id === pack.answersTo(f1!.id)[0]!.answer)!;
    expect(text).toMatch(new RegExp(`F1 \\[made\\][^\\n]*\\n      ← answered by [^\\n]*${answerer.label}\\*`));
    expect(text.split('\n').filter((l) => /^  [FA]\d+ /.test(l))).toHaveLength(pack.pointsOf('de-facto-member').length);
  });
});
