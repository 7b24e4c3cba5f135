import { describe, expect, it } from 'vitest';
import type { Citation, Reply } from '../../../src/core/reply.js';
import { renderReply } from '../../../adapters/slack/render.js';
import { CUT_MARK, splitText, truncateText } from '../../../adapters/slack/limits/split.js';
import { escapeText } from '../../../adapters/slack/escape.js';
import type { KnownBlock } from '../../../adapters/slack/block-kit.js';
import { unquote } from './harness.js';
import { SOURCED_LABEL, sourcedPointReply } from '../../support/sourced-point.js';

const CITATION: Citation = { anchor: 'P7', title: 'Ukraine Has a ‘Secret Back Door’ Into NATO', author: 'Andrew Latham', outlet: 'National Security Journal' };

function sentence(i: number): string {
  return `Sentence number ${i} says something about alliances, deterrence and the price of ambiguity.`;
}

function sectionTexts(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
}

function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

/** Every limit the renderer promises, checked on its output. */
function expectWithinLimits(blocks: KnownBlock[]): void {
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const b of blocks) {
    if (b.type === 'section') {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
      expect(b.fields?.length ?? 0).toBeLessThanOrEqual(10);
      for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2000);
    }
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
    if (b.type === 'context') {
      expect(b.elements.length).toBeLessThanOrEqual(10);
      for (const e of b.elements) if ('text' in e && typeof e.text === 'string') expect(e.text.length).toBeLessThanOrEqual(3000);
    }
    if (b.type === 'actions') {
      expect(b.elements.length).toBeLessThanOrEqual(25);
      for (const e of b.elements) {
        if (e.type !== 'button') continue;
        expect(e.text.text.length).toBeLessThanOrEqual(75);
        expect(e.action_id!.length).toBeLessThanOrEqual(255);
        expect(e.value!.length).toBeLessThanOrEqual(2000);
      }
    }
  }
}

describe('splitText', () => {
  it('cuts long prose at sentence ends, within the limit, losing no words', () => {
    const text = Array.from({ length: 80 }, (_, i) => sentence(i)).join(' ');
    const pieces = splitText(text, { max: 3000 });
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(3000);
      expect(p).toMatch(/ambiguity\.$/);
    }
    expect(pieces.join(' ')).toBe(text);
  });

  it('prefers a paragraph break in the second half over a later sentence end', () => {
    const text = `${'a'.repeat(70)}.\n${'b '.repeat(10)}end. ${'c'.repeat(30)}`;
    expect(splitText(text, { max: 100 })[0]).toBe(`${'a'.repeat(70)}.`);
  });

  it('marks a cut inside a word that is longer than the limit', () => {
    const pieces = splitText('x'.repeat(250), { max: 100 });
    expect(pieces.slice(0, -1).every((p) => p.endsWith(CUT_MARK) && p.length <= 100)).toBe(true);
    expect(pieces.join('').replaceAll(CUT_MARK, '')).toBe('x'.repeat(250));
  });

  it('keeps every character of verbatim text, in order, with no marks', () => {
    const text = `${Array.from({ length: 60 }, (_, i) => sentence(i)).join('  ')}\n\n${'y'.repeat(4000)} tail`;
    const pieces = splitText(text, { max: 1000, verbatim: true });
    expect(pieces.join('')).toBe(text);
    expect(pieces.every((p) => p.length <= 1000)).toBe(true);
    expect(pieces.some((p) => p.includes(CUT_MARK))).toBe(false);
  });

  it('measures the rendered form, so escaping cannot push a piece over', () => {
    const text = '<&> '.repeat(500);
    const pieces = splitText(text, { max: 300, measure: (p) => escapeText(p).length });
    expect(pieces.every((p) => escapeText(p).length <= 300)).toBe(true);
    expect(pieces.join(' ')).toBe(text.trim());
  });

  it('never leaves half an emoji on either side of a cut', () => {
    const pieces = splitText('🧵'.repeat(100), { max: 51, verbatim: true });
    expect(pieces.join('')).toBe('🧵'.repeat(100));
    for (const p of pieces) expect(p).toBe([...p].join(''));
    expect(pieces.every((p) => !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });

  it('truncates with a mark, at a space where it can', () => {
    expect(truncateText('short', 75)).toBe('short');
    const t = truncateText('An answer option that goes on and on well past what a Slack button can hold in its label', 40);
    expect(t.length).toBeLessThanOrEqual(40);
    expect(t.endsWith(CUT_MARK)).toBe(true);
    expect(t).toBe('An answer option that goes on and on…');
  });
});

describe('renderReply', () => {
  it('escapes every text the bot sends, so nobody can mention @channel or a user through it', () => {
    const evil = 'Hi <!channel> and <!here>, ask <@U123> & <#C1|general> <https://x.test|click>';
    const r: Reply = {
      visibility: 'public',
      blocks: [
        { type: 'heading', text: evil },
        { type: 'text', text: evil },
        { type: 'quote', text: evil, citation: { ...CITATION, title: evil } },
        { type: 'fields', fields: [{ name: evil, value: evil }] },
        { type: 'choices', choices: [{ id: 'kp:next:x', label: evil }] },
        { type: 'footer', text: evil },
      ],
    };
    const [message] = renderReply(r);
    const strings = allStrings(message);
    for (const s of strings) {
      expect(s).not.toMatch(/<[!@#]/);
      expect(s).not.toMatch(/<https?:/);
    }
    expect(strings.filter((s) => s.includes('&lt;!channel&gt;')).length).toBeGreaterThanOrEqual(7);
    // The only `>` left unescaped is the block-quote marker the renderer itself writes.
    for (const s of strings) expect(s.replace(/^> /gm, '')).not.toMatch(/[<>]/);
  });

  it('renders a quote as a block quote with its citation in a context block', () => {
    const [message] = renderReply({ visibility: 'public', blocks: [{ type: 'quote', text: 'Line one – “curly”.\nLine two', citation: CITATION }] });
    expect(message!.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '> Line one – “curly”.\n> Line two', verbatim: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '*P7* · Andrew Latham, “Ukraine Has a ‘Secret Back Door’ Into NATO” (National Security Journal)', verbatim: true }] },
    ]);
  });

  it('splits a quote too long for one block across blocks, keeping every character, citation last', () => {
    const quote = Array.from({ length: 120 }, (_, i) => `${sentence(i)} <${i}> & more`).join(' ');
    expect(quote.length).toBeGreaterThan(3 * 3000);
    const [message] = renderReply({ visibility: 'public', blocks: [{ type: 'quote', text: quote, citation: CITATION }] });
    const blocks = message!.blocks;
    expectWithinLimits(blocks);
    const sections = sectionTexts(blocks);
    expect(sections.length).toBeGreaterThanOrEqual(4);
    expect(sections.map(unquote).join('')).toBe(quote);
    expect(blocks.at(-1)).toMatchObject({ type: 'context' });
    expect(blocks.filter((b) => b.type === 'context')).toHaveLength(1);
  });

  it('splits long text at sentences and keeps all of its words', () => {
    const text = Array.from({ length: 100 }, (_, i) => sentence(i)).join(' ');
    const [message] = renderReply({ visibility: 'public', blocks: [{ type: 'text', text }] });
    expectWithinLimits(message!.blocks);
    const sections = sectionTexts(message!.blocks);
    expect(sections.length).toBeGreaterThanOrEqual(Math.ceil(text.length / 3000));
    expect(sections.length).toBeLessThanOrEqual(Math.ceil(text.length / 3000) + 1);
    expect(sections.every((s) => s.endsWith('.'))).toBe(true);
    expect(sections.join(' ')).toBe(text);
  });

  it('spreads a reply of more than 50 blocks over several messages, each quote beside its citation', () => {
    const blocks: Reply['blocks'] = [];
    for (let i = 0; i < 40; i++) {
      blocks.push({ type: 'text', text: sentence(i) }, { type: 'quote', text: `Quote ${i}.`, citation: { ...CITATION, anchor: `P${i}` } });
    }
    blocks.push({ type: 'choices', choices: [{ id: 'kp:next:m', label: 'Another' }] });
    const messages = renderReply({ visibility: 'public', blocks });
    expect(messages.length).toBe(3);
    for (const m of messages) {
      expectWithinLimits(m.blocks);
      m.blocks.forEach((b, i) => {
        const text = b.type === 'section' ? b.text?.text : undefined;
        if (text?.startsWith('> ')) expect(m.blocks[i + 1]?.type).toBe('context');
      });
      expect(m.text.length).toBeGreaterThan(0);
      expect(m.text.length).toBeLessThanOrEqual(3000);
    }
    expect(messages.flatMap((m) => m.blocks)).toHaveLength(40 * 3 + 1);
    expect(messages.at(-1)!.blocks.at(-1)).toMatchObject({ type: 'actions' });
  });

  it('puts at most ten fields in a section and sends an over-long field full width', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ name: `Field ${i}`, value: `Value ${i}` }));
    fields.push({ name: 'Long', value: Array.from({ length: 40 }, (_, i) => sentence(i)).join(' ') });
    const [message] = renderReply({ visibility: 'public', blocks: [{ type: 'fields', fields }] });
    expectWithinLimits(message!.blocks);
    const rows = message!.blocks.filter((b) => b.type === 'section' && b.fields);
    expect(rows.map((b) => (b.type === 'section' ? b.fields?.length : 0))).toEqual([10, 10, 3]);
    const wide = sectionTexts(message!.blocks);
    expect(wide[0]).toBe('*Long*');
    expect(wide.slice(1).join(' ')).toBe(fields.at(-1)!.value);
  });

  it('turns a heading too long for a header into bold sections instead of cutting it', () => {
    const long = `A heading ${'that keeps going '.repeat(12)}to the end`;
    const [message] = renderReply({ visibility: 'public', blocks: [{ type: 'heading', text: long }] });
    expect(message!.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: `*${long}*`, verbatim: true } }]);
    const [short] = renderReply({ visibility: 'public', blocks: [{ type: 'heading', text: 'Short & sweet' }] });
    expect(short!.blocks).toEqual([{ type: 'header', text: { type: 'plain_text', text: 'Short &amp; sweet', emoji: true } }]);
  });

  it('makes choices buttons: action_id and value are the choice id; styles map; labels fit with a mark', () => {
    const label = 'D. Admit that Ukraine is already inside the tent, and act accordingly, and then some more';
    const [message] = renderReply({
      visibility: 'public',
      blocks: [{
        type: 'choices',
        choices: [
          { id: 'quiz:a:abc:0:3', label, style: 'secondary' },
          { id: 'vote:p:agree', label: 'Agree', style: 'success' },
          { id: 'debate:end:d', label: 'End', style: 'danger' },
        ],
      }],
    });
    const [a, b, c] = (message!.blocks[0] as { elements: { action_id: string; value: string; style?: string; text: { text: string } }[] }).elements;
    expect(a).toMatchObject({ action_id: 'quiz:a:abc:0:3', value: 'quiz:a:abc:0:3' });
    expect(a!.style).toBeUndefined();
    expect(a!.text.text.length).toBeLessThanOrEqual(75);
    expect(a!.text.text.endsWith(CUT_MARK)).toBe(true);
    expect(b!.style).toBe('primary');
    expect(c!.style).toBe('danger');
  });

  it('gives 30 choices two action rows', () => {
    const choices = Array.from({ length: 30 }, (_, i) => ({ id: `c:${i}`, label: `Choice ${i}` }));
    const [message] = renderReply({ visibility: 'public', blocks: [{ type: 'choices', choices }] });
    expect(message!.blocks.map((b) => (b.type === 'actions' ? b.elements.length : 0))).toEqual([25, 5]);
  });

  it('gives a choice that opens a text box the same plain button: the id alone says what it opens', () => {
    const [message] = renderReply({
      visibility: 'public',
      blocks: [{ type: 'choices', choices: [{ id: 'debate:reply:d1', label: 'Reply', input: { title: 'Your argument is long here', label: 'Make your case', maxLength: 2000 } }] }],
    });
    const [btn] = (message!.blocks[0] as { elements: { action_id: string; value: string }[] }).elements;
    expect(btn!.action_id).toBe('debate:reply:d1');
    expect(btn!.value).toBe('debate:reply:d1');
  });

  it('sends nothing for an empty reply and skips empty text', () => {
    expect(renderReply({ visibility: 'private', blocks: [] })).toEqual([]);
    expect(renderReply({ visibility: 'private', blocks: [{ type: 'text', text: '  ' }] })).toEqual([]);
  });
});

describe('an editorial point’s sources on Slack', () => {
  it('shows them beside the label in the context line under the point, wherever it falls', () => {
    for (const labelLast of [false, true]) {
      const blocks = renderReply(sourcedPointReply({ labelLast })).flatMap((m) => m.blocks);
      const contexts = blocks.flatMap((b) => (b.type === 'context' ? b.elements.map((e) => ('text' in e ? e.text : '')) : []));
      expect(contexts.map(unquote), String(labelLast)).toContain(SOURCED_LABEL);
    }
  });
});
