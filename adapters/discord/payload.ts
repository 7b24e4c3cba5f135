import { MessagePayload, type ButtonInteraction, type ChatInputCommandInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { DiscordMessage } from './render.js';

/**
 * The Client's JSON transformer (index.ts): what we send is built in Discord's API shapes already
 * (APIEmbed, APIActionRowComponent…: snake_case), so it goes out as it is.
 */
export const sentAsIs = <T>(json: T): T => json;

/**
 * A message for an interaction (reply, update, follow-up, or an edit of its original) as a
 * MessagePayload whose body is already built: exactly the body discord.js's resolveBody makes of
 * such a message (it skips a payload that has one; the interaction's webhook, which follow-ups and
 * edits go through, gets the same body as the interaction), without what resolveBody spends on
 * options we never use — a require() per check of what the target is (webhook, message,
 * interaction), stickers, polls, replies, forwards — on every message.
 * A message with files, or a client whose defaults the body would have to follow (nonces, a
 * replied-user mention rule, another JSON transformer), goes through discord.js as before: `null`.
 */
export function builtPayload(
  interaction: ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction, m: DiscordMessage, flags: number | undefined,
): MessagePayload | null {
  const { enforceNonce, allowedMentions, jsonTransformer } = interaction.client.options;
  if (m.files?.length || enforceNonce || jsonTransformer !== sentAsIs || (allowedMentions && 'repliedUser' in allowedMentions)) return null;
  const payload = new MessagePayload(interaction, {});
  // In resolveBody's order; the absent ones (nonce, username…) are left out of the JSON either way.
  payload.body = {
    content: m.content,
    tts: false,
    enforce_nonce: false,
    embeds: m.embeds,
    components: m.components,
    allowed_mentions: allowedMentions,
    flags,
  } as MessagePayload['body'];
  payload.files = [];
  return payload;
}
