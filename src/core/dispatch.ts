import type { BaseContext, CommandContext, OptionValue } from './context.js';
import type { CommandSpec, SubcommandSpec } from './commands/spec.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { helpReply } from './commands/help.js';
import { EXPIRED_CHOICE, routeChoice } from './choices.js';
import { MAX_CHOICE_ID, MAX_USER_TEXT, notice, type Reply } from './reply.js';
import { suggest } from './autocomplete.js';
import { parseCommandText } from './commands/text-grammar.js';
import { cleanActor, cleanText, normaliseOptions, quoted } from './input.js';

export interface CommandInput {
  command: string;
  subcommand?: string;
  options: Readonly<Record<string, OptionValue | undefined>>;
}

export interface ChoiceInput {
  choiceId: string;
  text?: string;
  messageId?: string;
}

const FAILURE = notice('Something went wrong on my side, and nothing was changed. Please try again in a moment.');

export function tooLong(length: number, limit = MAX_USER_TEXT): Reply {
  return notice(`That text is ${length} characters long; I can take at most ${limit}. Please shorten it and send it again.`);
}

type Checked = { ok: true; options: Record<string, OptionValue> } | { ok: false; reply: Reply };

/** The help reply, with commands spelt as the platform of `base` knows them. */
function help(base: BaseContext, command?: CommandSpec, problem?: string): Reply {
  return helpReply(COMMANDS, command, problem, base.slashName, base.services.pack.article.title);
}

/** Every option normalised (src/core/input.ts), or the reply that says what was wrong. */
function checkOptions(base: BaseContext, command: CommandSpec, sub: SubcommandSpec, given: CommandInput['options']): Checked {
  const read = normaliseOptions(base.platform, command.name, sub, given);
  if (read.ok) return read;
  return { ok: false, reply: read.tooLong ? tooLong(read.tooLong.length, read.tooLong.limit) : help(base, command, read.problem) };
}

/**
 * Runs a command end to end: checks what was typed, applies the admin rule, handles errors. A
 * platform delivers a request more than once (retries, several instances): the adapter claims each
 * delivery (claim.ts) before it runs anything here, so this runs once per request.
 */
export async function runCommand(base: BaseContext, input: CommandInput): Promise<Reply[]> {
  const command = findCommand(input.command);
  if (!command) return [help(base, undefined, `I don’t know the command /${cleanText(input.command, false).slice(0, 40)}.`)];
  const subName = (input.subcommand ?? command.defaultSubcommand)?.toLowerCase();
  const sub = command.subcommands.find((s) => s.name === subName);
  if (!sub) {
    return [help(base, command, subName ? `/${command.name} has no subcommand ${quoted(subName)}.` : undefined)];
  }
  // Refused before the options are checked: a non-admin gains nothing from advice on options they can't use.
  if (sub.adminOnly && !base.isAdmin) {
    return [notice(`Only admins can use /${command.name} ${sub.name} (Manage Server on Discord; a workspace admin on Slack).`)];
  }
  const checked = checkOptions(base, command, sub, input.options);
  if (!checked.ok) return [checked.reply];
  return guarded(base, { command: command.name, subcommand: sub.name }, async () => {
    const ctx: CommandContext = { ...base, user: cleanActor(base.user), command: command.name, subcommand: sub.name, options: checked.options };
    return sub.handler(ctx);
  });
}

/**
 * Runs a command typed as text (Slack's slash commands, the terminal): parses it with the grammar
 * the command list defines, and answers with the command's help when it does not parse.
 */
export async function runText(base: BaseContext, commandName: string, text: string): Promise<Reply[]> {
  const command = findCommand(commandName);
  if (!command) return [help(base, undefined, `I don’t know the command /${cleanText(commandName, false).replace(/^\//, '').slice(0, 40)}.`)];
  if (text.length > MAX_USER_TEXT + 200) return [tooLong(text.length)];
  // Control characters go before parsing, so none splits or hides a word; each option is read again after.
  const parsed = parseCommandText(command, cleanText(text, true), base.services.pack.motions.map((m) => m.id));
  if (!parsed.ok) return [help(base, command, parsed.problem)];
  return runCommand(base, { command: command.name, subcommand: parsed.subcommand.name, options: parsed.options });
}

/** Runs a click (and the text of the box it opened, if any). Anything unrecognised has expired. */
export async function runChoice(base: BaseContext, input: ChoiceInput): Promise<Reply[]> {
  const route = input.choiceId.length <= MAX_CHOICE_ID ? routeChoice(input.choiceId) : null;
  if (!route) return [EXPIRED_CHOICE];
  // The text of a box is free text like any option's: cleaned the same way, lines kept.
  const text = input.text === undefined ? undefined : cleanText(input.text, true).trim();
  if (text !== undefined && text.length > MAX_USER_TEXT) return [tooLong(text.length)];
  return guarded(base, { choice: input.choiceId }, () =>
    route.handler({ ...base, user: cleanActor(base.user), choiceId: input.choiceId, text, messageId: input.messageId }, route.args),
  );
}

export async function runAutocomplete(
  base: BaseContext, input: { command: string; subcommand?: string; option: string; partial: string },
): Promise<{ name: string; value: string }[]> {
  const command = findCommand(input.command);
  const sub = command?.subcommands.find((s) => s.name === (input.subcommand ?? command.defaultSubcommand));
  const spec = sub?.options.find((o) => o.name === input.option);
  if (!spec?.autocomplete) return [];
  try {
    // What is typed so far only filters suggestions, but it is still read as any free text is.
    const partial = cleanText(input.partial, false).slice(0, MAX_USER_TEXT);
    return (await suggest({ ...base, option: spec.name }, spec.autocomplete, partial)).slice(0, 25);
  } catch (err) {
    base.services.logger.error({ err, option: input.option }, 'autocomplete failed');
    return [];
  }
}

async function guarded(base: BaseContext, what: object, run: () => Promise<Reply[]>): Promise<Reply[]> {
  try {
    await base.services.ready?.();
    return await run();
  } catch (err) {
    base.services.logger.error({ err, ...what, platform: base.platform, channel: base.channelId }, 'handler failed');
    return [FAILURE];
  }
}
