import { REST, Routes, type Client, type MessagePayload } from 'discord.js';
import type { AnswerableInteraction } from './respond.js';

/**
 * Discord does not count an interaction's endpoints against the bot's global rate limit (50
 * requests a second): each interaction's token has limits of its own. @discordjs/rest exempts only
 * the first response (the callback); a follow-up or an edit of the original message goes through
 * the client's global budget, shared with everything else the bot sends. So a busy moment — a
 * class answering a quiz at once, scheduled prompts going out to many channels — held the next
 * question or a deferred answer behind that budget, 50 a second for the whole bot.
 *
 * These go through a REST manager of their own instead, with the client's options (API address,
 * timeouts, retries) and no global budget. Each interaction's own route limits still apply: the
 * manager reads Discord's rate-limit headers per route as the client's does, and waits out a 429.
 * Only messages whose body is built already (payload.ts) go this way; one with files, or one whose
 * Message object is needed (to start a thread from it), goes through discord.js.
 */
export class InteractionWebhooks {
  private readonly rest: REST;

  constructor(client: Client) {
    this.rest = new REST({ ...client.options.rest, globalRequestsPerSecond: Number.MAX_SAFE_INTEGER });
  }

  async followUp(interaction: AnswerableInteraction, payload: MessagePayload): Promise<void> {
    // wait=true: Discord answers once the message is saved, so a message it refuses is an error here.
    await this.rest.post(Routes.webhook(interaction.applicationId, interaction.token), { body: payload.body, auth: false, query: WAIT });
  }

  async editOriginal(interaction: AnswerableInteraction, payload: MessagePayload): Promise<void> {
    await this.rest.patch(Routes.webhookMessage(interaction.applicationId, interaction.token), { body: payload.body, auth: false });
  }

  /** Stops the manager's sweep timers, as the client's own are stopped when it is destroyed. */
  close(): void {
    this.rest.clearHashSweeper();
    this.rest.clearHandlerSweeper();
  }
}

const WAIT = new URLSearchParams({ wait: 'true' });
