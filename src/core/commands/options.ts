import type { CommandContext } from '../context.js';

/** Typed reads of an option the dispatcher has already checked against the command's spec. */
export function str(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.options[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

export function int(ctx: CommandContext, name: string): number | undefined {
  const v = ctx.options[name];
  return typeof v === 'number' ? v : undefined;
}
