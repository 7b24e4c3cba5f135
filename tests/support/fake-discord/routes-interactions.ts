import { attachmentsFromUpload } from './attachments.js';
import { fail, json, noContent, type Route, type RouteContext, type RouteResult } from './router.js';
import type { InteractionState, World } from './state.js';
import type { JsonObject } from './types.js';

// Interaction callbacks and the interaction webhook (edits, follow-ups). Discord ties these together
// by token; so does the fake, which is how `interactionResponses(id)` can list them in order.

const Callback = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
  LaunchActivity: 12,
} as const;

const EPHEMERAL = 64;
const LOADING = 128;

function interactionByToken(ctx: RouteContext): InteractionState | undefined {
  const state = ctx.world.interactionsByToken.get(ctx.params.token!);
  return state && ctx.params.appId === ctx.world.applicationId ? state : undefined;
}

/**
 * The interaction a request path belongs to, if any. Worked out from the path alone so that requests
 * answered by an injected failure are attributed too.
 */
export function interactionIdForPath(world: World, path: string): string | undefined {
  const [, root, first, second] = path.split('/');
  if (root === 'interactions' && first && second) {
    const state = world.interactions.get(first);
    return state?.token === second ? state.id : undefined;
  }
  if (root === 'webhooks' && first === world.applicationId && second) {
    return world.interactionsByToken.get(second)?.id;
  }
  return undefined;
}

function callback(ctx: RouteContext): RouteResult {
  const { world, params, body } = ctx;
  const state = world.interactions.get(params.id!);
  if (!state || state.token !== params.token) return fail(404, 10062, 'Unknown interaction');
  if (state.callbackType !== null) return fail(400, 40060, 'Interaction has already been acknowledged.');

  const type = body.type;
  const data = (body.data ?? {}) as JsonObject;
  let message: JsonObject | undefined;
  switch (type) {
    case Callback.ChannelMessageWithSource:
    case Callback.DeferredChannelMessageWithSource: {
      const deferred = type === Callback.DeferredChannelMessageWithSource;
      const flags = (typeof data.flags === 'number' ? data.flags : 0) | (deferred ? LOADING : 0);
      message = world.createMessage({
        channelId: state.channelId,
        body: deferred ? {} : data,
        // Replies to slash commands are CHAT_INPUT_COMMAND messages; others are plain ones.
        type: state.type === 2 ? 20 : 0,
        webhookId: world.applicationId,
        interaction: state,
        flags,
        attachments: attachmentsFromUpload(ctx),
      });
      state.originalMessageId = message.id as string;
      break;
    }
    case Callback.DeferredUpdateMessage:
    case Callback.UpdateMessage: {
      const source = state.sourceMessageId ? world.messages.get(state.sourceMessageId) : undefined;
      if (!source) return fail(400, 50035, 'Invalid Form Body: this interaction has no message to update');
      if (type === Callback.UpdateMessage) world.editMessage(source, data, attachmentsFromUpload(ctx));
      state.originalMessageId = source.id as string;
      message = source;
      break;
    }
    case Callback.Modal:
      world.modals.push({ interactionId: state.id, customId: String(data.custom_id), data });
      break;
    case Callback.Pong:
    case Callback.AutocompleteResult:
    case Callback.LaunchActivity:
      break;
    default:
      return fail(400, 50035, `Invalid Form Body: unknown callback type ${String(type)}`);
  }
  state.callbackType = type;

  if (ctx.query.with_response !== 'true') return noContent();
  const flags = typeof message?.flags === 'number' ? message.flags : 0;
  return json({
    interaction: {
      id: state.id,
      type: state.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: (flags & LOADING) !== 0,
            response_message_ephemeral: (flags & EPHEMERAL) !== 0,
          }
        : {}),
    },
    resource: { type, ...(message ? { message } : {}) },
  });
}

function webhookMessage(ctx: RouteContext, state: InteractionState): JsonObject | undefined {
  const id = ctx.params.messageId === '@original' ? state.originalMessageId : ctx.params.messageId;
  return id ? ctx.world.messages.get(id) : undefined;
}

const unknownWebhook = () => fail(404, 10015, 'Unknown Webhook');
const unknownMessage = () => fail(404, 10008, 'Unknown Message');

/** A handler for a message behind the interaction webhook; answers Unknown Webhook, then Unknown Message, itself. */
function onWebhookMessage(handle: (ctx: RouteContext, message: JsonObject) => RouteResult): Route['handle'] {
  return (ctx) => {
    const state = interactionByToken(ctx);
    if (!state) return unknownWebhook();
    const message = webhookMessage(ctx, state);
    return message ? handle(ctx, message) : unknownMessage();
  };
}

export const interactionRoutes: Route[] = [
  { method: 'POST', pattern: '/interactions/:id/:token/callback', auth: false, handle: callback },
  {
    method: 'POST',
    pattern: '/webhooks/:appId/:token',
    auth: false,
    handle(ctx) {
      const state = interactionByToken(ctx);
      // Discord only opens the interaction webhook once the interaction has been acknowledged.
      if (!state || state.callbackType === null) return unknownWebhook();
      const message = ctx.world.createMessage({
        channelId: state.channelId,
        body: ctx.body,
        webhookId: ctx.world.applicationId,
        interaction: state,
        attachments: attachmentsFromUpload(ctx),
      });
      return ctx.query.wait === 'true' ? json(message) : noContent();
    },
  },
  {
    method: 'GET',
    pattern: '/webhooks/:appId/:token/messages/:messageId',
    auth: false,
    handle: onWebhookMessage((_, message) => json(message)),
  },
  {
    method: 'PATCH',
    pattern: '/webhooks/:appId/:token/messages/:messageId',
    auth: false,
    handle: onWebhookMessage((ctx, message) => {
      const before = typeof message.flags === 'number' ? message.flags : 0;
      ctx.world.editMessage(message, ctx.body, attachmentsFromUpload(ctx));
      const after = typeof message.flags === 'number' ? message.flags : 0;
      // An edit resolves a deferred reply's loading state, and can never change whether it is ephemeral.
      message.flags = (after & ~LOADING & ~EPHEMERAL) | (before & EPHEMERAL);
      return json(message);
    }),
  },
  {
    method: 'DELETE',
    pattern: '/webhooks/:appId/:token/messages/:messageId',
    auth: false,
    handle: onWebhookMessage((ctx, message) => {
      ctx.world.messages.delete(message.id as string);
      return noContent();
    }),
  },
];
