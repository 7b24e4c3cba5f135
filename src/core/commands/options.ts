import type { CommandContext } from '../context.js';

/**
 * Typed reads of an option the dispatcher has already normalised (src/core/input.ts): a channel
 * option is already the platform's channel id, free text already clean and within its limit.
 */
export function str(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.options[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

export function int(ctx: CommandContext, name: string): number | undefined {
  const v = ctx.options[name];
  return typeof v === 'number' ? v : undefined;
}
