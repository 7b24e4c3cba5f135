import { renderPlainText, type Block, type Choice, type ChoiceStyle, type Citation, type Field, type Reply } from '../../src/core/reply.js';
import type { ActionsBlock, Button, ContextBlock, KnownBlock, SectionBlock, SlackMessage } from './block-kit.js';
import { escapeText } from './escape.js';
import { SLACK_LIMITS } from './limits/limits.js';
import { splitText, truncateText } from './limits/split.js';

/**
 * Renders a platform-neutral Reply as Slack Block Kit messages. Every piece of text is escaped, and
 * every limit is kept: long text is split at a sentence, a long reply becomes several messages, and
 * the article's quotes are split across blocks (never shortened) when one block cannot hold them.
 */

/** Slack blocks that belong together (a quote and its citation), with their notification text. */
interface Unit {
  blocks: KnownBlock[];
  plain: string;
}

const escapedLength = (s: string): number => escapeText(s).length;

/** mrkdwn with `verbatim`, so Slack does not turn names or words into mentions or links on its own. */
function mrkdwn(text: string): { type: 'mrkdwn'; text: string; verbatim: true } {
  return { type: 'mrkdwn', text, verbatim: true };
}

function section(text: string): SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

function textSections(text: string, wrap: (escaped: string) => string = (s) => s, extra = 0): SectionBlock[] {
  if (text.trim() === '') return [];
  return splitText(text, { max: SLACK_LIMITS.sectionText - extra, measure: escapedLength })
    .map((piece) => section(wrap(escapeText(piece))));
}

/** The quote as Slack block-quote lines; `> ` starts every line, and the words are only escaped. */
export function quoteMrkdwn(piece: string): string {
  return piece.split('\n').map((line) => `> ${escapeText(line)}`).join('\n');
}

function citationMrkdwn(c: Citation): string {
  return `*${escapeText(c.anchor)}* · ${escapeText(c.author)}, “${escapeText(c.title)}” (${escapeText(c.outlet)})`;
}

function heading(text: string): KnownBlock[] {
  const escaped = escapeText(text);
  if (escaped.length <= SLACK_LIMITS.headerText) return [{ type: 'header', text: { type: 'plain_text', text: escaped, emoji: true } }];
  // Too long for a header: the same words, bold, in sections that can hold them.
  return textSections(text, (s) => `*${s}*`, 2);
}

function quote(text: string, citation: Citation): KnownBlock[] {
  const pieces = splitText(text, { max: SLACK_LIMITS.sectionText, measure: (p) => quoteMrkdwn(p).length, verbatim: true });
  const context: ContextBlock = { type: 'context', elements: [mrkdwn(citationMrkdwn(citation))] };
  return [...pieces.map((p) => section(quoteMrkdwn(p))), context];
}

function fieldMrkdwn(f: Field): string {
  return `*${escapeText(f.name)}*\n${escapeText(f.value)}`;
}

/** Fields side by side, ten to a section; a field too long for one goes full width, split at sentences. */
function fields(list: readonly Field[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  let row: NonNullable<SectionBlock['fields']> = [];
  const flush = () => {
    if (row.length) out.push({ type: 'section', fields: row });
    row = [];
  };
  for (const f of list) {
    const text = fieldMrkdwn(f);
    if (text.length <= SLACK_LIMITS.fieldText) {
      row.push(mrkdwn(text));
      if (row.length === SLACK_LIMITS.fieldsPerSection) flush();
      continue;
    }
    flush();
    out.push(...textSections(f.name, (s) => `*${s}*`, 2), ...textSections(f.value));
  }
  flush();
  return out;
}

function buttonStyle(style: ChoiceStyle | undefined): Button['style'] {
  // Slack has two accents; "secondary" is its default look.
  if (style === 'primary' || style === 'success') return 'primary';
  if (style === 'danger') return 'danger';
  return undefined;
}

function button(choice: Choice): Button {
  const style = buttonStyle(choice.style);
  return {
    type: 'button',
    action_id: choice.id,
    value: choice.id,
    text: { type: 'plain_text', text: escapeText(truncateText(choice.label, SLACK_LIMITS.buttonText, escapedLength)), emoji: true },
    ...(style ? { style } : {}),
  };
}

function choices(list: readonly Choice[]): ActionsBlock[] {
  const out: ActionsBlock[] = [];
  for (let i = 0; i < list.length; i += SLACK_LIMITS.elementsPerActions) {
    out.push({ type: 'actions', elements: list.slice(i, i + SLACK_LIMITS.elementsPerActions).map(button) });
  }
  return out;
}

function footer(text: string): ContextBlock[] {
  if (text.trim() === '') return [];
  const pieces = splitText(text, { max: SLACK_LIMITS.contextText, measure: escapedLength }).map((p) => mrkdwn(escapeText(p)));
  const out: ContextBlock[] = [];
  for (let i = 0; i < pieces.length; i += SLACK_LIMITS.contextElements) {
    out.push({ type: 'context', elements: pieces.slice(i, i + SLACK_LIMITS.contextElements) });
  }
  return out;
}

function renderBlock(block: Block): KnownBlock[] {
  switch (block.type) {
    case 'heading':
      return heading(block.text);
    case 'text':
      return textSections(block.text);
    case 'quote':
      return quote(block.text, block.citation);
    case 'fields':
      return fields(block.fields);
    case 'choices':
      return choices(block.choices);
    case 'footer':
      return footer(block.text);
  }
}

function fallbackText(plain: string): string {
  return escapeText(truncateText(plain.trim() || 'rostrum', SLACK_LIMITS.fallbackText, escapedLength));
}

/** A reply as one or more messages, each within Slack's block limit; a quote stays with its citation. */
export function renderReply(reply: Reply): SlackMessage[] {
  const units: Unit[] = reply.blocks
    .map((block) => ({ blocks: renderBlock(block), plain: renderPlainText({ visibility: reply.visibility, blocks: [block] }) }))
    .filter((u) => u.blocks.length > 0);
  const messages: SlackMessage[] = [];
  let blocks: KnownBlock[] = [];
  let plain: string[] = [];
  const flush = () => {
    if (blocks.length) messages.push({ text: fallbackText(plain.join('\n')), blocks });
    blocks = [];
    plain = [];
  };
  const max = SLACK_LIMITS.blocksPerMessage;
  for (const unit of units) {
    if (blocks.length + unit.blocks.length > max) flush();
    for (let i = 0; i < unit.blocks.length; i += max) {
      if (i > 0) flush();
      blocks.push(...unit.blocks.slice(i, i + max));
    }
    plain.push(unit.plain);
  }
  flush();
  return messages;
}
