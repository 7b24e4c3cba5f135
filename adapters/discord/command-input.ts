import { ApplicationCommandOptionType, type CommandInteractionOption } from 'discord.js';
import { findCommand } from '../../src/core/commands/index.js';
import type { OptionValue } from '../../src/core/context.js';
import { subcommandOf } from './commands.js';

export interface SlashInput {
  command: string;
  subcommand?: string;
  options: Record<string, OptionValue>;
}

const NESTING = new Set([ApplicationCommandOptionType.Subcommand, ApplicationCommandOptionType.SubcommandGroup]);

/**
 * What a slash command asked for, in the core's terms. Values arrive typed (Discord enforces the
 * types, choices and ranges it was given); a channel arrives as its id. The core checks them again.
 */
export function slashInput(commandName: string, data: readonly CommandInteractionOption[]): SlashInput {
  const nested = data.find((o) => NESTING.has(o.type));
  const spec = findCommand(commandName);
  const sub = spec ? subcommandOf(spec, nested?.name ?? null) : undefined;
  const leaves = nested ? nested.options ?? [] : data;
  const options: Record<string, OptionValue> = {};
  for (const o of leaves) {
    if (o.value !== undefined && o.value !== null) options[o.name] = o.value;
  }
  return { command: commandName, subcommand: sub?.name ?? nested?.name, options };
}
