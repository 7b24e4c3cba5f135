import type { App } from '@slack/bolt';
import type { Logger } from '../../src/core/logger.js';
import { PostError, type PostFailure, type Poster } from '../../src/core/poster.js';
import { renderReply } from './render.js';

type Client = App['client'];

/** Slack's error codes in the core's words, so background work can tell a gone channel from a busy one. */
const FAILURES: Readonly<Record<string, PostFailure>> = {
  channel_not_found: 'channel-gone',
  is_archived: 'channel-gone',
  not_in_channel: 'forbidden',
  missing_scope: 'forbidden',
  restricted_action: 'forbidden',
  ratelimited: 'rate-limited',
};

export const THREAD_INVITE = 'Discuss it in this thread 🧵';

export function toPostError(err: unknown): PostError {
  const e = err as { code?: string; data?: { error?: string }; original?: Error; message?: string };
  const slackError = e?.data?.error;
  if (slackError) return new PostError(FAILURES[slackError] ?? 'other', `Slack answered ${slackError}`);
  // The Web API client gives up on repeated 429s with its own error codes rather than Slack's.
  const message = `${e?.message ?? ''} ${e?.original?.message ?? ''}`;
  if (e?.code === 'slack_webapi_rate_limited_error' || /rate limit/i.test(message)) {
    return new PostError('rate-limited', 'Slack kept answering 429 (rate limited)');
  }
  return new PostError('other', e?.message ?? String(err));
}

/**
 * How background work (quiz reveals, scheduled prompts) reaches a Slack channel: chat.postMessage,
 * one message per rendered part. A reply that opens a thread gets a first reply under it, so the
 * discussion has a place to start.
 */
export function slackPoster(client: Client, logger: Logger): Poster {
  return {
    async post(where, reply) {
      if (reply.visibility === 'private') {
        // A channel post has nobody to show a private reply to; showing it to everyone would be worse.
        logger.warn({ channel: where.channelId }, 'a private reply was sent to a channel poster; not posted');
        return { messageId: null };
      }
      let first: string | null = null;
      for (const message of renderReply(reply)) {
        try {
          const res = await client.chat.postMessage({
            channel: where.channelId, ...message, unfurl_links: false, unfurl_media: false,
            ...(reply.threadOf ? { thread_ts: reply.threadOf } : {}),
          });
          first ??= res.ts ?? null;
        } catch (err) {
          throw toPostError(err);
        }
      }
      if (reply.thread && first) {
        try {
          await client.chat.postMessage({
            channel: where.channelId,
            thread_ts: first,
            text: THREAD_INVITE,
          });
        } catch (err) {
          // The post itself is out; failing now would invite a retry that posts it twice.
          logger.warn({ err, channel: where.channelId }, 'could not open the discussion thread');
        }
      }
      return { messageId: first };
    },
  };
}
