import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import { CHOICE_HANDLERS } from '../../src/core/choices.js';
import { MAX_USER_TEXT, type Reply, type TextInput } from '../../src/core/reply.js';
import { LIMITS } from './limits.js';
import { inputChoices } from './render.js';
import { trimText } from './split.js';

/** The custom id of the one text box in our modals. */
export const TEXT_FIELD = 'text';

/** The handler part of a choice id (`debate:reply` of `debate:reply:<id>`), as the core routes it. */
function routeKey(choiceId: string): string {
  const parts = choiceId.split(':');
  for (const width of [2, 1]) {
    const key = parts.slice(0, width).join(':');
    if (Object.hasOwn(CHOICE_HANDLERS, key)) return key;
  }
  return parts[0] ?? choiceId;
}

/**
 * The wording of the text boxes choices open (title, label, placeholder, length), learnt from the
 * replies this process has sent. A Discord button carries only its id, so a click after a restart,
 * on a message an earlier process sent, may find nothing here: the box then opens with plain
 * wording taken from the button's label. (A core lookup of a choice's input by id would remove
 * this memory; see the adapter's notes.)
 */
export class InputWording {
  private readonly byRoute = new Map<string, TextInput>();

  remember(reply: Reply): void {
    for (const choice of inputChoices(reply)) if (choice.input) this.byRoute.set(routeKey(choice.id), choice.input);
  }

  wordingFor(choiceId: string, buttonLabel: string | null): TextInput {
    return this.byRoute.get(routeKey(choiceId)) ?? { title: buttonLabel || 'Your reply', label: 'Your reply', maxLength: MAX_USER_TEXT };
  }
}

/** A modal with one paragraph box; its custom id is the choice id, so the submit runs that choice. */
export function textModal(choiceId: string, input: TextInput): APIModalInteractionResponseCallbackData {
  const placeholder = input.placeholder ? trimText(input.placeholder, LIMITS.inputPlaceholder) : undefined;
  return {
    custom_id: choiceId,
    title: trimText(input.title, LIMITS.modalTitle) || 'Reply',
    components: [{
      type: ComponentType.Label,
      label: trimText(input.label, LIMITS.inputLabel) || 'Your reply',
      component: {
        type: ComponentType.TextInput,
        custom_id: TEXT_FIELD,
        style: TextInputStyle.Paragraph,
        required: true,
        min_length: 1,
        max_length: Math.max(1, Math.min(input.maxLength, LIMITS.inputMaxLength)),
        ...(placeholder ? { placeholder } : {}),
      },
    }],
  };
}
