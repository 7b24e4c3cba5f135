import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction, ModalSubmitInteraction } from 'discord.js';
import type { Services } from '../../src/core/context.js';
import { writesDebug, type Logger } from '../../src/core/logger.js';
import { notice, type Reply } from '../../src/core/reply.js';
import { runAutocomplete, runChoice, runCommand } from '../../src/core/dispatch.js';
import { claimDelivery } from '../../src/core/claim.js';
import { LATE, within } from '../../src/core/within.js';
import { deepFreeze } from '../../src/core/freeze.js';
import { findCommand } from '../../src/core/commands/index.js';
import { subcommandOf } from './commands.js';
import { slashInput } from './command-input.js';
import { baseContext, requestKey } from './context.js';
import { LIMITS } from './limits.js';
import { TEXT_FIELD, textModal } from './modal.js';
import { choiceInput } from '../../src/core/choices.js';
import type { InteractionWebhooks } from './interaction-webhooks.js';
import { Responder, type AnswerableInteraction } from './respond.js';
import { trimText } from './split.js';

export interface InteractionDeps {
  services: Services;
  log: Logger;
  /**
   * How long to wait for the core before acknowledging with a defer, counted from the interaction's
   * arrival (the request claim comes out of it). Discord allows 3 s from the user's click to our first
   * response, including the trip both ways; cheap answers (nearly all of them) go out directly, so the
   * user sees no "thinking…" state. 0 or less: always defer first.
   */
  deferAfterMs: number;
  /**
   * How long the request claim may take before this instance gives up on the interaction and sends
   * nothing for it. See `claimed`.
   */
  claimTimeoutMs: number;
  /** Follow-ups and edits outside the client's global rate limit (interaction-webhooks.ts). */
  webhooks: InteractionWebhooks;
}

/**
 * `deps` with when one interaction arrived, which its defer deadline counts from; `deps` itself is
 * shared by every interaction and left as it is.
 */
interface Arrival {
  deps: InteractionDeps;
  receivedAt: number;
}

// Frozen: the same objects answer every time, so they are rendered once (rendered.ts).
const SERVERS_ONLY = deepFreeze(notice('rostrum works in server channels. Invite it to a server and use its commands there.'));
const RESTARTING = deepFreeze(notice('rostrum is restarting. Please try again in a moment: nothing was changed.'));

/**
 * Claims the interaction for this instance, before anything is sent for it. Under the default
 * sharding every instance receives every interaction, and Discord takes the first acknowledgement
 * from whichever instance sends it: a loser's defer would make the winner's reply fail (40060) and
 * leave "thinking…" for ever. So an instance answers only what it has claimed, and a loser sends
 * nothing at all, not even a defer.
 *
 * The claim is a database write, and the defer cannot go out before it, so a stalled database holds
 * up the acknowledgement too. Past `claimTimeoutMs` this instance gives up and sends nothing: if its
 * claim then lands, nobody answers and Discord tells the user the app did not respond. The other
 * choice, answering without a claim, risks two answers — a refused one and a possibly doubled effect
 * (a vote, a debate turn), which is worse than an interaction the user can simply try again.
 */
async function claimed(interaction: Interaction, deps: InteractionDeps): Promise<boolean> {
  const claim = await claimDelivery(deps.services, requestKey(interaction), { timeoutMs: deps.claimTimeoutMs });
  if (claim !== 'won' && writesDebug(deps.log)) deps.log.debug({ interaction: interaction.id, claim }, 'interaction not claimed here; sent nothing');
  return claim === 'won';
}

/** Answers one interaction from Discord, if this instance claims it; errors are thrown to the caller, which logs them. */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  const arrival: Arrival = { deps, receivedAt: Date.now() };
  if (!(await claimed(interaction, deps))) return;
  if (interaction.isAutocomplete()) return autocomplete(interaction, arrival);
  if (interaction.isChatInputCommand()) return command(interaction, arrival);
  if (interaction.isButton()) return click(interaction, arrival);
  if (interaction.isModalSubmit()) return modalSubmit(interaction, arrival);
  if (writesDebug(deps.log)) deps.log.debug({ interaction: interaction.id, type: interaction.type }, 'interaction type not handled');
}

/**
 * Answers an interaction that arrives while the bot stops, without running it: Discord would
 * otherwise tell the user the app did not respond. Claimed first like any other: another instance
 * may be answering it for real.
 */
export async function answerWhileStopping(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  if (!interaction.isAutocomplete() && !interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isModalSubmit()) return;
  if (!(await claimed(interaction, deps))) return;
  if (interaction.isAutocomplete()) return interaction.respond([]);
  return new Responder(interaction, deps.log, deps.webhooks).send([RESTARTING]);
}

/**
 * Sends the core's answer directly when it is ready before `deferAfterMs` from arrival, else defers
 * and sends it when ready. A slow claim uses up that time, so after one the defer goes out at once.
 */
async function answer(interaction: AnswerableInteraction, arrival: Arrival, work: Promise<Reply[]>): Promise<void> {
  const { deps } = arrival;
  const responder = new Responder(interaction, deps.log, deps.webhooks);
  const wait = deps.deferAfterMs - (Date.now() - arrival.receivedAt);
  const first = wait > 0 ? await within(work, wait) : LATE;
  if (first === LATE) {
    await responder.defer();
    await responder.send(await work);
  } else {
    await responder.send(first);
  }
}

async function command(interaction: ChatInputCommandInteraction, arrival: Arrival): Promise<void> {
  const { deps } = arrival;
  const base = baseContext(interaction, deps.services);
  if (!base) return answer(interaction, arrival, Promise.resolve([SERVERS_ONLY]));
  const input = slashInput(interaction.commandName, interaction.options.data);
  if (writesDebug(deps.log)) {
    deps.log.debug({ interaction: interaction.id, command: input.command, subcommand: input.subcommand, user: base.user.id }, 'slash command');
  }
  return answer(interaction, arrival, runCommand(base, input));
}

async function click(interaction: ButtonInteraction, arrival: Arrival): Promise<void> {
  const { deps } = arrival;
  const base = baseContext(interaction, deps.services);
  if (!base) return answer(interaction, arrival, Promise.resolve([SERVERS_ONLY]));
  const input = choiceInput(interaction.customId);
  if (writesDebug(deps.log)) {
    deps.log.debug({ interaction: interaction.id, choice: interaction.customId, user: base.user.id, opensInput: Boolean(input) }, 'button click');
  }
  if (input) {
    // A modal must be the first response, so it opens at once; the core sees the click with its text.
    await interaction.showModal(textModal(interaction.customId, input));
    return;
  }
  return answer(interaction, arrival, runChoice(base, { choiceId: interaction.customId, messageId: interaction.message.id }));
}

function submittedText(interaction: ModalSubmitInteraction): string {
  try {
    return interaction.fields.getTextInputValue(TEXT_FIELD);
  } catch {
    return '';
  }
}

async function modalSubmit(interaction: ModalSubmitInteraction, arrival: Arrival): Promise<void> {
  const { deps } = arrival;
  const base = baseContext(interaction, deps.services);
  if (!base) return answer(interaction, arrival, Promise.resolve([SERVERS_ONLY]));
  if (writesDebug(deps.log)) deps.log.debug({ interaction: interaction.id, choice: interaction.customId, user: base.user.id }, 'modal submit');
  return answer(interaction, arrival, runChoice(base, {
    choiceId: interaction.customId,
    text: submittedText(interaction),
    messageId: interaction.message?.id,
  }));
}

async function autocomplete(interaction: AutocompleteInteraction, { deps }: Arrival): Promise<void> {
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
