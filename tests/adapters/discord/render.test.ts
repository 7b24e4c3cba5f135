import { beforeAll, describe, expect, it } from 'vitest';
import { ButtonStyle } from 'discord.js';
import type { Citation, Reply } from '../../../src/core/reply.js';
import { renderReply } from '../../../adapters/discord/render.js';
import { OPENS_INPUT_EMOJI } from '../../../adapters/discord/buttons.js';
import { shippedPack } from '../../support/core.js';
import { expectWithinDiscordLimits, quotedText } from './discord-limits.js';
import { SOURCED_LABEL, sourcedPointReply } from '../../support/sourced-point.js';

const CITATION: Citation = {
  anchor: 'P3', title: 'Ukraine Has a ‘Secret Back Door’ Into NATO', author: 'Andrew Latham', outlet: 'National Security Journal',
};

/** The article's own paragraphs, run together into one very long quote (no line breaks, as in the pack). */
let longQuote = '';
beforeAll(async () => {
  const { pack } = await shippedPack();
  const paragraphs = [...pack.anchors.entries()].filter(([anchor]) => anchor.startsWith('P')).map(([, text]) => text);
  longQuote = paragraphs.join(' ');
  while (longQuote.length < 9000) longQuote += ` ${paragraphs.join(' ')}`;
});

const SENTENCE = 'Ukraine’s army fights with Western weapons, trains to NATO standards and shares intelligence with the alliance every day. ';

function longReply(): Reply {
  return {
    visibility: 'public',
    blocks: [
      { type: 'heading', text: `A heading far too long for a title ${'and then some more words '.repeat(20)}` },
      { type: 'text', text: SENTENCE.repeat(80) },
      { type: 'quote', text: longQuote, citation: CITATION },
      { type: 'fields', fields: Array.from({ length: 30 }, (_, i) => ({ name: `Point ${i + 1}`, value: SENTENCE.repeat(i === 0 ? 12 : 2) })) },
      { type: 'text', text: 'A closing remark after the fields.' },
      { type: 'footer', text: `Footer ${SENTENCE.repeat(25)}` },
      {
        type: 'choices',
        choices: [
          { id: `x:${'a'.repeat(98)}`, label: 'An id of exactly one hundred characters' },
          { id: 'debate:reply:abc', label: 'Reply', style: 'primary', input: { title: 'Your argument', label: 'Make your case', maxLength: 2000 } },
          ...Array.from({ length: 10 }, (_, i) => ({ id: `pick:${i}`, label: `Option ${i} ${'with a label that goes on '.repeat(5)}` })),
        ],
      },
    ],
  };
}

describe('rendering a long reply for Discord', () => {
  it('keeps every message within every Discord limit', () => {
    const rendered = renderReply(longReply());
    expect(rendered.messages.length).toBeGreaterThan(1);
    for (const m of rendered.messages) expectWithinDiscordLimits(m);
  });

  it('keeps the quote whole: every character, in order, across embeds, with its citation after the last piece', () => {
    const rendered = renderReply(longReply());
    expect(quotedText(rendered.messages)).toBe(longQuote);
    const descriptions = rendered.messages.flatMap((m) => m.embeds).map((e) => e.description ?? '');
    const quoteEmbeds = descriptions.filter((d) => d.includes('\n> ') || d.startsWith('> '));
    expect(quoteEmbeds.length).toBeGreaterThan(1);
    expect(descriptions.join('\n')).toContain('\n— Andrew Latham, “Ukraine Has a ‘Secret Back Door’ Into NATO” (National Security Journal), P3');
    // Every embed that shows part of the quote names the article.
    for (const e of rendered.messages.flatMap((m) => m.embeds).filter((e) => e.description?.includes('> '))) {
      expect(e.author?.name).toBe('Ukraine Has a ‘Secret Back Door’ Into NATO — Andrew Latham (National Security Journal)');
    }
  });

  it('splits long text between sentences and loses no word', () => {
    const rendered = renderReply(longReply());
    const paragraphs = rendered.messages.flatMap((m) => m.embeds).flatMap((e) => (e.description ?? '').split('\n\n'))
      .filter((p) => p.startsWith('Ukraine’s army'));
    expect(paragraphs.length).toBeGreaterThan(1);
    for (const p of paragraphs) expect(p).toMatch(/every day\.$/);
    expect(paragraphs.join(' ')).toBe(SENTENCE.repeat(80).trim());
  });

  it('trims what can only be one piece (title, footer, labels) at a word, marked with …', () => {
    const rendered = renderReply(longReply());
    const embeds = rendered.messages.flatMap((m) => m.embeds);
    expect(embeds[0]!.title).toMatch(/\w…$/);
    const footer = embeds.at(-1)!.footer!.text;
    expect(footer.length).toBeLessThanOrEqual(2048);
    expect(footer).toMatch(/ …$|\w…$/);
    const labels = rendered.messages.flatMap((m) => m.components).flatMap((r) => r.components).map((b) => b.label ?? '');
    expect(labels.filter((l) => l.startsWith('Option')).every((l) => l.endsWith('…') && l.length <= 80)).toBe(true);
  });

  it('keeps the order of the blocks: text after fields starts a new embed; the footer ends the last', () => {
    const embeds = renderReply(longReply()).messages.flatMap((m) => m.embeds);
    const lastWithFields = embeds.map((e) => Boolean(e.fields?.length)).lastIndexOf(true);
    expect(embeds[lastWithFields + 1]?.description).toBe('A closing remark after the fields.');
    expect(embeds.at(-1)?.footer?.text).toMatch(/^Footer /);
    // 30 fields: a long one continued, and none lost.
    const names = embeds.flatMap((e) => e.fields ?? []).map((f) => f.name);
    expect(names.filter((n) => /^Point \d+$/.test(n))).toHaveLength(30);
    expect(names).toContain('Point 1 (continued)');
  });

  it('puts the buttons, ids unchanged, under the last message, five to a row', () => {
    const rendered = renderReply(longReply());
    const withButtons = rendered.messages.filter((m) => m.components.length > 0);
    expect(withButtons).toEqual([rendered.messages.at(-1)]);
    const rows = withButtons[0]!.components;
    expect(rows.map((r) => r.components.length)).toEqual([5, 5, 2]);
    const buttons = rows.flatMap((r) => r.components);
    expect(buttons[0]!.custom_id).toBe(`x:${'a'.repeat(98)}`);
    expect(buttons[1]).toMatchObject({ custom_id: 'debate:reply:abc', style: ButtonStyle.Primary, emoji: { name: OPENS_INPUT_EMOJI } });
    expect(buttons[0]!.emoji).toBeUndefined();
  });

  it('moves buttons past five rows to a further message', () => {
    const many: Reply = { visibility: 'public', blocks: [{ type: 'text', text: 'Pick one.' }, { type: 'choices', choices: Array.from({ length: 31 }, (_, i) => ({ id: `n:${i}`, label: `${i}` })) }] };
    const rendered = renderReply(many);
    expect(rendered.messages).toHaveLength(2);
    expect(rendered.messages[0]!.components.flatMap((r) => r.components)).toHaveLength(25);
    expect(rendered.messages[1]!.components.flatMap((r) => r.components).map((b) => b.custom_id)).toEqual(['n:25', 'n:26', 'n:27', 'n:28', 'n:29', 'n:30']);
    for (const m of rendered.messages) expectWithinDiscordLimits(m);
  });
});

describe('rendering ordinary replies for Discord', () => {
  it('sends a short notice as plain content, and marks it private', () => {
    const rendered = renderReply({ visibility: 'private', blocks: [{ type: 'text', text: 'This has expired.' }] });
    expect(rendered).toEqual({ visibility: 'private', replaceOriginal: false, messages: [{ content: 'This has expired.', embeds: [], components: [] }] });
  });

  it('escapes Markdown in text, so user text shows as typed', () => {
    const rendered = renderReply({ visibility: 'public', blocks: [{ type: 'text', text: '*bold* __under__ ~~gone~~ `code` ||spoiler|| [link](http://x)\n> not a quote\n# not a heading\n- not a list' }] });
    expect(rendered.messages[0]!.content).toBe('\\*bold\\* \\_\\_under\\_\\_ \\~\\~gone\\~\\~ \\`code\\` \\|\\|spoiler\\|\\| \\[link\\](http://x)\n\\> not a quote\n\\# not a heading\n\\- not a list');
  });

  it('escapes a line-start mark in text with nothing else to escape, and leaves marks inside a line alone', () => {
    const content = (text: string) => renderReply({ visibility: 'public', blocks: [{ type: 'text', text }] }).messages[0]!.content;
    expect(content('> a quote?')).toBe('\\> a quote?');
    expect(content('first\n# a heading?')).toBe('first\n\\# a heading?');
    expect(content('-# small print?')).toBe('\\-# small print?');
    expect(content('+ a list?')).toBe('\\+ a list?');
    expect(content('first\n  12. a numbered list?')).toBe('first\n  12\\. a numbered list?');
    expect(content('3.5 > 2 - and 1. is fine here, #1')).toBe('3.5 > 2 - and 1. is fine here, #1');
  });

  it('shows a footer between blocks as an aside in place, and the last as the embed footer', () => {
    const rendered = renderReply({
      visibility: 'public',
      blocks: [
        { type: 'heading', text: 'Debate' },
        { type: 'text', text: 'A point.' },
        { type: 'footer', text: 'Editorial counterpoint' },
        { type: 'text', text: 'More.' },
        { type: 'footer', text: 'Answer with /debate reply' },
      ],
    });
    const [embed] = rendered.messages[0]!.embeds;
    expect(embed).toMatchObject({ title: 'Debate', description: 'A point.\n\n_Editorial counterpoint_\n\nMore.', footer: { text: 'Answer with /debate reply' } });
  });

  it('passes replaceOriginal and the thread through', () => {
    const rendered = renderReply({ visibility: 'public', replaceOriginal: true, thread: { name: 'Talk' }, blocks: [{ type: 'heading', text: 'Prompt' }] });
    expect(rendered.replaceOriginal).toBe(true);
    expect(rendered.thread).toEqual({ name: 'Talk' });
  });
});

describe('an editorial point’s sources on Discord', () => {
  it('shows them beside the label, as an aside mid-reply and as the embed footer at the end', () => {
    const mid = renderReply(sourcedPointReply()).messages.flatMap((m) => m.embeds);
    expect(mid.map((e) => e.description ?? '').join('\n')).toContain(`\n_${SOURCED_LABEL}_\n`);
    const last = renderReply(sourcedPointReply({ labelLast: true })).messages.flatMap((m) => m.embeds);
    expect(last.at(-1)!.footer?.text).toBe(SOURCED_LABEL);
  });
});
