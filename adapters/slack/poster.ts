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

/** The metadata event type that marks a message as one of the bot's keyed posts. */
export const POST_EVENT = 'rostrum_post';
/**
 * How far back a retried post looks for itself: the channel's latest messages (or its thread's).
 * Its message is among these unless the channel had more than this many messages since the first
 * attempt, however long ago that was: the look is bounded by messages, not by time.
 */
export const HISTORY_DEPTH = 100;

interface Found {
  ts: string;
  replies: number;
}

/** The bot's keyed messages among the recent ones where a retried post would be, by key. */
async function postedKeys(client: Client, channel: string, threadOf: string | undefined, logger: Logger): Promise<Map<string, Found>> {
  const found = new Map<string, Found>();
  try {
    const page = threadOf
      ? await client.conversations.replies({ channel, ts: threadOf, limit: HISTORY_DEPTH, include_all_metadata: true })
      : await client.conversations.history({ channel, limit: HISTORY_DEPTH, include_all_metadata: true });
    for (const m of page.messages ?? []) {
      const key = m.metadata?.event_type === POST_EVENT ? (m.metadata.event_payload as { key?: unknown } | undefined)?.key : undefined;
      if (typeof key === 'string' && m.ts) found.set(key, { ts: m.ts, replies: m.reply_count ?? 0 });
    }
  } catch (err) {
    // Without history (an install from before the history scopes) the post goes out: a missing post
    // would be certain, a repeat only possible.
    logger.warn({ err: toPostError(err).message, channel }, 'could not read channel history to check a retried post');
  }
  return found;
}

/**
 * How background work (quiz reveals, scheduled prompts) reaches a Slack channel: chat.postMessage,
 * one message per rendered part. A reply that opens a thread gets a first reply under it, so the
 * discussion has a place to start.
 *
 * A keyed post tags each message with metadata carrying its key. Slack cannot refuse a repeat, so a
 * retried post (its process died mid-post) first looks for its keys in the channel's recent
 * history and returns what it finds instead of posting it again.
 */
export function slackPoster(client: Client, logger: Logger): Poster {
  return {
    // A repeat is found by looking, so a late takeover is as safe as an early one: never given up for its age.
    retryWindowMs: null,
    async post(where, reply, once) {
      if (reply.visibility === 'private') {
        // A channel post has nobody to show a private reply to; showing it to everyone would be worse.
        logger.warn({ channel: where.channelId }, 'a private reply was sent to a channel poster; not posted');
        return { messageId: null };
      }
      const already = once?.retry ? await postedKeys(client, where.channelId, reply.threadOf, logger) : new Map<string, Found>();
      let first: string | null = null;
      let threadOpened = false;
      for (const [part, message] of renderReply(reply).entries()) {
        const key = once ? `${once.key}.${part}` : null;
        const found = key ? already.get(key) : undefined;
        if (found) {
          if (first === null) threadOpened = found.replies > 0;
          first ??= found.ts;
          continue;
        }
        try {
          const res = await client.chat.postMessage({
            channel: where.channelId, ...message, unfurl_links: false, unfurl_media: false,
            ...(reply.threadOf ? { thread_ts: reply.threadOf } : {}),
            ...(key ? { metadata: { event_type: POST_EVENT, event_payload: { key } } } : {}),
          });
          first ??= res.ts ?? null;
        } catch (err) {
          throw toPostError(err);
        }
      }
      if (reply.thread && first && !threadOpened) {
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
