import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Message,
  type ModalMessageModalSubmitInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { Logger } from '../../src/core/logger.js';
import type { Reply, Visibility } from '../../src/core/reply.js';
import type { InteractionWebhooks } from './interaction-webhooks.js';
import { builtPayload } from './payload.js';
import type { DiscordMessage } from './render.js';
import { rendered as renderedOnce } from './rendered.js';
import { startThread } from './threads.js';

export type AnswerableInteraction = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/**
 * Where an interaction stands with Discord. It must be acknowledged once (reply, update, defer or
 * modal) within 3 s; everything after that is an edit of the original or a follow-up.
 */
type Ack =
  | 'none'
  /** A public "thinking…" placeholder is waiting for the answer. */
  | 'deferred-reply'
  | 'deferred-update'
  /** The clicked message was replaced: `@original` is that message now. */
  | 'updated'
  | 'replied';

/**
 * Sends the core's replies for one interaction. `replaceOriginal` on a click replaces the clicked
 * message (update, or an edit after deferUpdate); every other reply is a new message: the first
 * one answers the interaction (reply, or the edit of a deferred reply), the rest are follow-ups.
 * Private replies are ephemeral.
 */
export class Responder {
  private ack: Ack = 'none';

  constructor(
    private readonly interaction: AnswerableInteraction,
    private readonly log: Logger,
    /** Where follow-ups and edits go outside the client's global rate limit (interaction-webhooks.ts). */
    private readonly webhooks: InteractionWebhooks,
  ) {}

  /** The interaction can replace the message it came from: a click, or a modal opened by one. */
  private updatable(): ButtonInteraction | ModalMessageModalSubmitInteraction | null {
    const i = this.interaction;
    if (i.isButton()) return i;
    if (i.isModalSubmit() && i.isFromMessage()) return i;
    return null;
  }

  /**
   * Acknowledges now because the answer is not ready yet. A click defers as an update (no visible
   * change), which leaves both "replace the message" and "send a new one" open. A command defers a
   * public reply: the core does not say in advance how it will answer, and most commands answer in
   * public; a private answer then replaces the placeholder with an ephemeral follow-up.
   */
  async defer(): Promise<void> {
    if (this.ack !== 'none') return;
    const u = this.updatable();
    if (u) {
      await u.deferUpdate();
      this.ack = 'deferred-update';
    } else {
      await this.interaction.deferReply();
      this.ack = 'deferred-reply';
    }
  }

  async send(replies: readonly Reply[]): Promise<void> {
    for (const r of replies) {
      const rendered = renderedOnce(r);
      let first: Message | null = null;
      for (const [n, message] of rendered.messages.entries()) {
        const sent = await this.sendOne(message, rendered.visibility, rendered.replaceOriginal && n === 0, Boolean(rendered.thread) && n === 0);
        first ??= sent;
      }
      if (rendered.thread && rendered.visibility === 'public' && first) await startThread(first, rendered.thread.name, this.log);
    }
  }

  private async sendOne(m: DiscordMessage, visibility: Visibility, replace: boolean, wantMessage: boolean): Promise<Message | null> {
    const i = this.interaction;
    const flags = visibility === 'private' ? MessageFlags.Ephemeral : undefined;
    const u = replace ? this.updatable() : null;
    if (u) {
      if (this.ack === 'none') {
        const response = wantMessage ? await u.update({ ...m, withResponse: true }) : await u.update(builtPayload(u, m, undefined) ?? m).then(() => null);
        this.ack = 'updated';
        return response?.resource?.message ?? null;
      }
      if (this.ack === 'deferred-update' || this.ack === 'updated') {
        this.ack = 'updated';
        return this.editOriginal(u, m, wantMessage);
      }
      // The interaction already answered with a new message: the replacement follows as one too.
    }
    switch (this.ack) {
      case 'none': {
        const response = wantMessage ? await i.reply({ ...m, flags, withResponse: true }) : await i.reply(builtPayload(i, m, flags) ?? { ...m, flags }).then(() => null);
        this.ack = 'replied';
        return response?.resource?.message ?? null;
      }
      case 'deferred-reply': {
        this.ack = 'replied';
        if (visibility === 'public') return this.editOriginal(i, m, wantMessage);
        // A deferred reply cannot become ephemeral: drop the public placeholder, answer privately.
        await i.deleteReply();
        return this.followUp(i, m, flags, wantMessage);
      }
      default:
        return this.followUp(i, m, flags, wantMessage);
    }
  }

  /** Null when the message went out without discord.js, which only a thread's start needs. */
  private async editOriginal(i: AnswerableInteraction, m: DiscordMessage, wantMessage: boolean): Promise<Message | null> {
    const built = builtPayload(i, m, undefined);
    if (built && !wantMessage) {
      await this.webhooks.editOriginal(i, built);
      return null;
    }
    return i.editReply(built ?? m);
  }

  private async followUp(i: AnswerableInteraction, m: DiscordMessage, flags: number | undefined, wantMessage: boolean): Promise<Message | null> {
    const built = builtPayload(i, m, flags);
    if (built && !wantMessage) {
      await this.webhooks.followUp(i, built);
      return null;
    }
    return i.followUp(built ?? { ...m, flags });
  }
}
