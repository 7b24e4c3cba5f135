import type { types } from '@slack/bolt';

/** The Block Kit shapes the renderer builds, from Slack's own type definitions (types only: no runtime import). */
export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type HeaderBlock = types.HeaderBlock;
export type ContextBlock = types.ContextBlock;
export type ActionsBlock = types.ActionsBlock;
export type Button = types.Button;
export type MrkdwnElement = types.MrkdwnElement;
export type ModalView = types.ModalView;

/** A message as chat.postMessage, chat.update and response_url take it. */
export interface SlackMessage {
  /** Notification and screen-reader text; Slack shows the blocks. */
  text: string;
  blocks: KnownBlock[];
}
