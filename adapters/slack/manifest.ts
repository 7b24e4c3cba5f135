import type { CommandSpec, OptionSpec, SubcommandSpec } from '../../src/core/commands/spec.js';
import { COMMANDS } from '../../src/core/commands/index.js';
import { slashName } from './commands.js';

/**
 * The Slack app manifest, derived from the core's one list of commands (a test fails when the
 * committed slack-manifest.json drifts from it). Loading this file must not load Bolt: the
 * `rostrum slack-manifest` command prints it without starting anything.
 */

/** Where Slack sends HTTP requests; Socket Mode ignores it, HTTP users replace it with their host. */
export const REQUEST_URL_PLACEHOLDER = 'https://rostrum.example.com/slack/events';

/** Slack's published limits for a manifest's slash commands. */
const MAX_DESCRIPTION = 2000;
const MAX_USAGE_HINT = 1000;

export const BOT_SCOPES = [
  'chat:write',
  // Lets prompts and quiz reveals reach public channels the bot has not been invited to.
  'chat:write.public',
  'commands',
  // users.info: the admin rule (workspace admins and owners).
  'users:read',
  // The teacher's CSV exports: uploaded (files.getUploadURLExternal) into a direct message (conversations.open).
  'files:write',
  'im:write',
  // conversations.history / replies: a post retried after a crash looks for itself before posting again.
  'channels:history',
  'groups:history',
] as const;

function optionHint(o: OptionSpec): string {
  if (o.rest) return o.required ? `<${o.name}…>` : `[${o.name}…]`;
  const value = o.choices ? o.choices.map((c) => c.value).join('|') : o.type === 'integer' ? 'number' : o.type === 'channel' ? '#channel' : '…';
  return o.required ? `${o.name}:${value}` : `[${o.name}:${value}]`;
}

function subcommandHint(sub: SubcommandSpec): string {
  return [sub.name, ...sub.options.map(optionHint)].join(' ');
}

/** What Slack shows after the command as you type it, e.g. `start [motion:…] [side:for|against] · end`. */
export function usageHint(command: CommandSpec): string {
  // A command whose only subcommand is its default reads best without the subcommand's name.
  const only = command.subcommands.length === 1 ? command.subcommands[0] : undefined;
  const bare = only && only.name === command.defaultSubcommand ? only.options.map(optionHint).join(' ') : '';
  const hint = bare || [...command.subcommands.map(subcommandHint), 'help'].join(' · ');
  return hint.length <= MAX_USAGE_HINT ? hint : `${hint.slice(0, MAX_USAGE_HINT - 1)}…`;
}

export function slackManifest(): Record<string, unknown> {
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: 'rostrum',
      description: 'A debate bot about one op-ed: key points, debates, quizzes and discussion prompts.',
      background_color: '#1d3557',
    },
    features: {
      bot_user: { display_name: 'rostrum', always_online: true },
      slash_commands: COMMANDS.map((command) => ({
        command: slashName(command),
        url: REQUEST_URL_PLACEHOLDER,
        description: command.description.slice(0, MAX_DESCRIPTION),
        usage_hint: usageHint(command),
        // Slack then sends a #channel as <#C123|name>, which the core reads as a channel option.
        should_escape: true,
      })),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      interactivity: { is_enabled: true, request_url: REQUEST_URL_PLACEHOLDER },
      org_deploy_enabled: false,
      socket_mode_enabled: true,
      token_rotation_enabled: false,
    },
  };
}

export function slackManifestJson(): string {
  return JSON.stringify(slackManifest(), null, 2);
}
