import type { Reply } from '../reply.js';
import type { CommandContext, ChoiceContext, AutocompleteContext } from '../context.js';

/**
 * The one list of commands is built from these types. Each adapter derives its surface from it:
 * Discord slash-command definitions, the Slack text grammar and manifest, the terminal's parser and help.
 */

export type OptionType = 'string' | 'integer' | 'boolean' | 'channel';

/** Named sources of suggestions; the core answers them, adapters only ask. */
export type AutocompleteSource = 'motion' | 'topic' | 'timezone' | 'schedule';

export interface OptionSpec {
  name: string;
  description: string;
  type: OptionType;
  required?: boolean;
  choices?: readonly { name: string; value: string }[];
  autocomplete?: AutocompleteSource;
  minValue?: number;
  maxValue?: number;
  maxLength?: number;
  /** Free text whose lines mean something (an argument): newlines and tabs are kept, other control characters go. */
  multiline?: boolean;
  /** Slack and the terminal accept this option as bare words after the subcommand. */
  rest?: boolean;
  /** Slack and the terminal read this option only when named (`seconds:30`), never from a bare word. */
  namedOnly?: boolean;
}

export type Handler = (ctx: CommandContext) => Promise<Reply[]>;

export interface SubcommandSpec {
  name: string;
  description: string;
  options: readonly OptionSpec[];
  /** Needs Manage Server on Discord, a workspace admin (or a configured user) on Slack. */
  adminOnly?: boolean;
  handler: Handler;
}

export interface CommandSpec {
  name: string;
  description: string;
  /** Used on Slack and the terminal when no subcommand is typed; Discord always names one. */
  defaultSubcommand?: string;
  subcommands: readonly SubcommandSpec[];
}

export type ChoiceHandler = (ctx: ChoiceContext, args: readonly string[]) => Promise<Reply[]>;

export type Autocompleter = (ctx: AutocompleteContext, partial: string) => Promise<{ name: string; value: string }[]>;
