import type { Reply } from './reply.js';
import type { Where } from './context.js';

/**
 * Why a post to a channel failed, in the core's words. Adapters translate their platform's errors
 * so that background work can pause a schedule instead of retrying a channel that is gone.
 */
export type PostFailure = 'channel-gone' | 'forbidden' | 'rate-limited' | 'other';

export class PostError extends Error {
  constructor(readonly reason: PostFailure, message: string) {
    super(message);
    this.name = 'PostError';
  }
}

/** A failure that a retry would only repeat: the channel is gone, or closed to the bot. */
export function cannotReachChannel(err: unknown): err is PostError & { reason: 'channel-gone' | 'forbidden' } {
  return err instanceof PostError && (err.reason === 'channel-gone' || err.reason === 'forbidden');
}

export interface Posted {
  messageId: string | null;
}

/** How background work (quiz reveals, scheduled prompts) reaches a channel; each adapter supplies one. */
export interface Poster {
  post(where: Where, reply: Reply): Promise<Posted>;
}
