import { applicationObject, commandObject, memberObject, userObject } from './payloads.js';
import { fail, json, noContent, type Route, type RouteContext, type RouteResult } from './router.js';
import type { GuildState } from './state.js';
import type { JsonObject } from './types.js';

// Gateway discovery, the bot's own user and application, guild look-ups and command registration.

function sameApp(ctx: RouteContext): boolean {
  return ctx.params.appId === ctx.world.applicationId;
}

function scope(ctx: RouteContext): string | undefined {
  const guildId = ctx.params.guildId;
  if (guildId === undefined) return '';
  return ctx.world.guilds.has(guildId) ? guildId : undefined;
}

function toCommand(ctx: RouteContext, guildId: string, body: JsonObject, existing?: JsonObject): JsonObject {
  return commandObject({
    id: (existing?.id as string | undefined) ?? ctx.world.ids.next(),
    applicationId: ctx.world.applicationId,
    guildId: guildId || null,
    version: ctx.world.ids.next(),
    body,
  });
}

const missingAccess = () => fail(403, 50001, 'Missing Access');
const unknownCommand = () => fail(404, 10063, 'Unknown application command');
const unknownGuild = () => fail(404, 10004, 'Unknown Guild');

/** A handler for the bot's own commands, global (key '') or in a guild it is in; anything else is Missing Access. */
function inScope(handle: (ctx: RouteContext, key: string) => RouteResult): Route['handle'] {
  return (ctx) => {
    const key = scope(ctx);
    return sameApp(ctx) && key !== undefined ? handle(ctx, key) : missingAccess();
  };
}

/** A handler for a guild's route; answers Unknown Guild itself. */
function inGuild(handle: (ctx: RouteContext, guild: GuildState) => RouteResult): Route['handle'] {
  return (ctx) => {
    const guild = ctx.world.guilds.get(ctx.params.guildId!);
    return guild ? handle(ctx, guild) : unknownGuild();
  };
}

function commandRoutes(prefix: string): Route[] {
  return [
    {
      method: 'GET',
      pattern: prefix,
      auth: true,
      handle: inScope((ctx, key) => json(ctx.world.commands.get(key) ?? [])),
    },
    {
      method: 'PUT',
      pattern: prefix,
      auth: true,
      handle: inScope((ctx, key) => {
        if (!Array.isArray(ctx.record.body)) return fail(400, 50035, 'Invalid Form Body');
        const previous = ctx.world.commands.get(key) ?? [];
        // A bulk overwrite keeps the ids of commands whose name and type survive, like Discord does.
        const next = (ctx.record.body as JsonObject[]).map((body) =>
          toCommand(
            ctx,
            key,
            body,
            previous.find((p) => p.name === body.name && p.type === (body.type ?? 1)),
          ),
        );
        ctx.world.commands.set(key, next);
        return json(next);
      }),
    },
    {
      method: 'POST',
      pattern: prefix,
      auth: true,
      handle: inScope((ctx, key) => {
        const list = ctx.world.commands.get(key) ?? [];
        const existing = list.find((c) => c.name === ctx.body.name && c.type === (ctx.body.type ?? 1));
        const command = toCommand(ctx, key, ctx.body, existing);
        ctx.world.commands.set(key, [...list.filter((c) => c !== existing), command]);
        return json(command, existing ? 200 : 201);
      }),
    },
    {
      method: 'GET',
      pattern: `${prefix}/:commandId`,
      auth: true,
      handle: inScope((ctx, key) => {
        const command = ctx.world.commands.get(key)?.find((c) => c.id === ctx.params.commandId);
        return command ? json(command) : unknownCommand();
      }),
    },
    {
      method: 'DELETE',
      pattern: `${prefix}/:commandId`,
      auth: true,
      handle: inScope((ctx, key) => {
        const list = ctx.world.commands.get(key) ?? [];
        if (!list.some((c) => c.id === ctx.params.commandId)) return unknownCommand();
        ctx.world.commands.set(
          key,
          list.filter((c) => c.id !== ctx.params.commandId),
        );
        return noContent();
      }),
    },
  ];
}

function gatewayInfo(ctx: RouteContext, bot: boolean) {
  return json({
    url: ctx.gatewayUrl,
    ...(bot
      ? {
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        }
      : {}),
  });
}

export const appRoutes: Route[] = [
  { method: 'GET', pattern: '/gateway/bot', auth: true, handle: (ctx) => gatewayInfo(ctx, true) },
  { method: 'GET', pattern: '/gateway', auth: false, handle: (ctx) => gatewayInfo(ctx, false) },
  { method: 'GET', pattern: '/users/@me', auth: true, handle: (ctx) => json(userObject(ctx.world.bot)) },
  {
    method: 'GET',
    pattern: '/users/:userId',
    auth: true,
    handle(ctx) {
      const user = ctx.world.users.get(ctx.params.userId!);
      return user ? json(userObject(user)) : fail(404, 10013, 'Unknown User');
    },
  },
  {
    method: 'GET',
    pattern: '/applications/@me',
    auth: true,
    handle: (ctx) => json(applicationObject(ctx.world.applicationId, ctx.world.bot)),
  },
  {
    method: 'GET',
    pattern: '/oauth2/applications/@me',
    auth: true,
    handle: (ctx) => json(applicationObject(ctx.world.applicationId, ctx.world.bot)),
  },
  ...commandRoutes('/applications/:appId/commands'),
  ...commandRoutes('/applications/:appId/guilds/:guildId/commands'),
  {
    method: 'GET',
    pattern: '/guilds/:guildId',
    auth: true,
    handle: inGuild((ctx, guild) => {
      const { members: _m, channels: _c, threads: _t, presences: _p, voice_states: _v, ...rest } =
        ctx.world.guildObject(guild);
      return json(rest);
    }),
  },
  {
    method: 'GET',
    pattern: '/guilds/:guildId/channels',
    auth: true,
    handle: inGuild((ctx) => {
      const threadTypes = new Set([10, 11, 12]);
      return json(
        [...ctx.world.channels.values()].filter(
          (c) => c.guild_id === ctx.params.guildId && !threadTypes.has(c.type as number),
        ),
      );
    }),
  },
  {
    method: 'GET',
    pattern: '/guilds/:guildId/roles',
    auth: true,
    handle: inGuild((_, guild) => json(guild.roles)),
  },
  {
    method: 'GET',
    pattern: '/guilds/:guildId/members/:userId',
    auth: true,
    handle: inGuild((ctx, guild) => {
      const user = ctx.world.users.get(ctx.params.userId!);
      return user ? json(memberObject(user, guild.joinedAt)) : fail(404, 10007, 'Unknown Member');
    }),
  },
];
