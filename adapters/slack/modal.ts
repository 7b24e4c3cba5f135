import type { TextInput } from '../../src/core/reply.js';
import type { ModalView } from './block-kit.js';
import { escapeText } from './escape.js';
import { SLACK_LIMITS } from './limits/limits.js';
import { truncateText } from './limits/split.js';

/** The modal a choice with a text box opens, and how its submission finds its way back to the choice. */

export const INPUT_CALLBACK_ID = 'rostrum_text';
export const INPUT_BLOCK_ID = 'rostrum_text_block';
export const INPUT_ACTION_ID = 'rostrum_text_input';

/**
 * What the submission needs, carried in the view's private_metadata: Slack hands it back untouched,
 * so no process has to remember the click.
 */
export interface InputMetadata {
  choiceId: string;
  channelId: string;
  /** The message the button was on. */
  messageTs?: string;
  /** The click's response_url: it reaches the channel even where the bot is not a member. */
  responseUrl?: string;
}

const escapedLength = (s: string): number => escapeText(s).length;

function plain(text: string, max: number): { type: 'plain_text'; text: string; emoji: true } {
  return { type: 'plain_text', text: escapeText(truncateText(text, max, escapedLength)), emoji: true };
}

function metadataJson(meta: InputMetadata): string {
  const full = JSON.stringify({ c: meta.choiceId, ch: meta.channelId, ts: meta.messageTs, r: meta.responseUrl });
  // An unusually long response_url must not cost the submission: without it, replies go through the Web API.
  return full.length <= SLACK_LIMITS.privateMetadata ? full : JSON.stringify({ c: meta.choiceId, ch: meta.channelId, ts: meta.messageTs });
}

export function inputModal(input: TextInput, meta: InputMetadata): ModalView {
  return {
    type: 'modal',
    callback_id: INPUT_CALLBACK_ID,
    private_metadata: metadataJson(meta),
    title: plain(input.title, SLACK_LIMITS.modalTitle),
    submit: plain('Send', SLACK_LIMITS.modalSubmit),
    close: plain('Cancel', SLACK_LIMITS.modalSubmit),
    blocks: [
      {
        type: 'input',
        block_id: INPUT_BLOCK_ID,
        label: plain(input.label, SLACK_LIMITS.inputLabel),
        element: {
          type: 'plain_text_input',
          action_id: INPUT_ACTION_ID,
          multiline: true,
          max_length: Math.min(input.maxLength, SLACK_LIMITS.inputMaxLength),
          ...(input.placeholder ? { placeholder: plain(input.placeholder, SLACK_LIMITS.inputPlaceholder) } : {}),
        },
      },
    ],
  };
}

export function readInputMetadata(raw: string | undefined): InputMetadata | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? '');
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { c, ch, ts, r } = parsed as Record<string, unknown>;
  if (typeof c !== 'string' || typeof ch !== 'string' || c === '' || ch === '') return null;
  return {
    choiceId: c, channelId: ch,
    ...(typeof ts === 'string' ? { messageTs: ts } : {}),
    ...(typeof r === 'string' && /^https?:\/\//.test(r) ? { responseUrl: r } : {}),
  };
}

/** The text typed into the box, from a submitted view's state. */
export function readInputText(state: { values: Record<string, Record<string, { value?: string | null }>> } | undefined): string | undefined {
  return state?.values[INPUT_BLOCK_ID]?.[INPUT_ACTION_ID]?.value ?? undefined;
}
