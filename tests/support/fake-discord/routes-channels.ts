import { attachmentsFromUpload } from './attachments.js';
import { fail, json, noContent, type Route, type RouteContext, type RouteResult } from './router.js';
import type { JsonObject } from './types.js';

// Channel, message and thread routes. Messages land in the world so interactions can point at them.

const GuildMessagesIntent = 1 << 9;
const HAS_THREAD = 32;
const THREAD_TYPES = new Set([10, 11, 12]);

const unknownChannel = () => fail(404, 10003, 'Unknown Channel');
const unknownMessage = () => fail(404, 10008, 'Unknown Message');

function channelOf(ctx: RouteContext): JsonObject | undefined {
  return ctx.world.channels.get(ctx.params.channelId!);
}

function messageIn(ctx: RouteContext): JsonObject | undefined {
  const message = ctx.world.messages.get(ctx.params.messageId!);
  return message && message.channel_id === ctx.params.channelId ? message : undefined;
}

/** A handler for a channel's route; answers Unknown Channel itself. */
function inChannel(handle: (ctx: RouteContext, channel: JsonObject) => RouteResult): Route['handle'] {
  return (ctx) => {
    const channel = channelOf(ctx);
    return channel ? handle(ctx, channel) : unknownChannel();
  };
}

/** A handler for a message's route; answers Unknown Channel, then Unknown Message, itself. */
function onMessage(handle: (ctx: RouteContext, channel: JsonObject, message: JsonObject) => RouteResult): Route['handle'] {
  return inChannel((ctx, channel) => {
    const message = messageIn(ctx);
    return message ? handle(ctx, channel, message) : unknownMessage();
  });
}

function withGuild(message: JsonObject, channel: JsonObject): JsonObject {
  return { ...message, guild_id: channel.guild_id };
}

function startThread(ctx: RouteContext, parent: JsonObject, fromMessage?: JsonObject) {
  const body = ctx.body;
  if (THREAD_TYPES.has(parent.type as number)) return fail(400, 50024, 'Cannot execute action on this channel type');
  const type = fromMessage ? 11 : typeof body.type === 'number' ? body.type : 12;
  const thread = ctx.world.createThread({
    parent,
    // Discord gives a thread started from a message the message's id.
    ...(fromMessage ? { id: fromMessage.id as string } : {}),
    name: String(body.name ?? 'thread'),
    type,
    autoArchiveDuration: typeof body.auto_archive_duration === 'number' ? body.auto_archive_duration : 4320,
    rateLimitPerUser: typeof body.rate_limit_per_user === 'number' ? body.rate_limit_per_user : 0,
  });
  if (fromMessage) {
    fromMessage.thread = thread;
    fromMessage.flags = (typeof fromMessage.flags === 'number' ? fromMessage.flags : 0) | HAS_THREAD;
  }
  ctx.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
  return json(thread, 201);
}

export const channelRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/channels/:channelId',
    auth: true,
    handle: inChannel((_, channel) => json(channel)),
  },
  {
    method: 'PATCH',
    pattern: '/channels/:channelId',
    auth: true,
    handle: inChannel((ctx, channel) => {
      const { archived, locked, auto_archive_duration, invitable, ...rest } = ctx.body;
      for (const key of ['name', 'topic', 'rate_limit_per_user', 'nsfw', 'parent_id', 'position', 'flags']) {
        if (key in rest) channel[key] = rest[key];
      }
      const meta = channel.thread_metadata as JsonObject | undefined;
      if (meta) {
        const threadFields = { archived, locked, auto_archive_duration, invitable };
        for (const [key, value] of Object.entries(threadFields)) if (value !== undefined) meta[key] = value;
        if (archived !== undefined) meta.archive_timestamp = new Date().toISOString();
      }
      ctx.dispatch(meta ? 'THREAD_UPDATE' : 'CHANNEL_UPDATE', channel);
      return json(channel);
    }),
  },
  {
    method: 'DELETE',
    pattern: '/channels/:channelId',
    auth: true,
    handle: inChannel((ctx, channel) => {
      ctx.world.channels.delete(channel.id as string);
      const isThread = THREAD_TYPES.has(channel.type as number);
      ctx.dispatch(
        isThread ? 'THREAD_DELETE' : 'CHANNEL_DELETE',
        isThread
          ? { id: channel.id, guild_id: channel.guild_id, parent_id: channel.parent_id, type: channel.type }
          : channel,
      );
      return json(channel);
    }),
  },
  {
    method: 'GET',
    pattern: '/channels/:channelId/messages',
    auth: true,
    handle: inChannel((ctx) => {
      const limit = Math.min(Number(ctx.query.limit ?? 50), 100);
      const messages = [...ctx.world.messages.values()].filter((m) => m.channel_id === ctx.params.channelId);
      return json(messages.reverse().slice(0, limit));
    }),
  },
  {
    method: 'POST',
    pattern: '/channels/:channelId/messages',
    auth: true,
    handle: inChannel((ctx, channel) => {
      const reply = ctx.body.message_reference !== undefined;
      const nonce = ctx.body.enforce_nonce === true && ctx.body.nonce !== undefined ? String(ctx.body.nonce) : null;
      const earlier = nonce === null ? undefined : ctx.world.messageByNonce(channel.id as string, nonce);
      if (earlier) {
        ctx.world.nonceRepeats++;
        return json(earlier);
      }
      const message = ctx.world.createMessage({
        channelId: channel.id as string,
        body: ctx.body,
        type: reply ? 19 : 0,
        attachments: attachmentsFromUpload(ctx),
      });
      if (nonce !== null) ctx.world.rememberNonce(channel.id as string, nonce, message.id as string);
      ctx.dispatch('MESSAGE_CREATE', withGuild(message, channel), GuildMessagesIntent);
      return json(message);
    }),
  },
  {
    method: 'GET',
    pattern: '/channels/:channelId/messages/:messageId',
    auth: true,
    handle: onMessage((_, __, message) => json(message)),
  },
  {
    method: 'PATCH',
    pattern: '/channels/:channelId/messages/:messageId',
    auth: true,
    handle: onMessage((ctx, channel, message) => {
      ctx.world.editMessage(message, ctx.body, attachmentsFromUpload(ctx));
      ctx.dispatch('MESSAGE_UPDATE', withGuild(message, channel), GuildMessagesIntent);
      return json(message);
    }),
  },
  {
    method: 'DELETE',
    pattern: '/channels/:channelId/messages/:messageId',
    auth: true,
    handle: onMessage((ctx, channel, message) => {
      ctx.world.messages.delete(message.id as string);
      ctx.dispatch(
        'MESSAGE_DELETE',
        { id: message.id, channel_id: channel.id, guild_id: channel.guild_id },
        GuildMessagesIntent,
      );
      return noContent();
    }),
  },
  {
    method: 'POST',
    pattern: '/channels/:channelId/messages/:messageId/threads',
    auth: true,
    handle: onMessage((ctx, channel, message) => {
      if (message.thread) return fail(400, 160004, 'A thread has already been created for this message');
      return startThread(ctx, channel, message);
    }),
  },
  {
    method: 'POST',
    pattern: '/channels/:channelId/threads',
    auth: true,
    handle: inChannel((ctx, channel) => startThread(ctx, channel)),
  },
  ...(['PUT', 'DELETE'] as const).map(
    (method): Route => ({
      method,
      pattern: '/channels/:channelId/thread-members/:userId',
      auth: true,
      handle: inChannel(() => noContent()),
    }),
  ),
  {
    method: 'POST',
    pattern: '/channels/:channelId/typing',
    auth: true,
    handle: inChannel(() => noContent()),
  },
  ...(['PUT', 'DELETE'] as const).map(
    (method): Route => ({
      method,
      pattern: '/channels/:channelId/messages/:messageId/reactions/:emoji/:userId',
      auth: true,
      handle: (ctx) => (messageIn(ctx) ? noContent() : unknownMessage()),
    }),
  ),
];
