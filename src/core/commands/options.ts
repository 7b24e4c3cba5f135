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

/**
 * A channel option's value as an id: Slack's and Discord's mention forms (<#C123|name>, <#123>) are
 * unwrapped, and a typed #history names the terminal's channel "history".
 */
export function channelOption(ctx: CommandContext, name: string): string | undefined {
  const raw = str(ctx, name);
  if (!raw) return undefined;
  return /^<#([^|>]+)(?:\|[^>]*)?>$/.exec(raw)?.[1] ?? raw.replace(/^#/, '');
}
