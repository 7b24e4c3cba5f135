import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import type { TextInput } from '../../src/core/reply.js';
import { LIMITS } from './limits.js';
import { trimText } from './split.js';

/** The custom id of the one text box in our modals. */
export const TEXT_FIELD = 'text';

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
