import type { Config } from '../config.js';
import type { Logger } from '../core/logger.js';

/** A Discord id: a snowflake, 17 to 20 digits. */
const SNOWFLAKE = /^\d{17,20}$/;

/**
 * `rostrum deploy-commands [--guild ID]`: checks what can be checked before calling Discord, then
 * says in words what was registered where, or why Discord refused.
 */
export async function deployCommandsCommand(config: Config, logger: Logger, guild: string | undefined): Promise<number> {
  if (guild !== undefined && !SNOWFLAKE.test(guild.trim())) {
    process.stderr.write(
      `“${guild}” is not a Discord server id: --guild takes the server's id, 17 to 20 digits ` +
        '(in Discord turn on Developer Mode, then right-click the server → Copy Server ID).\n',
    );
    return 2;
  }
  const guildId = guild?.trim() ?? config.DISCORD_GUILD_ID;
  const { deployCommands } = await import('../../adapters/discord/deploy.js');
  try {
    const deployed = await deployCommands(config, logger, guildId);
    const names = deployed.commands.map((c) => `/${c}`).join(', ');
    const count = `${deployed.commands.length} slash command${deployed.commands.length === 1 ? '' : 's'}`;
    process.stdout.write(deployed.scope === 'guild'
      ? `Registered ${count} (${names}) in the Discord server ${deployed.guildId}: they can be used there now.\n`
      : `Registered ${count} (${names}) globally, for every server the bot is in: Discord can take up to an hour to show them.\n`);
    return 0;
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status === 401) {
      process.stderr.write('Discord rejected the token in DISCORD_TOKEN (401 Unauthorized): copy the bot token again from the Developer Portal (Bot → Reset Token) into .env.\n');
      return 1;
    }
    if (status === 404 && guildId) {
      process.stderr.write(`Discord knows no server ${guildId} with this bot in it (404): invite the bot to the server first (see docs/discord.md), or check the id.\n`);
      return 1;
    }
    throw err;
  }
}
