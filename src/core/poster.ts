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

/** Makes a post one logical post, however often it is sent (see src/core/post-once.ts). */
export interface PostKey {
  /** Names this post and no other; each message a reply is split into derives its own key from it. */
  key: string;
  /**
   * An earlier attempt under this key may already be in the channel (its process died mid-post), so
   * a platform that cannot refuse a repeat by itself must look before posting.
   */
  retry: boolean;
}

/** How background work (quiz reveals, scheduled prompts) reaches a channel; each adapter supplies one. */
export interface Poster {
  /** With `once`, a repeat of the same post returns the message already posted instead of a second one. */
  post(where: Where, reply: Reply, once?: PostKey): Promise<Posted>;
  /**
   * How long after a keyed post was first begun a repeat is still told from a new post: past it a
   * dead holder's post is given up rather than retried. Unset: RETRY_WINDOW_MS (src/core/post-once.ts,
   * Discord's nonce window). null: no limit in time, for a poster that finds a repeat by looking.
   */
  retryWindowMs?: number | null;
}
