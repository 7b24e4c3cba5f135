import { describe, expect, it } from 'vitest';
import { editDistance, nearestId } from '../../../src/core/pack/nearest.js';

const IDS = ['ait-for-clear-lines', 'ait-for-candor', 'int-against-ambiguity', 'dfm-for-ecosystem', 'q1', 'q12'];

describe('nearestId', () => {
  it('finds the id a typo meant', () => {
    expect(nearestId('ait-for-clear-line', IDS)).toBe('ait-for-clear-lines');
    expect(nearestId('ait-for-cnador', IDS)).toBe('ait-for-candor');
    expect(nearestId('int-againts-ambiguity', IDS)).toBe('int-against-ambiguity');
  });

  it('forgives case, underscores and spaces before measuring', () => {
    expect(nearestId('AIT_for_Clear_Lines', IDS)).toBe('ait-for-clear-lines');
    expect(nearestId('dfm for ecosystem', IDS)).toBe('dfm-for-ecosystem');
  });

  it('prefers the closest of several candidates', () => {
    expect(nearestId('q123', IDS)).toBe('q12');
    expect(nearestId('q2', IDS)).toBe('q1');
  });

  it('suggests nothing when every id is far away', () => {
    expect(nearestId('ghost-point', IDS)).toBeUndefined();
    expect(nearestId('dfm-for-no-ceremony', IDS)).toBeUndefined();
    expect(nearestId('anything', [])).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('stops at the cap', () => {
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 3)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(2);
  });
});
