import { describe, expect, it } from 'vitest';
import { channel, ownPlatform, T0 } from './contract-helpers.js';
import { capturePrepared, plansOfPrepared } from './sqlite-plans.js';

/**
 * Every /keypoints and prompt claims the channel's next unseen item: the first candidate, in the
 * order given, that the channel has no row for. Ordered by json_each's `key`, SQLite checked every
 * candidate and sorted the unseen ones (a temporary B-tree) before taking the first; ordered by its
 * rowid, which json_each declares it returns in order, the claim stops at the first unseen one.
 * The claims the store prepares, alone and several at once, are captured at the driver and planned here.
 */
const prepared = capturePrepared();

describe('SQLite: the next-unseen claim walks its candidates in order', () => {
  it('claims alone and several at once without sorting the candidates, each checked through the seen key', async () => {
    const where = channel(ownPlatform());
    const items = ['k1', 'k2', 'k3', 'k4'];
    const claims = await plansOfPrepared(prepared, async (store) => {
      expect(await store.claimNextUnseen(where, 'keypoint', items, T0)).toBe('k1');
      expect(await Promise.all([1, 2, 3].map(() => store.claimNextUnseen(where, 'keypoint', items, T0)))).toEqual(['k2', 'k3', 'k4']);
    }, (s) => /^\s*insert into seen_items\b/i.test(s));

    // The lone claim's statement and the batch's (a bound LIMIT): a change that stops capturing
    // them fails here rather than passing with nothing planned.
    expect(claims).toHaveLength(2);
    for (const { source, details } of claims) {
      expect(details.join(' | '), source).not.toMatch(/TEMP B-TREE/);
      expect(details.join(' | '), source).toMatch(/SEARCH s USING (COVERING )?INDEX|SEARCH s USING PRIMARY KEY/);
    }
  });
});
