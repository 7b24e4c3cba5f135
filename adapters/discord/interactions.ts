import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction, ModalSubmitInteraction } from 'discord.js';
import type { Services } from '../../src/core/context.js';
import type { Logger } from '../../src/core/logger.js';
import { notice, type Reply } from '../../src/core/reply.js';
import { runAutocomplete, runChoice, runCommand } from '../../src/core/dispatch.js';
import { findCommand } from '../../src/core/commands/index.js';
import { subcommandOf } from './commands.js';
import { slashInput } from './command-input.js';
import { baseContext, requestKey } from './context.js';
import { LIMITS } from './limits.js';
import { TEXT_FIELD, textModal } from './modal.js';
import { choiceInput } from '../../src/core/choices.js';
import { Responder, type AnswerableInteraction } from './respond.js';
import { trimText } from './split.js';

export interface InteractionDeps {
  services: Services;
  log: Logger;
  /**
   * How long to wait for the core before acknowledging with a defer. Discord allows 3 s from the
   * user's click to our first response, including the trip both ways; cheap answers (nearly all of
   * them) go out directly, so the user sees no "thinking…" state. 0 or less: always defer first.
   */
  deferAfterMs: number;
}

const SERVERS_ONLY = notice('rostrum works in server channels. Invite it to a server and use its commands there.');
const RESTARTING = notice('rostrum is restarting. Please try again in a moment: nothing was changed.');

/** Answers one interaction from Discord; errors are thrown to the caller, which logs them. */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  if (interaction.isAutocomplete()) return autocomplete(interaction, deps);
  if (interaction.isChatInputCommand()) return command(interaction, deps);
  if (interaction.isButton()) return click(interaction, deps);
  if (interaction.isModalSubmit()) return modalSubmit(interaction, deps);
  deps.log.debug({ interaction: interaction.id, type: interaction.type }, 'interaction type not handled');
}

/**
 * Answers an interaction that arrives while the bot stops, without running it: Discord would
 * otherwise tell the user the app did not respond.
 */
export async function answerWhileStopping(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  if (interaction.isAutocomplete()) return interaction.respond([]);
  if (interaction.isChatInputCommand() || interaction.isButton() || interaction.isModalSubmit()) {
    return new Responder(interaction, deps.log).send([RESTARTING]);
  }
}

/** Sends the core's answer directly when it is quick, else defers first and sends it when ready. */
async function answer(interaction: AnswerableInteraction, deps: InteractionDeps, work: Promise<Reply[]>): Promise<void> {
  const responder = new Responder(interaction, deps.log);
  if (deps.deferAfterMs <= 0) {
    await responder.defer();
    return responder.send(await work);
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deps.deferAfterMs);
  });
  const first = await Promise.race([work, late]);
  clearTimeout(timer);
  if (first === 'late') {
    await responder.defer();
    await responder.send(await work);
  } else {
    await responder.send(first);
  }
}

async function command(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<void> {
  const base = baseContext(interaction, deps.services);
  if (!base) return answer(interaction, deps, Promise.resolve([SERVERS_ONLY]));
  const input = slashInput(interaction.commandName, interaction.options.data);
  deps.log.debug({ interaction: interaction.id, command: input.command, subcommand: input.subcommand, user: base.user.id }, 'slash command');
  return answer(interaction, deps, runCommand(base, { ...input, requestKey: requestKey(interaction) }));
}

async function click(interaction: ButtonInteraction, deps: InteractionDeps): Promise<void> {
  const base = baseContext(interaction, deps.services);
  if (!base) return answer(interaction, deps, Promise.resolve([SERVERS_ONLY]));
  const input = choiceInput(interaction.customId);
  deps.log.debug({ interaction: interaction.id, choice: interaction.customId, user: base.user.id, opensInput: Boolean(input) }, 'button click');
  if (input) {
    // A modal must be the first response, so it opens at once; the core sees the click with its text.
    await interaction.showModal(textModal(interaction.customId, input));
    return;
  }
  return answer(interaction, deps, runChoice(base, { choiceId: interaction.customId, messageId: interaction.message.id, requestKey: requestKey(interaction) }));
}

function submittedText(interaction: ModalSubmitInteraction): string {
  try {
    return interaction.fields.getTextInputValue(TEXT_FIELD);
  } catch {
    return '';
  }
}

async function modalSubmit(interaction: ModalSubmitInteraction, deps: InteractionDeps): Promise<void> {
  const base = baseContext(interaction, deps.services);
  if (!base) return answer(interaction, deps, Promise.resolve([SERVERS_ONLY]));
  deps.log.debug({ interaction: interaction.id, choice: interaction.customId, user: base.user.id }, 'modal submit');
  return answer(interaction, deps, runChoice(base, {
    choiceId: interaction.customId,
    text: submittedText(interaction),
    messageId: interaction.message?.id,
    requestKey: requestKey(interaction),
  }));
}

async function autocomplete(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  const base = baseContext(interaction, deps.services);
  const focused = interaction.options.getFocused(true);
  const spec = findCommand(interaction.commandName);
  const sub = spec ? subcommandOf(spec, interaction.options.getSubcommand(false)) : undefined;
  const suggestions = base && sub
    ? await runAutocomplete(base, { command: interaction.commandName, subcommand: sub.name, option: focused.name, partial: String(focused.value) })
    : [];
  // A value longer than Discord allows cannot be sent back, and a cut value would mean something else.
  await interaction.respond(
    suggestions
      .filter((s) => s.value.length > 0 && s.value.length <= LIMITS.choiceValue)
      .slice(0, LIMITS.autocompleteChoices)
      .map((s) => ({ name: trimText(s.name, LIMITS.choiceName) || s.value, value: s.value })),
  );
}
