import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../src/core/pack/model.js';
import { shippedPack } from '../../support/core.js';

/** Issue 10: every point has at least eight example arguments for the matcher to learn student phrasing from. */
const MIN_EXAMPLES = 8;

describe('the pack’s example arguments (content/latham-nato/examples.json)', () => {
  let pack: Pack;
  beforeAll(async () => {
    ({ pack } = await shippedPack());
  });

  it(`gives every point at least ${MIN_EXAMPLES} examples, none shared with another point`, () => {
    const short = pack.points.filter((p) => pack.examplesOf(p.id).length < MIN_EXAMPLES).map((p) => p.id);
    expect(short).toEqual([]);
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const p of pack.points) {
      for (const text of pack.examplesOf(p.id)) {
        const key = text.trim().toLowerCase();
        const other = owner.get(key);
        if (other && other !== p.id) shared.push(`${other} / ${p.id}: ${text}`);
        owner.set(key, p.id);
      }
    }
    expect(shared).toEqual([]);
  });
});
