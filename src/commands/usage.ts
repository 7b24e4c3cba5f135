// Only text here: every command reads it at start (cli.ts), so it must load none of the commands' code.

export const EXPORT_USAGE = `usage: rostrum export --what quiz|votes|debates [--channel ID] [--since YYYY-MM-DD] --out FILE
Writes the results kept in the configured store (DATABASE_URL or DATABASE_PATH) to a CSV file:
  quiz     quiz scores per person and question
  votes    votes per discussion prompt
  debates  each debate's turns and the points made
--channel keeps one channel's; --since keeps what happened from that day on (DEFAULT_TIMEZONE's day).`;

export const BACKUP_USAGE = `usage: rostrum backup [--force] FILE
Writes a consistent copy of the SQLite database (DATABASE_PATH) to FILE, safely while the bot is
running: SQLite's online backup copies what was committed, never a half-written transaction.
An existing FILE is kept unless --force is given. To restore, stop the bot and put the copy in
place of the database file (see docs/operations.md).
With DATABASE_URL (Postgres) use Postgres's own tool instead: pg_dump.`;

/**
 * What `rostrum <command> --help` prints for each command. A command without an entry here gets
 * the general usage, so a new command is never answered with nothing.
 */
export const COMMAND_USAGE: Readonly<Record<string, string>> = {
  start: `usage: rostrum start
Starts the bot: on Discord when DISCORD_TOKEN is set, on Slack when SLACK_BOT_TOKEN is set (both at
once when both are), otherwise in the terminal. Settings come from the environment or .env.`,
  shell: `usage: rostrum shell [--user NAME] [--channel NAME] [--json]
Plays the bot in the terminal as NAME (default: you) in #NAME (default: general). Reads commands
line by line; when input is not a terminal it runs them as a script and exits at the end.
--json prints each reply as one JSON line. Exports are saved beside the database, in exports/.`,
  validate: `usage: rostrum validate [PACK_DIR]
Checks a content pack (default: CONTENT_PACK, else content/latham-nato) and lists every problem;
exits 1 when there is any.`,
  match: `usage: rostrum match [--json] [--motion ID] [--] TEXT
Says which point of the pack TEXT argues, for and against which motion, and where the article says so.`,
  'deploy-commands': `usage: rostrum deploy-commands [--guild ID]
Registers the slash commands with Discord using DISCORD_TOKEN: in one server (--guild, or
DISCORD_GUILD_ID; appears at once) or globally (may take up to an hour to reach every server).`,
  'slack-manifest': `usage: rostrum slack-manifest
Prints the Slack app manifest (the same as slack-manifest.json) to create or update the app with.`,
  export: EXPORT_USAGE,
  backup: BACKUP_USAGE,
  help: `usage: rostrum help
Lists the commands. rostrum <command> --help says what one command takes.`,
};

/** True when the arguments ask for help rather than to run the command. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}
