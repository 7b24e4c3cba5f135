import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId } from 'discord.js';
import type { Choice, ChoiceStyle } from '../../src/core/reply.js';
import { LIMITS } from './limits.js';
import { trimText } from './split.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

const STYLES: Record<ChoiceStyle, APIButtonComponentWithCustomId['style']> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

/**
 * Marks a button that opens a text box, so the user knows a box will open. Which box a click
 * opens is the core's answer for the choice id (choiceInput), not read back from the button.
 */
export const OPENS_INPUT_EMOJI = '✍️';

export function button(choice: Choice): APIButtonComponentWithCustomId {
  const b: APIButtonComponentWithCustomId = {
    type: ComponentType.Button,
    custom_id: choice.id,
    label: trimText(choice.label, LIMITS.buttonLabel) || '…',
    style: STYLES[choice.style ?? 'secondary'],
  };
  if (choice.input) b.emoji = { name: OPENS_INPUT_EMOJI };
  return b;
}

/**
 * Each choices block starts a new row (a row holds at most 5 buttons). Ids longer than Discord
 * allows cannot be sent at all; the core never makes one (it throws first), so they are dropped.
 */
export function buttonRows(blocks: readonly (readonly Choice[])[]): ButtonRow[] {
  const rows: ButtonRow[] = [];
  for (const choices of blocks) {
    const usable = choices.filter((c) => c.id.length > 0 && c.id.length <= LIMITS.customId);
    for (let i = 0; i < usable.length; i += LIMITS.buttonsPerRow) {
      rows.push({ type: ComponentType.ActionRow, components: usable.slice(i, i + LIMITS.buttonsPerRow).map(button) });
    }
  }
  return rows;
}
