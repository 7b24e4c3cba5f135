import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, secretValues, type Config } from './config.js';
import { createLogger } from './logging.js';
import type { Logger } from './core/logger.js';
import { exitWhenFlushed, toleratePipeReaders } from './output-flush.js';
import { guardProcess } from './process-guard.js';
import { holdYoungGeneration } from './young-generation.js';
import { loadEnvFile } from './env-file.js';
// Small, and read by every command: static, since each dynamic import costs the bundle chunks of its own.
import { argsProblem } from './commands/args.js';
import { COMMAND_USAGE, wantsHelp } from './commands/usage.js';
import { boundedLine, MAX_ID, readChannel } from './core/input.js';
import { preloadStore } from './store/open.js';

const USAGE = `rostrum — a debate bot for Discord, Slack and the terminal

Usage: rostrum <command> [options]

Commands:
  start                      Start the bot: Discord and/or Slack when their tokens are set,
                             otherwise the terminal adapter (the default command)
  shell [--user NAME] [--channel NAME] [--json]
                             Play the bot in the terminal; reads a script when input is not a terminal
  validate [PACK_DIR]        Check a content pack; lists every problem, exits non-zero on any
  match [--json] [--motion ID] [--] TEXT
                             Which point of the pack does TEXT argue? (-- before a TEXT starting with -)
  deploy-commands [--guild ID]
                             Register the slash commands with Discord (one guild: instant)
  slack-manifest             Print the Slack app manifest
  export --what quiz|votes|debates [--channel ID] [--since DATE] --out FILE
                             Write quiz scores, votes or debate transcripts to a CSV file
  backup [--force] FILE      Copy the SQLite database to FILE, safely while the bot runs
  help                       This text

rostrum <command> --help says what one command takes.

Settings come from the environment or a .env file; see .env.example.`;

/** A usage or settings problem: the message is the whole answer, with exit code `code`. */
class CommandFailed extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

function fail(message: string, code = 2): never {
  throw new CommandFailed(message, code);
}

/** Refuses arguments parseArgs would refuse, in a sentence and with the command's usage (exit 2). */
function checkArgs(command: string, args: string[], options: NonNullable<ParseArgsConfig['options']>, allowPositionals = false): void {
  const problem = argsProblem(command, args, options, allowPositionals);
  if (problem === null) return;
  fail(`${problem}\n${COMMAND_USAGE[command] ?? USAGE}`);
}

function config(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}

function logger(c: Config, level?: string): Logger {
  return createLogger(level ?? c.LOG_LEVEL, secretValues(c));
}

/** In the terminal adapter the screen is the conversation: unless asked for more, log only warnings and errors. */
function terminalLogger(c: Config): Logger {
  return logger(c, c.LOG_LEVEL === 'info' ? 'warn' : c.LOG_LEVEL);
}

async function main(argv: string[]): Promise<void> {
  await loadEnvFile(); // before anything reads a setting
  const [command = 'start', ...rest] = argv;
  if (wantsHelp(rest)) {
    process.stdout.write(`${COMMAND_USAGE[command] ?? USAGE}\n`);
    return;
  }
  switch (command) {
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE + '\n');
      return;
    case 'start': {
      const c = config();
      holdYoungGeneration(); // until startBot has started (src/young-generation.ts)
      const { startBot, platformsConfigured } = await import('./main.js');
      const { discord, slack } = platformsConfigured(c);
      const log = discord || slack ? logger(c) : terminalLogger(c);
      guardProcess(log);
      await startBot(c, log);
      return;
    }
    case 'shell': {
      const options = { user: { type: 'string' }, channel: { type: 'string' }, json: { type: 'boolean' } } as const;
      checkArgs(command, rest, options);
      const { values } = parseArgs({ args: rest, options });
      // Read as the terminal's :channel and :user read them, so the session starts where they could move it.
      const channel = readChannel('shell', values.channel ?? 'general');
      if (!channel) fail(`--channel ${values.channel ?? ''} is not a channel name: use letters, digits, - and _ (at most ${MAX_ID}), e.g. --channel general.`);
      const user = boundedLine(values.user ?? '', MAX_ID) || 'you';
      const c = config();
      const log = terminalLogger(c);
      guardProcess(log);
      preloadStore(c); // its code loads beside the command's (src/store/open.ts)
      const { shellCommand } = await import('./commands/shell.js');
      await shellCommand(c, log, { user, channel, json: Boolean(values.json) });
      return;
    }
    case 'validate': {
      const { validateCommand } = await import('./commands/validate.js');
      process.exitCode = await validateCommand(rest[0]);
      return;
    }
    case 'match': {
      const options = { json: { type: 'boolean' }, motion: { type: 'string' } } as const;
      checkArgs(command, rest, options, true);
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options });
      const { matchCommand } = await import('./commands/match.js');
      // No text at all is a usage error; an empty one ("") is a text that makes no point.
      process.exitCode = await matchCommand(positionals.length ? positionals.join(' ') : undefined, { json: Boolean(values.json), motion: values.motion });
      return;
    }
    case 'deploy-commands': {
      const options = { guild: { type: 'string' } } as const;
      checkArgs(command, rest, options);
      const { values } = parseArgs({ args: rest, options });
      const c = config();
      const { deployCommandsCommand } = await import('./commands/deploy-commands.js');
      process.exitCode = await deployCommandsCommand(c, logger(c), values.guild);
      return;
    }
    case 'slack-manifest': {
      const { slackManifestJson } = await import('../adapters/slack/manifest.js');
      process.stdout.write(slackManifestJson() + '\n');
      return;
    }
    case 'export': {
      const options = { what: { type: 'string' }, channel: { type: 'string' }, since: { type: 'string' }, out: { type: 'string' } } as const;
      checkArgs(command, rest, options);
      const { values } = parseArgs({ args: rest, options });
      const { exportCommand } = await import('./commands/export.js');
      process.exitCode = await exportCommand(config(), values);
      return;
    }
    case 'backup': {
      const options = { force: { type: 'boolean' } } as const;
      checkArgs(command, rest, options, true);
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options });
      const { backupCommand } = await import('./commands/backup.js');
      process.exitCode = await backupCommand(config(), { files: positionals, force: Boolean(values.force) });
      return;
    }
    default:
      fail(`rostrum: unknown command “${command}”.\n\n${USAGE}`);
  }
}

/** Says what went wrong in a sentence and gives the exit code: 2 for a usage or settings problem, 1 otherwise. */
function reportFailure(err: unknown): number {
  if (err instanceof ConfigError) err = new CommandFailed(err.message, 2);
  if (err instanceof CommandFailed) {
    process.stderr.write(err.message.endsWith('\n') ? err.message : err.message + '\n');
    return err.code;
  }
  // Errors reach the user as a message; a stack is only useful with LOG_LEVEL=debug.
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`rostrum: ${message}\n`);
  if (process.env.LOG_LEVEL === 'debug' && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return 1;
}

toleratePipeReaders();
main(process.argv.slice(2))
  .then(() => process.exitCode ?? 0, reportFailure)
  // Everything has been stopped and closed by now; an idle stdin or a platform socket must not keep
  // the process alive. But every reply and log line written so far must reach its reader first.
  .then((code) => exitWhenFlushed(Number(code) || 0));
