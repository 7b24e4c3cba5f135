import { REST, Routes } from 'discord.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/core/logger.js';
import { slashCommands, type SlashCommand } from './commands.js';

export interface Deployed {
  scope: 'guild' | 'global';
  guildId?: string;
  commands: string[];
}

/** A REST client for `DISCORD_API_URL` when it is set (a local fake in tests), else Discord itself. */
export function restClient(config: Config): REST {
  if (!config.DISCORD_TOKEN) {
    throw new Error('DISCORD_TOKEN is not set: put the bot token from the Discord Developer Portal (Bot → Token) in .env.');
  }
  return new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
}

/**
 * Registers the slash commands with one bulk overwrite (PUT), so commands removed from the core's
 * list disappear too. For one server (`guildId`) the change is instant; global commands can take up
 * to an hour to reach every server, which is why development uses a guild.
 */
export async function deployCommands(config: Config, logger: Logger, guildId?: string, commands: SlashCommand[] = slashCommands()): Promise<Deployed> {
  const rest = restClient(config);
  const applicationId = config.DISCORD_APPLICATION_ID ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: commands })) as { name: string }[];
  const deployed: Deployed = { scope: guildId ? 'guild' : 'global', ...(guildId ? { guildId } : {}), commands: registered.map((c) => c.name) };
  logger.info({ ...deployed, applicationId }, guildId ? 'slash commands registered for the server' : 'slash commands registered globally (may take up to an hour to appear)');
  return deployed;
}
