import type { CommandSpec } from '../../src/core/commands/spec.js';
import { COMMANDS } from '../../src/core/commands/index.js';

/**
 * Slack's names for the core's commands. A workspace shares one namespace of slash commands across
 * all its apps, and a bare /help is too generic to claim: the help command is /rostrum on Slack.
 * Every other command keeps its own name.
 */
const SLACK_NAMES: Readonly<Record<string, string>> = { help: 'rostrum' };

/** The Slack slash command for a core command's name: `/rostrum` for help, `/<name>` otherwise. */
export function slackSlashName(name: string): string {
  return `/${SLACK_NAMES[name] ?? name}`;
}

export function slashName(command: CommandSpec): string {
  return slackSlashName(command.name);
}

/** The core command a slash command stands for; an unknown one goes to the core, which answers with help. */
export function coreCommandName(slash: string): string {
  const name = slash.replace(/^\//, '').toLowerCase();
  return COMMANDS.find((c) => slashName(c) === `/${name}`)?.name ?? name;
}
