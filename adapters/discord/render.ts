import type { APIEmbed } from 'discord.js';
import { citationLine, type Block, type FileAttachment, type Choice, type Citation, type Reply, type Visibility } from '../../src/core/reply.js';
import { buttonRows, type ButtonRow } from './buttons.js';
import { EmbedPacker, groupEmbeds } from './embeds.js';
import { LIMITS } from './limits.js';
import { aside, blockQuote, bold, escapeMarkdown } from './markdown.js';
import { splitVerbatim, trimText } from './split.js';

/** One Discord message, ready for reply/followUp/update/send (flags are added when it is sent). */
export interface DiscordMessage {
  /** Empty when the message is all embeds: an edit then clears any old text. */
  content: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  /** Files sent with the message (a teacher's CSV export, the argument map), as discord.js uploads them. */
  files?: { attachment: Buffer; name: string; description: string }[];
}

/** A core `Reply` as Discord messages: usually one, more when it is longer than one message holds. */
export interface RenderedReply {
  visibility: Visibility;
  replaceOriginal: boolean;
  thread?: { name: string };
  messages: DiscordMessage[];
}

const COLOR = { public: 0x3b6ea5, private: 0x99aab5 } as const;
const MORE_CHOICES = 'More choices:';

/** Names the article on every embed that quotes it (Discord shows the author line above the title). */
export function articleName(c: Citation): string {
  return `${c.title} — ${c.author} (${c.outlet})`;
}

/**
 * A quote as block-quote pieces, each small enough for an empty embed's description, with the
 * citation under the last. The quote's characters are all kept, in order: it is split, never trimmed.
 */
export function quotePieces(text: string, citation: Citation): string[] {
  const cite = escapeMarkdown(citationLine(citation));
  const escaped = escapeMarkdown(text);
  // Each line of a piece gains "> "; halve the piece size until even a quote of many lines fits.
  for (let max = LIMITS.embedDescription - cite.length - 3; max >= 16; max = Math.floor(max / 2)) {
    const pieces = splitVerbatim(escaped, max).map(blockQuote);
    if (pieces.length === 0) return [cite];
    pieces[pieces.length - 1] += `\n${cite}`;
    if (pieces.every((p) => p.length <= LIMITS.embedDescription)) return pieces;
  }
  throw new Error('a quote could not be laid out within Discord’s limits');
}

/** A file's bytes: text (a CSV) as UTF-8, a picture as it is. */
function fileBytes(f: FileAttachment): Buffer {
  return typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : Buffer.from(f.content);
}

/** A reply of nothing but short text reads best as a plain message. */
function asPlainText(blocks: readonly Block[]): string | null {
  if (!blocks.every((b) => b.type === 'text' || b.type === 'choices')) return null;
  const text = blocks.flatMap((b) => (b.type === 'text' ? [escapeMarkdown(b.text)] : [])).join('\n');
  return text.trim() && text.length <= LIMITS.content ? text : null;
}

const CONTENT_BLOCKS = new Set<Block['type']>(['heading', 'text', 'quote', 'fields']);

function layOutEmbeds(r: Reply): APIEmbed[] {
  const packer = new EmbedPacker(COLOR[r.visibility]);
  // A footer after the last block of content is the embed's footer; one in between is an aside in place.
  let lastContent = -1;
  for (let i = 0; i < r.blocks.length; i += 1) if (CONTENT_BLOCKS.has(r.blocks[i]!.type)) lastContent = i;
  for (let i = 0; i < r.blocks.length; i += 1) {
    const block = r.blocks[i]!;
    switch (block.type) {
      case 'heading':
        // The first heading is the title; a later one starts a new embed with its own title.
        packer.heading(escapeMarkdown(block.text));
        break;
      case 'text':
        packer.paragraph(escapeMarkdown(block.text));
        break;
      case 'quote':
        for (const piece of quotePieces(block.text, block.citation)) packer.piece(piece, articleName(block.citation));
        break;
      case 'fields':
        for (const f of block.fields) packer.field(escapeMarkdown(f.name), escapeMarkdown(f.value), f.inline);
        break;
      case 'footer':
        if (i > lastContent) packer.addFooter(block.text);
        else packer.paragraph(aside(escapeMarkdown(block.text)));
        break;
      case 'choices':
        break;
    }
  }
  return packer.finish();
}

/** Renders a core reply for Discord, within every limit Discord sets on a message. */
export function renderReply(r: Reply): RenderedReply {
  const choiceBlocks: Choice[][] = r.blocks.flatMap((b) => (b.type === 'choices' ? [b.choices] : []));
  const rows = buttonRows(choiceBlocks);
  const plain = asPlainText(r.blocks);
  const messages: DiscordMessage[] = plain !== null
    ? [{ content: plain, embeds: [], components: [] }]
    : groupEmbeds(layOutEmbeds(r)).map((embeds) => ({ content: '', embeds, components: [] }));
  if (messages.length === 0) messages.push({ content: rows.length ? bold('Choose:') : '\u200b', embeds: [], components: [] });
  // Buttons go under the last message, after everything they refer to; past 5 rows, on further messages.
  const last = messages[messages.length - 1]!;
  last.components = rows.slice(0, LIMITS.rowsPerMessage);
  for (let i = LIMITS.rowsPerMessage; i < rows.length; i += LIMITS.rowsPerMessage) {
    messages.push({ content: MORE_CHOICES, embeds: [], components: rows.slice(i, i + LIMITS.rowsPerMessage) });
  }
  // Files go with the last message, after the words that say what they are.
  if (r.attachments?.length) {
    messages[messages.length - 1]!.files = r.attachments.map((f) => ({
      attachment: fileBytes(f), name: f.name, description: trimText(f.description, LIMITS.attachmentDescription),
    }));
  }
  return {
    visibility: r.visibility,
    replaceOriginal: r.replaceOriginal === true,
    ...(r.thread ? { thread: r.thread } : {}),
    messages,
  };
}
