import { describe, expect, it } from 'vitest';
import { splitText, splitVerbatim, trimText } from '../../../adapters/discord/split.js';

const SENTENCES = 'NATO has not admitted Ukraine. Yet its weapons, training and intelligence already flow east! Is that membership? Latham thinks so, “in all but name.” ';

describe('splitText', () => {
  it('keeps short text as it is', () => {
    expect(splitText('Short enough.', 100)).toEqual(['Short enough.']);
    expect(splitText('   ', 100)).toEqual([]);
  });

  it('splits at sentence ends, dropping only white space', () => {
    const text = SENTENCES.repeat(40).trim();
    const pieces = splitText(text, 500);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(500);
      expect(p).toMatch(/[.!?”]$/);
    }
    expect(pieces.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
  });

  it('prefers paragraph breaks, then line breaks', () => {
    const para = 'word '.repeat(50).trim();
    expect(splitText(`${para}\n\n${para}`, 300)).toEqual([para, para]);
    expect(splitText(`${para}\n${para}`, 300)).toEqual([para, para]);
  });

  it('falls back to a space, and marks a cut inside an over-long word with …', () => {
    const words = 'alliance '.repeat(30).trim();
    for (const p of splitText(words, 50)) expect(p).toMatch(/^(alliance ?)+$/);
    const long = 'x'.repeat(120);
    const pieces = splitText(long, 50);
    expect(pieces.slice(0, -1).every((p) => p.endsWith('…') && p.length <= 50)).toBe(true);
    expect(pieces.join('').replace(/…/g, '')).toBe(long);
  });

  it('never separates a backslash escape or a surrogate pair', () => {
    const escaped = '\\*'.repeat(40);
    for (const p of splitText(escaped, 25)) expect(p.replace(/…$/, '')).toMatch(/^(\\\*)+$/);
    const emoji = '🥇'.repeat(40);
    for (const p of splitText(emoji, 25)) expect(p.replace(/…$/, '')).toMatch(/^(🥇)+$/u);
  });
});

describe('splitVerbatim', () => {
  it('keeps every character: the pieces joined are the text', () => {
    const text = `  ${SENTENCES.repeat(30)}\n\nand a last  line  `;
    const pieces = splitVerbatim(text, 333);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(333);
    expect(pieces.length).toBeGreaterThan(1);
  });

  it('cuts an unbroken run only where it must', () => {
    const text = 'y'.repeat(250);
    expect(splitVerbatim(text, 100)).toEqual(['y'.repeat(100), 'y'.repeat(100), 'y'.repeat(50)]);
  });
});

describe('trimText', () => {
  it('ends at a sentence when one is near the limit, marked with …', () => {
    const t = trimText(SENTENCES.repeat(3), 120);
    expect(t.length).toBeLessThanOrEqual(120);
    expect(t).toMatch(/[.!?”] …$/);
  });

  it('otherwise ends at a word, marked with …', () => {
    const t = trimText('one two three four five six seven eight nine ten', 20);
    expect(t.length).toBeLessThanOrEqual(20);
    expect(t).toMatch(/^one two three four…$|^one two three…$/);
  });

  it('leaves short text alone', () => {
    expect(trimText('Debate — NATO', 256)).toBe('Debate — NATO');
  });
});
