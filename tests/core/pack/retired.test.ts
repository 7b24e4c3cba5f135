import { beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../../src/core/pack/load.js';
import type { Pack } from '../../../src/core/pack/model.js';
import { MIN_ANSWERS } from '../../../src/core/pack/cross-check.js';
import { problemsAfterEdits } from '../../support/pack-copy.js';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('retired point ids', () => {
  let pack: Pack;
  beforeAll(async () => {
    pack = await loadPack();
  });

  it('resolve to the point that replaced them, while the pack lists live points only', () => {
    for (const [old, live] of [['dfm-for-no-ceremony', 'dfm-for-ecosystem'], ['ait-for-name-strategy', 'ait-for-candor']] as const) {
      expect(pack.pointById.get(old)).toBe(pack.pointById.get(live));
      expect(pack.pointById.has(old)).toBe(true);
      expect(pack.answersTo(old)).toEqual(pack.answersTo(live));
      expect(pack.answersTo(old).length).toBeGreaterThanOrEqual(MIN_ANSWERS);
      expect(pack.points.some((p) => p.id === old)).toBe(false);
      expect([...pack.pointById.keys()]).not.toContain(old);
    }
    expect(pack.pointById.size).toBe(pack.points.length);
    expect(pack.pointById.get('never-a-point')).toBeUndefined();
    expect(pack.pointById.has('never-a-point')).toBe(false);
  });

  it('are checked: the replacement must exist, and a retired id must not still be live', async () => {
    const problems = await problemsAfterEdits({
      'retired.json': (d: Json[]) => [
        ...d,
        { id: 'dfm-for-integration', replacedBy: 'dfm-for-ecosystem' },
        { id: 'old-point', replacedBy: 'no-such-point' },
      ],
    });
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'retired.json', path: '[2].id', message: expect.stringMatching(/still a point in points\.json/) }),
      expect.objectContaining({ file: 'retired.json', path: '[3].replacedBy', message: expect.stringMatching(/"no-such-point" is not defined/) }),
    ]));
    expect(problems).toHaveLength(2);
  });

  it('let prompts keep naming a removed point; without the retirement that is an error', async () => {
    expect(await problemsAfterEdits({
      'prompts.json': (d: Json[]) => { d[0].points = ['dfm-for-no-ceremony']; },
    })).toEqual([]);
    const problems = await problemsAfterEdits({
      'prompts.json': (d: Json[]) => { d[0].points = ['dfm-for-no-ceremony']; },
      'retired.json': () => 'delete',
    });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'prompts.json', path: '[0].points[0]', message: 'point "dfm-for-no-ceremony" is not defined' }));
  });

  it('are optional: a pack that never removed a point needs no retired.json', async () => {
    const problems = await problemsAfterEdits({
      'retired.json': () => 'delete',
      'prompts.json': (d: Json[]) => {
        for (const p of d) p.points = p.points.filter((id: string) => id !== 'dfm-for-no-ceremony' && id !== 'ait-for-name-strategy');
        return d.filter((p: Json) => p.points.length > 0 || p.anchors.length > 0);
      },
    });
    expect(problems).toEqual([]);
  });
});

describe('answers per point', () => {
  it('every shipped point is answered by at least three different points of the other side', async () => {
    const pack = await loadPack();
    for (const p of pack.points) {
      const answers = new Set(pack.answersTo(p.id).map((c) => c.answer));
      expect(answers.size, p.id).toBeGreaterThanOrEqual(MIN_ANSWERS);
      for (const id of answers) {
        const answer = pack.pointById.get(id)!;
        expect([answer.motion, answer.side], `${p.id} ← ${id}`).toEqual([p.motion, p.side === 'for' ? 'against' : 'for']);
      }
    }
  });

  it('rejects a point with fewer than three different answers, counting a repeated answer once', async () => {
    let id = '';
    const problems = await problemsAfterEdits({
      'counterpoints.json': (d: Json[]) => {
        id = d[0].point;
        const mine = d.filter((c) => c.point === id);
        // Two entries from the same answering point, plus one other: two different answers.
        const kept = [mine[0], { ...mine[0], rebuttal: 'The same answering point, said again in other words.' }, mine[1]];
        return [...kept, ...d.filter((c) => c.point !== id)];
      },
    });
    expect(problems).toEqual([
      expect.objectContaining({ file: 'points.json', path: '[0]', message: `point "${id}" is answered by only 2 point(s) of the other side in counterpoints.json; it needs 3 different answers` }),
    ]);
  });
});
