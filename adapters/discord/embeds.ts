import type { APIEmbed, APIEmbedField } from 'discord.js';
import { LIMITS } from './limits.js';
import { splitText, trimText } from './split.js';

/** What counts towards the 6000 characters all embeds of one message may hold together. */
export function embedSize(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0)
    + fieldsSize(e.fields);
}

function fieldsSize(fields: readonly APIEmbedField[] | undefined): number {
  let n = 0;
  if (fields) for (const f of fields) n += f.name.length + f.value.length;
  return n;
}

const PARAGRAPH_GAP = '\n\n';
/** A field with nothing to show still needs a name and a value: Discord rejects empty ones. */
const BLANK = '\u200b';

interface Draft {
  title?: string;
  description: string;
  fields: APIEmbedField[];
  author?: string;
}

/** embedSize of the draft's embed, counted on the draft (checked at every paragraph and field added). */
const sizeOf = (d: Draft) => (d.title?.length ?? 0) + d.description.length + (d.author?.length ?? 0) + fieldsSize(d.fields);

function toEmbed(d: Draft, color: number): APIEmbed {
  // Keys set one by one, in this order (the JSON Discord gets): spreading a fresh object per key
  // cost more than the rest of the layout on a short reply.
  const e: APIEmbed = {};
  if (d.title) e.title = d.title;
  if (d.description) e.description = d.description;
  if (d.fields.length) e.fields = d.fields;
  if (d.author) e.author = { name: d.author };
  if (color) e.color = color;
  return e;
}

/**
 * Lays a reply's blocks out as embeds, in order, each within Discord's limits. Text that follows
 * fields starts a new embed (Discord always shows fields below the description), so nothing is
 * shown out of the order the core wrote it. Everything passed in is already escaped Markdown.
 */
export class EmbedPacker {
  private readonly done: Draft[] = [];
  private current: Draft = { description: '', fields: [] };
  private footer = '';

  constructor(private readonly color: number) {}

  private get empty(): boolean {
    const d = this.current;
    return !d.title && !d.description && d.fields.length === 0;
  }

  private close(): void {
    if (!this.empty || this.current.author) this.done.push(this.current);
    this.current = { description: '', fields: [] };
  }

  /** Room left in the current embed for `extra` more characters, within one embed's share of 6000. */
  private fits(extra: number): boolean {
    return sizeOf(this.current) + extra <= LIMITS.embedsTotal;
  }

  heading(escaped: string): void {
    if (!this.empty) this.close();
    this.current.title = trimText(escaped, LIMITS.embedTitle);
  }

  /** A paragraph of the description; split at sentences when longer than a description holds. */
  paragraph(escaped: string, author?: string): void {
    for (const piece of splitText(escaped, LIMITS.embedDescription)) this.piece(piece, author);
  }

  /**
   * A piece that must not be split again (a part of a quote, already cut to fit an empty embed).
   * `author` names where the words come from, on every embed that shows some of them.
   */
  piece(text: string, author?: string): void {
    const authorName = author ? trimText(author, LIMITS.authorName) : undefined;
    const grow = (d: Draft) => (d.description ? PARAGRAPH_GAP.length : 0) + text.length
      + (authorName && !d.author ? authorName.length : 0);
    if (this.current.fields.length > 0) this.close();
    const d = this.current;
    if (d.description.length + (d.description ? PARAGRAPH_GAP.length : 0) + text.length > LIMITS.embedDescription || !this.fits(grow(d))) {
      this.close();
    }
    const target = this.current;
    target.description = target.description ? `${target.description}${PARAGRAPH_GAP}${text}` : text;
    if (authorName && !target.author) target.author = authorName;
  }

  /** A named value; a long value continues in further fields of the same name. */
  field(name: string, value: string, inline = false): void {
    const fieldName = trimText(name, LIMITS.fieldName) || BLANK;
    const pieces = splitText(value, LIMITS.fieldValue);
    const values = pieces.length ? pieces : [BLANK];
    values.forEach((v, i) => {
      const f: APIEmbedField = { name: i === 0 ? fieldName : trimText(`${name} (continued)`, LIMITS.fieldName), value: v, ...(inline ? { inline } : {}) };
      if (this.current.fields.length >= LIMITS.embedFields || !this.fits(f.name.length + f.value.length)) this.close();
      this.current.fields.push(f);
    });
  }

  /** Footers come last on the last embed; several are kept one per line. */
  addFooter(text: string): void {
    this.footer = this.footer ? `${this.footer}\n${text}` : text;
  }

  finish(): APIEmbed[] {
    this.close();
    const embeds = this.done.map((d) => toEmbed(d, this.color));
    if (this.footer) {
      const footer = trimText(this.footer, LIMITS.footer);
      const last = embeds.at(-1);
      if (last && embedSize(last) + footer.length <= LIMITS.embedsTotal) last.footer = { text: footer };
      else embeds.push({ footer: { text: footer }, ...(this.color ? { color: this.color } : {}) });
    }
    return embeds;
  }
}

/** Groups embeds into messages of at most 10 embeds and 6000 characters. */
export function groupEmbeds(embeds: APIEmbed[]): APIEmbed[][] {
  const groups: APIEmbed[][] = [];
  let group: APIEmbed[] = [];
  let size = 0;
  for (const e of embeds) {
    const n = embedSize(e);
    if (group.length >= LIMITS.embedsPerMessage || (group.length > 0 && size + n > LIMITS.embedsTotal)) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(e);
    size += n;
  }
  if (group.length) groups.push(group);
  return groups;
}
