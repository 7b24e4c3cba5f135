import { describe, expect, it } from 'vitest';
import { termsInPhrases } from '../../../src/core/match/phrases.js';
import { analyse } from '../../../src/core/match/analyse.js';

describe('termsInPhrases', () => {
  const phrases = [analyse('all talk, no protection'), analyse('empty promises')];

  it('finds a phrase written whole, whatever the stop words and inflection around it', () => {
    expect([...termsInPhrases(analyse('It is ALL TALK and no protection at all!'), phrases)]).toEqual(analyse('talk protection'));
    expect([...termsInPhrases(analyse('just an empty promise'), phrases)]).toEqual(analyse('empty promises'));
  });

  it('ignores the same words out of order or apart', () => {
    expect(termsInPhrases(analyse('protection is more than talk'), phrases).size).toBe(0);
    expect(termsInPhrases(analyse('empty words and broken promises'), phrases).size).toBe(0);
  });

  it('copes with queries shorter than every phrase', () => {
    expect(termsInPhrases([], phrases).size).toBe(0);
    expect(termsInPhrases(['talk'], phrases).size).toBe(0);
  });
});
