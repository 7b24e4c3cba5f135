import type { Choice, TextInput } from '../../src/core/reply.js';
import { SLACK_LIMITS } from './limits/limits.js';
import { truncateText } from './limits/split.js';

/**
 * A button carries its choice id as action_id (and as value). A choice that opens a text box first
 * carries the box's description in its value instead: clicks stay stateless, so any process (or a
 * restarted one) can open the same box.
 */
const INPUT_PREFIX = 'input:';

export function choiceValue(choice: Choice): string {
  if (!choice.input) return choice.id;
  const input: TextInput = {
    title: truncateText(choice.input.title, SLACK_LIMITS.modalTitle),
    label: truncateText(choice.input.label, 200),
    maxLength: Math.min(choice.input.maxLength, SLACK_LIMITS.inputMaxLength),
    ...(choice.input.placeholder ? { placeholder: truncateText(choice.input.placeholder, SLACK_LIMITS.inputPlaceholder) } : {}),
  };
  return INPUT_PREFIX + JSON.stringify(input);
}

/** The text box a clicked button asks for, or null for a plain click (or a value that is not ours). */
export function inputOf(value: string | undefined): TextInput | null {
  if (!value?.startsWith(INPUT_PREFIX)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.slice(INPUT_PREFIX.length));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { title, label, placeholder, maxLength } = parsed as Record<string, unknown>;
  if (typeof title !== 'string' || typeof label !== 'string' || typeof maxLength !== 'number') return null;
  if (!Number.isInteger(maxLength) || maxLength < 1) return null;
  return {
    title, label, maxLength: Math.min(maxLength, SLACK_LIMITS.inputMaxLength),
    ...(typeof placeholder === 'string' ? { placeholder } : {}),
  };
}
