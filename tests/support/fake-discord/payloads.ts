import type { FakeUser, JsonObject, PermissionsInput } from './types.js';

// Builders for Discord API objects. They fill every field discord.js reads unconditionally, because
// a missing array (embeds, components, mentions...) makes the library throw deep inside a structure
// constructor, far from the test that caused it.

export const PERMISSIONS = {
  CreateInstantInvite: 1n << 0n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  CreatePrivateThreads: 1n << 36n,
  SendMessagesInThreads: 1n << 38n,
} as const;

const P = PERMISSIONS;

export const DEFAULT_MEMBER_PERMISSIONS =
  P.CreateInstantInvite |
  P.AddReactions |
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.UseExternalEmojis |
  P.ChangeNickname |
  P.UseApplicationCommands |
  P.CreatePublicThreads |
  P.SendMessagesInThreads;

export const DEFAULT_APP_PERMISSIONS =
  DEFAULT_MEMBER_PERMISSIONS | P.ManageMessages | P.ManageThreads | P.CreatePrivateThreads;

export function permissionString(input: PermissionsInput | undefined, fallback: bigint): string {
  if (input === undefined) return fallback.toString();
  return BigInt(input).toString();
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function userObject(user: FakeUser): JsonObject {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: null,
    avatar_decoration_data: null,
    banner: null,
    accent_color: null,
    bot: user.bot,
    system: false,
    public_flags: 0,
    flags: 0,
  };
}

export function memberObject(user: FakeUser, joinedAt: string, opts: { withPermissions?: boolean } = {}): JsonObject {
  return {
    user: userObject(user),
    nick: user.nick,
    avatar: null,
    banner: null,
    roles: [...user.roles],
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    ...(opts.withPermissions ? { permissions: user.permissions } : {}),
  };
}

export function roleObject(id: string, name: string, permissions: string, position: number): JsonObject {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions,
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

export function textChannelObject(input: {
  id: string;
  guildId: string;
  name: string;
  type: number;
  position: number;
  parentId: string | null;
  topic: string | null;
}): JsonObject {
  return {
    id: input.id,
    type: input.type,
    guild_id: input.guildId,
    name: input.name,
    position: input.position,
    parent_id: input.parentId,
    topic: input.topic,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    permission_overwrites: [],
    flags: 0,
  };
}

export function threadObject(input: {
  id: string;
  guildId: string;
  parentId: string;
  ownerId: string;
  name: string;
  type: number;
  autoArchiveDuration: number;
  rateLimitPerUser: number;
}): JsonObject {
  const now = nowIso();
  return {
    id: input.id,
    type: input.type,
    guild_id: input.guildId,
    parent_id: input.parentId,
    owner_id: input.ownerId,
    name: input.name,
    last_message_id: null,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    rate_limit_per_user: input.rateLimitPerUser,
    flags: 0,
    applied_tags: [],
    thread_metadata: {
      archived: false,
      auto_archive_duration: input.autoArchiveDuration,
      archive_timestamp: now,
      locked: false,
      create_timestamp: now,
      ...(input.type === 12 ? { invitable: true } : {}),
    },
    member: { id: input.id, user_id: input.ownerId, join_timestamp: now, flags: 0 },
  };
}

export function messageObject(input: {
  id: string;
  channelId: string;
  author: FakeUser;
  body: JsonObject;
  type: number;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: JsonObject;
  flags?: number;
  attachments?: JsonObject[];
}): JsonObject {
  const b = input.body;
  return {
    id: input.id,
    type: input.type,
    channel_id: input.channelId,
    author: userObject(input.author),
    content: typeof b.content === 'string' ? b.content : '',
    timestamp: nowIso(),
    edited_timestamp: null,
    tts: b.tts === true,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    mention_channels: [],
    attachments: input.attachments ?? [],
    embeds: Array.isArray(b.embeds) ? b.embeds : [],
    components: Array.isArray(b.components) ? b.components : [],
    reactions: [],
    pinned: false,
    flags: input.flags ?? (typeof b.flags === 'number' ? b.flags : 0),
    ...(b.nonce !== undefined ? { nonce: b.nonce } : {}),
    ...(b.message_reference ? { message_reference: b.message_reference } : {}),
    ...(b.poll ? { poll: b.poll } : {}),
    ...(input.webhookId ? { webhook_id: input.webhookId } : {}),
    ...(input.applicationId ? { application_id: input.applicationId } : {}),
    ...(input.interactionMetadata ? { interaction_metadata: input.interactionMetadata } : {}),
  };
}

/** The fields of a message body that an edit may replace; anything absent stays as it was. */
export const EDITABLE_MESSAGE_FIELDS = ['content', 'embeds', 'components', 'flags', 'attachments', 'poll'] as const;

export function applicationObject(applicationId: string, bot: FakeUser): JsonObject {
  return {
    id: applicationId,
    name: bot.username,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    owner: userObject(bot),
    team: null,
    bot: userObject(bot),
    approximate_guild_count: 1,
    integration_types_config: { '0': {} },
    tags: [],
    redirect_uris: [],
    interactions_endpoint_url: null,
    event_webhooks_status: 1,
  };
}

export function commandObject(input: {
  id: string;
  applicationId: string;
  guildId: string | null;
  version: string;
  body: JsonObject;
}): JsonObject {
  const b = input.body;
  return {
    id: input.id,
    application_id: input.applicationId,
    version: input.version,
    type: typeof b.type === 'number' ? b.type : 1,
    name: b.name,
    name_localizations: b.name_localizations ?? null,
    description: typeof b.description === 'string' ? b.description : '',
    description_localizations: b.description_localizations ?? null,
    options: Array.isArray(b.options) ? b.options : [],
    default_member_permissions: b.default_member_permissions ?? null,
    dm_permission: b.dm_permission ?? true,
    nsfw: b.nsfw === true,
    integration_types: b.integration_types ?? [0],
    contexts: b.contexts ?? null,
    ...(input.guildId ? { guild_id: input.guildId } : {}),
  };
}

/** Discord's error body. discord.js turns it into a DiscordAPIError with `.code` and `.status`. */
export function errorBody(code: number, message: string): JsonObject {
  return { message, code };
}
