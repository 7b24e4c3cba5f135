import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS, normaliseText, words } from '../../../src/core/match/normalise.js';
import { analyse, distinctTerms } from '../../../src/core/match/analyse.js';
import { americanise } from '../../../src/core/match/spelling.js';

describe('normaliseText', () => {
  it('lower-cases and folds diacritics', () => {
    expect(normaliseText('KYÏV Zürich Ünïcödé')).toBe('kyiv zurich unicode');
  });

  it('drops Slack and Discord mentions, channels, custom emoji and HTML tags', () => {
    const out = normaliseText('<@U123ABC> <#C42|general> <:flag_ua:987> <b>hello</b> <!here>');
    expect(words(out)).toEqual(['hello']);
  });

  it('keeps the label of a Slack link and drops bare URLs', () => {
    expect(words(normaliseText('<https://example.com/x|back door> see https://t.co/abc and www.x.org/y'))).toEqual([
      'back', 'door', 'see', 'and',
    ]);
  });

  it('drops emoji shortcodes and emoji', () => {
    expect(words(normaliseText(':flag-ua: 🇺🇦🔥 nato 👍'))).toEqual(['nato']);
  });

  it('keeps "U.S." apart from the pronoun "us"', () => {
    expect(words(normaliseText('The U.S. and the US told us'))).toEqual(['the', 'usa', 'and', 'the', 'usa', 'told', 'us']);
  });

  it('unifies curly apostrophes and drops possessives', () => {
    expect(words(normaliseText('NATO’s door, Ukraine\'s army'))).toEqual(['nato', 'door', 'ukraine', 'army']);
  });

  it('cuts input beyond the user limit', () => {
    expect(normaliseText('a'.repeat(MAX_INPUT_CHARS + 500)).length).toBe(MAX_INPUT_CHARS);
  });

  it('discards over-long words', () => {
    expect(words(`nato ${'x'.repeat(5000)} door`)).toEqual(['nato', 'door']);
  });
});

describe('analyse', () => {
  it('removes stop words and debate hedges', () => {
    expect(analyse('I really think that it is the NATO door')).toEqual(['nato', 'door']);
  });

  it('stems so inflections meet', () => {
    expect(analyse('guarantees')).toEqual(analyse('guaranteed'));
    expect(analyse('escalation')).toEqual(analyse('escalate'));
  });

  it('folds British spellings to American before stemming', () => {
    expect(analyse('defence standardisation candour')).toEqual(analyse('defense standardization candor'));
    expect(americanise('grey')).toBe('gray');
    expect(americanise('rise')).toBe('rise');
  });

  it('keeps digits, which can carry meaning ("Article 5")', () => {
    expect(analyse('Article 5')).toEqual(['articl', '5']);
  });

  it('yields nothing for empty, blank, punctuation or emoji-only text', () => {
    for (const text of ['', '   \n\t ', '?!?! ... ---', '🇺🇦🔥👍', '<@U123>']) expect(analyse(text)).toEqual([]);
  });

  it('reads “right now” as now, and keeps a right', () => {
    expect(analyse('let ukraine join nato right now')).toEqual(analyse('ukraine join nato'));
    expect(analyse('ukraine has the right to choose')).toContain('right');
  });

  it('counts a repeated word once', () => {
    expect(distinctTerms('nato nato NATO nato')).toEqual(['nato']);
  });
});
