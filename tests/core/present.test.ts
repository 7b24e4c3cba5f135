import { describe, expect, it } from 'vitest';
import { EDITORIAL_LABEL, editorialLabel, pointBlocks, readerViewBlocks, shortDate, sourceText } from '../../src/core/present.js';
import type { Pack } from '../../src/core/pack/model.js';
import { syntheticPack } from './match/synthetic-pack.js';
import { SOURCED_LABEL, SOURCED_POINT } from '../support/sourced-point.js';

describe('the editorial label', () => {
  it('is the bare label for a point without sources', () => {
    expect(editorialLabel({ sources: [] })).toBe(EDITORIAL_LABEL);
  });

  it('names every source beside the label: its date, and “as of” for a fact that can change', () => {
    expect(editorialLabel(SOURCED_POINT)).toBe(SOURCED_LABEL);
    expect(sourceText({ what: 'Nuclear doctrine', date: '2024-11-19', asOf: '2025-06-01' })).toBe('Nuclear doctrine (19 Nov 2024, as of 1 Jun 2025)');
    expect(sourceText({ what: 'A book' })).toBe('A book');
  });

  it('writes dates the same way on every machine', () => {
    expect(['2024-01-01', '2023-12-31', '2025-02-09'].map(shortDate)).toEqual(['1 Jan 2024', '31 Dec 2023', '9 Feb 2025']);
  });

  it('is what a point in full shows under an editorial point, and an author point shows its quote instead', () => {
    const blocks = pointBlocks(syntheticPack([SOURCED_POINT]), SOURCED_POINT);
    expect(blocks.at(-1)).toEqual({ type: 'footer', text: SOURCED_LABEL });
    expect(blocks.filter((b) => b.type === 'quote')).toEqual([]);

    const pack = syntheticPack();
    const author = { ...SOURCED_POINT, source: 'author' as const, quotes: [{ anchor: 'P1', text: 'Test.' }] };
    const own = pointBlocks(pack, author);
    expect(own.some((b) => b.type === 'footer')).toBe(false);
    expect(own.at(-1)).toMatchObject({ type: 'quote', text: 'Test.', citation: { anchor: 'P1' } });
  });
});

describe('reader views', () => {
  function packWith(readerViews: Pack['article']['readerViews']): Pack {
    const pack = syntheticPack();
    return { ...pack, article: { ...pack.article, readerViews } };
  }

  it('show each comment with who wrote it, when, and what it replied to, as readers’ words, not a quote', () => {
    const blocks = readerViewBlocks(packWith([
      { author: 'A reader', date: 'June 8, 2025', text: 'Buses will win.', context: 'the article’s last paragraph' },
      { author: 'Another', date: 'June 9, 2025', text: 'Cars will win.', context: 'the comment by A reader' },
    ]));
    expect(blocks[0]).toEqual({ type: 'heading', text: 'What readers said' });
    expect(blocks.slice(1, 3)).toEqual([
      { type: 'text', text: '“Buses will win.” — A reader, June 8, 2025\nIn reply to: the article’s last paragraph' },
      { type: 'text', text: '“Cars will win.” — Another, June 9, 2025\nIn reply to: the comment by A reader' },
    ]);
    expect(blocks.some((b) => b.type === 'quote')).toBe(false);
    expect(blocks.at(-1)).toMatchObject({ type: 'footer', text: expect.stringContaining('readers’ views, not the author’s') });
  });

  it('leave out a comment without its context, and show nothing when none is left', () => {
    const blocks = readerViewBlocks(packWith([
      { author: 'A reader', date: 'June 8, 2025', text: 'Stripped of its thread.' },
      { author: 'Another', date: 'June 9, 2025', text: 'Cars will win.', context: 'the article' },
    ]));
    expect(JSON.stringify(blocks)).not.toContain('Stripped of its thread.');
    expect(blocks.filter((b) => b.type === 'text')).toHaveLength(1);
    expect(readerViewBlocks(packWith([{ author: 'A reader', date: 'June 8, 2025', text: 'Alone.' }]))).toEqual([]);
  });
});
