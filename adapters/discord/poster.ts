import type { Client, Message } from 'discord.js';
import type { Logger } from '../../src/core/logger.js';
import { PostError, type Poster } from '../../src/core/poster.js';
import { rendered as renderedOnce } from './rendered.js';
import { startThread } from './threads.js';
import { toPostError } from './errors.js';
import { nonceFor } from './nonce.js';

/**
 * Posts background work (quiz reveals, scheduled prompts) to a channel by id. Failures become
 * PostErrors with the core's reasons, so a schedule whose channel is gone can pause itself.
 *
 * A keyed post sends each message with a nonce derived from the key and `enforceNonce`: Discord
 * answers a repeat within a few minutes (a takeover after a crash, discord.js retrying a 5xx the
 * server had in fact accepted) with the message it already created. Its thread is then there
 * already too; starting it again fails and is logged, not repeated.
 */
export function discordPoster(client: Client, log: Logger): Poster {
  return {
    async post(where, reply, once) {
      // A thread started from a message has the message's id, so a thread reply posts to that id.
      const target = reply.threadOf ?? where.channelId;
      const channel = await client.channels.fetch(target).catch((err: unknown) => {
        throw toPostError(err);
      });
      if (!channel) throw new PostError('channel-gone', `channel ${target} no longer exists`);
      if (!channel.isSendable()) throw new PostError('forbidden', `channel ${target} is not one the bot can post in`);
      // Channel posts are seen by everyone; a private reply has no meaning here and is posted as is.
      const rendered = renderedOnce(reply);
      let first: Message | null = null;
      for (const [part, message] of rendered.messages.entries()) {
        const keyed = once ? { ...message, nonce: nonceFor(`${once.key}.${part}`), enforceNonce: true } : message;
        const sent = await channel.send(keyed).catch((err: unknown) => {
          throw toPostError(err);
        });
        first ??= sent;
      }
      if (rendered.thread && first) await startThread(first, rendered.thread.name, log);
      return { messageId: first?.id ?? null };
    },
  };
}
