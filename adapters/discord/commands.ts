import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { COMMANDS } from '../../src/core/commands/index.js';
import type { CommandSpec, OptionSpec, OptionType, SubcommandSpec } from '../../src/core/commands/spec.js';
import { LIMITS } from './limits.js';
import { trimText } from './split.js';

export type SlashCommand = RESTPostAPIChatInputApplicationCommandsJSONBody;

const OPTION_TYPES: Record<OptionType, ApplicationCommandOptionType> = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
  channel: ApplicationCommandOptionType.Channel,
};

/** Channels the bot can post in: a channel option only offers these. */
const POSTABLE_CHANNELS = [ChannelType.GuildText, ChannelType.GuildAnnouncement];

/** Discord caps a string option at 6000 characters. */
const MAX_STRING_OPTION = 6000;

/**
 * A command with a single subcommand is registered as a plain command with that subcommand's
 * options (`/help command:quiz`, not `/help show command:quiz`): Discord makes users pick a
 * subcommand even when there is only one. The interaction handler applies the same rule backwards.
 */
export function isFlattened(spec: CommandSpec): boolean {
  return spec.subcommands.length === 1;
}

/** The subcommand an interaction ran: the named one, or the only one of a flattened command. */
export function subcommandOf(spec: CommandSpec, named: string | null): SubcommandSpec | undefined {
  if (isFlattened(spec)) return spec.subcommands[0];
  return spec.subcommands.find((s) => s.name === named);
}

const description = (text: string) => trimText(text, LIMITS.commandDescription) || '—';

function option(o: OptionSpec): APIApplicationCommandBasicOption {
  const out: Record<string, unknown> = {
    type: OPTION_TYPES[o.type],
    name: o.name,
    description: description(o.description),
    required: o.required === true,
  };
  if (o.choices?.length) {
    // Discord offers at most 25 fixed choices, and never both choices and autocomplete.
    out.choices = o.choices.slice(0, LIMITS.optionChoices).map((c) => ({
      name: trimText(c.name, LIMITS.choiceName),
      value: o.type === 'integer' ? Number(c.value) : c.value,
    }));
  } else if (o.autocomplete) {
    out.autocomplete = true;
  }
  if (o.type === 'integer') {
    if (o.minValue !== undefined) out.min_value = o.minValue;
    if (o.maxValue !== undefined) out.max_value = o.maxValue;
  }
  if (o.type === 'string' && o.maxLength !== undefined) out.max_length = Math.min(o.maxLength, MAX_STRING_OPTION);
  if (o.type === 'channel') out.channel_types = POSTABLE_CHANNELS;
  return out as unknown as APIApplicationCommandBasicOption;
}

/** Discord requires required options before optional ones; otherwise the core's order is kept. */
function options(specs: readonly OptionSpec[]): APIApplicationCommandBasicOption[] {
  const ordered = [...specs.filter((o) => o.required), ...specs.filter((o) => !o.required)];
  return ordered.slice(0, LIMITS.commandOptions).map(option);
}

/**
 * Discord sets `default_member_permissions` per command, not per subcommand. A command whose every
 * subcommand is admin-only is hidden from members without Manage Server. A command that mixes both
 * (/prompt: `now` for everyone, `schedule|pause|resume|cancel` for admins) stays open to everyone;
 * the adapter passes `isAdmin` = the member's Manage Server permission and the core refuses the
 * admin-only subcommands to others, with a message that says why. (Server owners can still narrow
 * any command further in Server Settings → Integrations.)
 */
function memberPermissions(spec: CommandSpec): string | null {
  return spec.subcommands.length > 0 && spec.subcommands.every((s) => s.adminOnly) ? PermissionFlagsBits.ManageGuild.toString() : null;
}

export function slashCommand(spec: CommandSpec): SlashCommand {
  const opts: APIApplicationCommandOption[] = isFlattened(spec)
    ? options(spec.subcommands[0]!.options)
    : spec.subcommands.slice(0, LIMITS.commandOptions).map((s) => ({
      type: ApplicationCommandOptionType.Subcommand,
      name: s.name,
      description: description(s.description),
      options: options(s.options),
    }));
  return {
    type: ApplicationCommandType.ChatInput,
    name: spec.name,
    description: description(spec.description),
    options: opts,
    default_member_permissions: memberPermissions(spec),
    // The bot keeps its state per server and channel: its commands are for servers, not DMs.
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

/** Every slash command, derived from the core's one list. */
export function slashCommands(commands: readonly CommandSpec[] = COMMANDS): SlashCommand[] {
  return commands.map(slashCommand);
}
