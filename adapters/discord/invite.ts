import { OAuth2Scopes, PermissionFlagsBits } from 'discord.js';

/**
 * What the bot needs in a channel, and why. Answers to commands and clicks go through the
 * interaction webhook and need none of these; background posts (quiz reveals, scheduled prompts)
 * and their threads do.
 */
export const BOT_PERMISSIONS = {
  /** See the channels it is asked to post in. */
  ViewChannel: PermissionFlagsBits.ViewChannel,
  /** Post quiz reveals and scheduled prompts. */
  SendMessages: PermissionFlagsBits.SendMessages,
  /** Post in a thread when a quiz runs in one. */
  SendMessagesInThreads: PermissionFlagsBits.SendMessagesInThreads,
  /** Open a discussion thread under each scheduled prompt. */
  CreatePublicThreads: PermissionFlagsBits.CreatePublicThreads,
  /** Show its embeds (quotes and citations) in channel posts. */
  EmbedLinks: PermissionFlagsBits.EmbedLinks,
  /** Start a thread from one of its own earlier messages. */
  ReadMessageHistory: PermissionFlagsBits.ReadMessageHistory,
} as const;

export const BOT_PERMISSION_BITS: bigint = Object.values(BOT_PERMISSIONS).reduce((all, bit) => all | bit, 0n);

/** `bot` adds the bot user; `applications.commands` lets it register slash commands in the server. */
export const BOT_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

/** The link a server admin opens to add the bot with exactly these scopes and permissions. */
export function inviteUrl(applicationId: string): string {
  const query = new URLSearchParams({ client_id: applicationId, scope: BOT_SCOPES.join(' '), permissions: BOT_PERMISSION_BITS.toString() });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}
