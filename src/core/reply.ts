/**
 * The platform-neutral reply every handler returns. Adapters render it (Discord embeds and
 * components, Slack Block Kit, terminal text); nothing here knows a platform.
 */

export type Visibility = 'public' | 'private';

/** Where a quote comes from. A quote block is only ever the article's verbatim words. */
export interface Citation {
  anchor: string;
  title: string;
  author: string;
  outlet: string;
}

export type ChoiceStyle = 'primary' | 'secondary' | 'success' | 'danger';

/** A free-text box a choice opens before it is handled (a Discord modal, a Slack view, a terminal prompt). */
export interface TextInput {
  title: string;
  label: string;
  placeholder?: string;
  maxLength: number;
}

/**
 * A button. Its id is stateless: it encodes what the click means (at most 100 characters), so any
 * process can handle it after a restart.
 */
export interface Choice {
  id: string;
  label: string;
  style?: ChoiceStyle;
  input?: TextInput;
}

export interface Field {
  name: string;
  value: string;
  inline?: boolean;
}

export type Block =
  | { type: 'heading'; text: string }
  /** Plain text; may hold user text, which adapters escape for their platform. */
  | { type: 'text'; text: string }
  /** The article's verbatim words and their citation. */
  | { type: 'quote'; text: string; citation: Citation }
  | { type: 'fields'; fields: Field[] }
  | { type: 'choices'; choices: Choice[] }
  | { type: 'footer'; text: string };

/**
 * A file sent with a reply (a teacher's CSV export, the argument map's picture). Each adapter
 * delivers it its own way: an attachment on Discord, an uploaded file on Slack, a saved file whose
 * path the terminal prints.
 */
export interface FileAttachment {
  /** The file's name as people will see it, e.g. quiz-results-2026-01-05.csv. */
  name: string;
  mediaType: 'text/csv' | 'image/png' | 'image/svg+xml';
  /** The file's text, or its bytes (a picture). */
  content: string | Uint8Array;
  /** One line on what it holds, shown beside the file (and as a picture's alt text). */
  description: string;
  /** The file's content as text, where the file itself cannot be shown (the terminal prints it). */
  text?: string;
}

export interface Reply {
  visibility: Visibility;
  blocks: Block[];
  /** Replace the message whose choice was clicked instead of sending a new one. */
  replaceOriginal?: boolean;
  /** Open a discussion thread under the posted message (scheduled prompts). */
  thread?: { name: string };
  /** Post inside the thread opened under this platform message (a channel post's follow-up). */
  threadOf?: string;
  attachments?: FileAttachment[];
}

export const MAX_CHOICE_ID = 100;
export const MAX_USER_TEXT = 2000;

export function reply(blocks: Block[], options: Partial<Omit<Reply, 'blocks'>> = {}): Reply {
  return { visibility: 'public', ...options, blocks };
}

export function privateReply(blocks: Block[], options: Partial<Omit<Reply, 'blocks' | 'visibility'>> = {}): Reply {
  return { ...options, visibility: 'private', blocks };
}

/** A short private notice: errors, confirmations, "this has expired". */
export function notice(text: string, heading?: string): Reply {
  return privateReply(heading ? [{ type: 'heading', text: heading }, { type: 'text', text }] : [{ type: 'text', text }]);
}

export function citationLine(c: Citation): string {
  return `— ${c.author}, “${c.title}” (${c.outlet}), ${c.anchor}`;
}

/** Every reply has a plain-text form: the terminal prints it and notifications use it. */
export function renderPlainText(r: Reply): string {
  const lines: string[] = [];
  for (const block of r.blocks) {
    switch (block.type) {
      case 'heading':
        lines.push(block.text.toUpperCase() === block.text ? block.text : `== ${block.text} ==`);
        break;
      case 'text':
        lines.push(block.text);
        break;
      case 'quote':
        lines.push(...block.text.split('\n').map((l) => `  > ${l}`), `    ${citationLine(block.citation)}`);
        break;
      case 'fields':
        for (const f of block.fields) lines.push(`${f.name}: ${f.value}`);
        break;
      case 'choices':
        lines.push(block.choices.map((c) => `[${c.label}]`).join(' '));
        break;
      case 'footer':
        lines.push(`(${block.text})`);
        break;
    }
  }
  for (const file of r.attachments ?? []) lines.push(`[file ${file.name}: ${file.description}]`);
  return lines.join('\n');
}
