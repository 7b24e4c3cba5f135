import { describe, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.js';

describe('newId', () => {
  it('starts with a letter or digit, so an id is never read as an option or a spreadsheet formula', () => {
    // Of plain base64url ids, 1 in 32 starts with '-' or '_': among 3,000, about 94 would.
    const ids = Array.from({ length: 3000 }, newId);
    expect(ids.filter((id) => !/^[A-Za-z0-9][A-Za-z0-9_-]{11}$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
