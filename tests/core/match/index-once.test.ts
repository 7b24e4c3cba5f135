import { describe, expect, it, vi } from 'vitest';
import * as pointIndex from '../../../src/core/match/point-index.js';
import { createMatcher } from '../../../src/core/match/create-matcher.js';
import { syntheticPack } from './synthetic-pack.js';

vi.mock('../../../src/core/match/point-index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/core/match/point-index.js')>();
  return { ...original, buildPointIndex: vi.fn(original.buildPointIndex) };
});

describe('createMatcher: index lifetime', () => {
  it('builds the index once per pack, never per request', () => {
    const build = vi.mocked(pointIndex.buildPointIndex);
    build.mockClear();
    const matcher = createMatcher(syntheticPack());
    for (let i = 0; i < 5; i++) {
      matcher.match('exhaust fumes and air pollution');
      matcher.rank('free buses for poor households', { motion: 'free-transit', limit: 2 });
    }
    expect(build).toHaveBeenCalledTimes(1);
  });
});
