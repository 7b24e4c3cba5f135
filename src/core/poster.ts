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

export interface Posted {
  messageId: string | null;
}

/** How background work (quiz reveals, scheduled prompts) reaches a channel; each adapter supplies one. */
export interface Poster {
  post(where: Where, reply: Reply): Promise<Posted>;
}
