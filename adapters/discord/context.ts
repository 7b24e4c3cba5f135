import { GuildMember, PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { BaseContext, Services } from '../../src/core/context.js';

/** The name people see in the server: nickname, else display name, else username. */
function displayName(interaction: BaseInteraction): string {
  const member = interaction.member;
  if (member instanceof GuildMember) return member.displayName;
  if (member && 'nick' in member && member.nick) return member.nick;
  return interaction.user.displayName;
}

/**
 * Who, where and with what rights an interaction runs. Admin means Manage Server in this server
 * (Administrator implies it); the core applies it to admin-only subcommands and quiz stops.
 * Commands are registered for servers only, so a guild and a channel are always there; anything
 * else gets `null` and a polite refusal.
 */
export function baseContext(interaction: BaseInteraction, services: Services): BaseContext | null {
  if (!interaction.inGuild() || !interaction.channelId) return null;
  return {
    platform: 'discord',
    serverId: interaction.guildId,
    channelId: interaction.channelId,
    user: { id: interaction.user.id, name: displayName(interaction) },
    locale: interaction.locale,
    isAdmin: interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild),
    services,
  };
}

/** The key an instance claims an interaction by (interactions.ts): whoever claims it first answers it. */
export function requestKey(interaction: BaseInteraction): string {
  return `discord:${interaction.id}`;
}
