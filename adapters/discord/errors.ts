import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { PostError, type PostFailure } from '../../src/core/poster.js';

/** Discord's JSON error codes that mean something to background work. */
export const DISCORD_ERRORS = {
  unknownChannel: 10003,
  missingAccess: 50001,
  missingPermissions: 50013,
} as const;

/**
 * A loggable summary of an error from discord.js. The library's errors carry the request URL, and
 * an interaction's URL holds its token (valid for 15 minutes); only the route's shape is kept.
 */
export function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof DiscordAPIError || err instanceof HTTPError) {
    return {
      type: err.name,
      message: err.message,
      status: err.status,
      method: err.method,
      route: redactUrl(err.url),
      ...(err instanceof DiscordAPIError ? { code: err.code } : {}),
    };
  }
  if (err instanceof RateLimitError) return { type: err.name, route: err.route, retryAfter: err.retryAfter, global: err.global };
  if (err instanceof Error) return { type: err.name, message: err.message, stack: err.stack };
  return { message: String(err) };
}

/** `/interactions/1/<token>/callback` → `/interactions/1/:token/callback`, likewise for webhooks. */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/interactions\/\d+\/)[^/?]+/, '$1:token')
    .replace(/(\/webhooks\/\d+\/)[^/?]+/, '$1:token');
}

function failureOf(err: unknown): PostFailure {
  if (err instanceof RateLimitError) return 'rate-limited';
  if (err instanceof DiscordAPIError || err instanceof HTTPError) {
    if (err.status === 429) return 'rate-limited';
    if (err instanceof DiscordAPIError) {
      if (err.code === DISCORD_ERRORS.unknownChannel) return 'channel-gone';
      if (err.code === DISCORD_ERRORS.missingAccess || err.code === DISCORD_ERRORS.missingPermissions) return 'forbidden';
    }
  }
  return 'other';
}

/** Translates a Discord failure into the core's words, so a schedule can pause on a channel that is gone. */
export function toPostError(err: unknown): PostError {
  if (err instanceof PostError) return err;
  const reason = failureOf(err);
  const detail = err instanceof Error ? err.message : String(err);
  const error = new PostError(reason, `Discord refused the post (${reason}): ${detail}`);
  (error as Error & { cause?: unknown }).cause = describeError(err);
  return error;
}
