import {
  DEFAULT_APP_PERMISSIONS,
  DEFAULT_MEMBER_PERMISSIONS,
  EDITABLE_MESSAGE_FIELDS,
  memberObject,
  messageObject,
  nowIso,
  permissionString,
  roleObject,
  textChannelObject,
  threadObject,
  userObject,
} from './payloads.js';
import { SnowflakeSource } from './snowflake.js';
import type { FakeGuildInput, FakeUser, FakeUserInput, JsonObject, StartFakeDiscordOptions } from './types.js';

// The fake's memory of the Discord world: what exists, so REST answers and interaction payloads agree
// with each other (a button click refers to a message the bot really posted, a thread has a parent...).

export interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: string;
  roles: JsonObject[];
  joinedAt: string;
}

export interface InteractionState {
  id: string;
  token: string;
  type: number;
  guildId: string;
  channelId: string;
  userId: string;
  payload: JsonObject;
  /** The first successful callback type, once acknowledged. */
  callbackType: number | null;
  /** What `@original` resolves to: the reply message, or for component updates the clicked message. */
  originalMessageId: string | null;
  /** The message a component (or a modal opened from one) was on. */
  sourceMessageId: string | null;
}

export interface ShownModal {
  interactionId: string;
  customId: string;
  data: JsonObject;
}

export class World {
  readonly ids = new SnowflakeSource();
  readonly applicationId: string;
  readonly bot: FakeUser;
  readonly appPermissions: string;
  readonly guilds = new Map<string, GuildState>();
  /** Guild channels and threads, keyed by id. Objects are the API shape and are mutated in place on edits. */
  readonly channels = new Map<string, JsonObject>();
  /** Every message the fake knows, in creation order (Map keeps insertion order). */
  readonly messages = new Map<string, JsonObject>();
  readonly users = new Map<string, FakeUser>();
  readonly defaultUserId: string;
  readonly interactions = new Map<string, InteractionState>();
  readonly interactionsByToken = new Map<string, InteractionState>();
  /** Keyed by guild id, or '' for global commands. */
  readonly commands = new Map<string, JsonObject[]>();
  readonly modals: ShownModal[] = [];
  /** Ids handed out for commands used in interactions without being registered first, by name. */
  readonly adHocCommandIds = new Map<string, string>();
  /** Enforced nonces by channel and nonce: the message first created with it, and when. */
  readonly nonces = new Map<string, { messageId: string; at: number }>();
  readonly nonceWindowMs: number;
  /** Creates answered with an earlier message because their nonce was seen. */
  nonceRepeats = 0;

  constructor(options: StartFakeDiscordOptions) {
    this.nonceWindowMs = options.nonceWindowMs ?? 5 * 60_000;
    this.applicationId = options.applicationId ?? this.ids.next();
    this.bot = {
      id: options.botUserId ?? this.applicationId,
      username: options.botUsername ?? 'rostrum',
      globalName: null,
      permissions: permissionString(options.appPermissions, DEFAULT_APP_PERMISSIONS),
      roles: [],
      nick: null,
      locale: 'en-US',
      bot: true,
    };
    this.appPermissions = this.bot.permissions;
    this.users.set(this.bot.id, this.bot);
    this.defaultUserId = this.upsertUser({ username: 'debater' }).id;
    for (const user of options.users ?? []) this.upsertUser(user);
    const guilds = options.guilds ?? [{ id: this.ids.next(), name: 'Fake Guild' }];
    for (const guild of guilds) this.addGuild(guild);
  }

  addGuild(input: FakeGuildInput): GuildState {
    const everyone = roleObject(input.id, '@everyone', DEFAULT_MEMBER_PERMISSIONS.toString(), 0);
    const roles = [
      everyone,
      ...(input.roles ?? []).map((r, i) =>
        roleObject(r.id, r.name, permissionString(r.permissions, 0n), i + 1),
      ),
    ];
    const guild: GuildState = {
      id: input.id,
      name: input.name,
      ownerId: input.ownerId ?? this.defaultUserId,
      preferredLocale: input.preferredLocale ?? 'en-US',
      roles,
      joinedAt: nowIso(),
    };
    this.guilds.set(guild.id, guild);
    const channels = input.channels ?? [{ id: this.ids.next(), name: 'general', type: 0 }];
    channels.forEach((c, position) => {
      this.channels.set(
        c.id,
        textChannelObject({
          id: c.id,
          guildId: guild.id,
          name: c.name,
          type: c.type ?? 0,
          position,
          parentId: c.parentId ?? null,
          topic: c.topic ?? null,
        }),
      );
    });
    return guild;
  }

  /** Creates a user, or updates the one with the same id; unspecified fields keep their values. */
  upsertUser(input: FakeUserInput = {}): FakeUser {
    const existing = input.id ? this.users.get(input.id) : undefined;
    const id = input.id ?? this.ids.next();
    const user: FakeUser = {
      id,
      username: input.username ?? existing?.username ?? `user${id.slice(-4)}`,
      globalName: input.globalName !== undefined ? input.globalName : (existing?.globalName ?? null),
      permissions:
        input.permissions !== undefined
          ? permissionString(input.permissions, 0n)
          : (existing?.permissions ?? DEFAULT_MEMBER_PERMISSIONS.toString()),
      roles: input.roles ?? existing?.roles ?? [],
      nick: input.nick !== undefined ? input.nick : (existing?.nick ?? null),
      locale: input.locale ?? existing?.locale ?? 'en-US',
      bot: input.bot ?? existing?.bot ?? false,
    };
    this.users.set(id, user);
    return user;
  }

  /** Interaction helpers take an optional user; no user means the default one, a bare id means that user as is. */
  resolveUser(input: FakeUserInput | undefined): FakeUser {
    if (!input) return this.users.get(this.defaultUserId)!;
    const onlyId = input.id !== undefined && Object.keys(input).length === 1;
    const known = input.id !== undefined ? this.users.get(input.id) : undefined;
    if (onlyId && known) return known;
    return this.upsertUser(input);
  }

  guild(guildId: string | undefined): GuildState {
    const guild = guildId ? this.guilds.get(guildId) : this.guilds.values().next().value;
    if (!guild) throw new Error(`fake-discord: unknown guild ${guildId ?? '(none configured)'}`);
    return guild;
  }

  /** The channel an interaction happens in: the given one, else the guild's first text channel. */
  channelFor(guildId: string, channelId: string | undefined): JsonObject {
    if (channelId) {
      const channel = this.channels.get(channelId);
      if (!channel) throw new Error(`fake-discord: unknown channel ${channelId}`);
      return channel;
    }
    for (const channel of this.channels.values()) {
      if (channel.guild_id === guildId && channel.type === 0) return channel;
    }
    throw new Error(`fake-discord: guild ${guildId} has no text channel`);
  }

  guildObject(guild: GuildState): JsonObject {
    const channels = [...this.channels.values()].filter((c) => c.guild_id === guild.id);
    const isThread = (c: JsonObject) => c.type === 10 || c.type === 11 || c.type === 12;
    const members = [this.bot, ...[...this.users.values()].filter((u) => u.id !== this.bot.id)];
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      max_members: 500000,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      vanity_url_code: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: guild.preferredLocale,
      nsfw_level: 0,
      features: [],
      roles: guild.roles,
      emojis: [],
      stickers: [],
      soundboard_sounds: [],
      incidents_data: null,
      // GUILD_CREATE-only fields:
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      member_count: members.length,
      voice_states: [],
      members: members.map((u) => memberObject(u, guild.joinedAt)),
      channels: channels.filter((c) => !isThread(c)),
      threads: channels.filter(isThread),
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
    };
  }

  /**
   * The message a create with this nonce already made in the channel, within the window, as
   * Discord answers a create with `enforce_nonce`; undefined when there is none (or it was deleted).
   */
  messageByNonce(channelId: string, nonce: string, now = Date.now()): JsonObject | undefined {
    const seen = this.nonces.get(`${channelId}:${nonce}`);
    return seen && now - seen.at <= this.nonceWindowMs ? this.messages.get(seen.messageId) : undefined;
  }

  rememberNonce(channelId: string, nonce: string, messageId: string, now = Date.now()): void {
    this.nonces.set(`${channelId}:${nonce}`, { messageId, at: now });
  }

  createMessage(input: {
    channelId: string;
    body: JsonObject;
    author?: FakeUser;
    type?: number;
    webhookId?: string;
    interaction?: InteractionState;
    flags?: number;
    attachments?: JsonObject[];
  }): JsonObject {
    const interaction = input.interaction;
    const message = messageObject({
      id: this.ids.next(),
      channelId: input.channelId,
      author: input.author ?? this.bot,
      body: input.body,
      type: input.type ?? 0,
      ...(input.webhookId ? { webhookId: input.webhookId } : {}),
      ...(interaction
        ? {
            applicationId: this.applicationId,
            interactionMetadata: {
              id: interaction.id,
              type: interaction.type,
              user: userObject(this.users.get(interaction.userId) ?? this.bot),
              authorizing_integration_owners: { '0': interaction.guildId },
              ...(interaction.sourceMessageId ? { interacted_message_id: interaction.sourceMessageId } : {}),
            },
          }
        : {}),
      ...(input.flags !== undefined ? { flags: input.flags } : {}),
      ...(input.attachments ? { attachments: input.attachments } : {}),
    });
    this.messages.set(message.id as string, message);
    const channel = this.channels.get(input.channelId);
    if (channel) {
      channel.last_message_id = message.id;
      if (typeof channel.message_count === 'number') channel.message_count += 1;
      if (typeof channel.total_message_sent === 'number') channel.total_message_sent += 1;
    }
    return message;
  }

  editMessage(message: JsonObject, body: JsonObject, attachments?: JsonObject[]): JsonObject {
    for (const field of EDITABLE_MESSAGE_FIELDS) {
      if (field in body) message[field] = body[field];
    }
    if (attachments && attachments.length > 0) {
      const kept = Array.isArray(message.attachments) ? (message.attachments as JsonObject[]) : [];
      message.attachments = [...kept.filter((a) => !attachments.some((n) => n.filename === a.filename)), ...attachments];
    }
    message.edited_timestamp = nowIso();
    return message;
  }

  createThread(input: {
    parent: JsonObject;
    id?: string;
    name: string;
    type: number;
    autoArchiveDuration: number;
    rateLimitPerUser: number;
  }): JsonObject {
    const thread = threadObject({
      id: input.id ?? this.ids.next(),
      guildId: input.parent.guild_id as string,
      parentId: input.parent.id as string,
      ownerId: this.bot.id,
      name: input.name,
      type: input.type,
      autoArchiveDuration: input.autoArchiveDuration,
      rateLimitPerUser: input.rateLimitPerUser,
    });
    this.channels.set(thread.id as string, thread);
    return thread;
  }

  /** The newest message with a component whose custom_id matches, searching nested layouts too. */
  findMessageWithComponent(customId: string): JsonObject | undefined {
    const hasCustomId = (node: unknown): boolean => {
      if (Array.isArray(node)) return node.some(hasCustomId);
      if (node && typeof node === 'object') {
        const obj = node as JsonObject;
        if (obj.custom_id === customId) return true;
        return hasCustomId(obj.components) || hasCustomId(obj.component) || hasCustomId(obj.accessory);
      }
      return false;
    };
    const all = [...this.messages.values()];
    for (let i = all.length - 1; i >= 0; i--) {
      const message = all[i]!;
      if (hasCustomId(message.components)) return message;
    }
    return undefined;
  }
}
