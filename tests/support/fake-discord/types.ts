export type JsonObject = Record<string, unknown>;

/** A permissions bitfield as Discord sends it (a decimal string); numbers and bigints are accepted for convenience. */
export type PermissionsInput = string | number | bigint;

export interface FakeChannelInput {
  id: string;
  name: string;
  /** Discord channel type: 0 text (default), 2 voice, 4 category, 5 announcement, 11 public thread, 15 forum. */
  type?: number;
  parentId?: string | null;
  topic?: string | null;
}

export interface FakeRoleInput {
  id: string;
  name: string;
  permissions?: PermissionsInput;
}

export interface FakeGuildInput {
  id: string;
  name: string;
  channels?: FakeChannelInput[];
  roles?: FakeRoleInput[];
  ownerId?: string;
  preferredLocale?: string;
}

export interface FakeUserInput {
  id?: string;
  username?: string;
  globalName?: string | null;
  /** Guild-level permissions of the member, e.g. '32' for Manage Guild. */
  permissions?: PermissionsInput;
  roles?: string[];
  nick?: string | null;
  locale?: string;
  bot?: boolean;
}

export interface FakeUser {
  id: string;
  username: string;
  globalName: string | null;
  permissions: string;
  roles: string[];
  nick: string | null;
  locale: string;
  bot: boolean;
}

export interface StartFakeDiscordOptions {
  guilds?: FakeGuildInput[];
  applicationId?: string;
  botUserId?: string;
  botUsername?: string;
  /** When set, REST calls that need auth and IDENTIFY must present this token; otherwise any token is accepted. */
  token?: string;
  /** Users known up front (members of every guild). A default user always exists. */
  users?: FakeUserInput[];
  /** What the bot is allowed to do, as sent in `app_permissions`. */
  appPermissions?: PermissionsInput;
  heartbeatIntervalMs?: number;
  /**
   * How long a message's nonce is remembered: a create with the same nonce and `enforce_nonce` in that
   * time returns the first message instead of a second one. Discord says "the past few minutes"; 5 by default.
   */
  nonceWindowMs?: number;
  /**
   * Deliver every event to every connected session, as Discord does for several bot instances that
   * identify on the same shard (the default sharding); without it only the newest session gets them.
   */
  everySession?: boolean;
}

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface RecordedRequest {
  /** Position in arrival order, starting at 1. */
  seq: number;
  method: string;
  /** Decoded, without the `/api/v10` prefix, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body (for multipart, the parsed `payload_json`), or undefined when there was none. */
  body: unknown;
  headers: Record<string, string>;
  files: RecordedFile[];
  status: number;
  responseBody: unknown;
  /** Set when the route belongs to an interaction (callback or its webhook). */
  interactionId?: string;
  /** True when the response came from `failNext` rather than the fake's own handling. */
  injected: boolean;
  /** True when no route matched (answered 404 `{ message: 'Unknown', code: 0 }`). */
  unknownRoute: boolean;
  at: number;
}

export type RequestMatcher =
  | ((request: RecordedRequest) => boolean)
  | { method?: string; path?: string | RegExp; status?: number };

export interface FailureSpec {
  method?: string;
  /** Tested against the decoded path without `/api/v10`. A string must match exactly. */
  pathPattern?: RegExp | string;
  status: number;
  /** Seconds, for 429s. Defaults to 0.1. */
  retryAfter?: number;
  global?: boolean;
  /** Discord JSON error code, e.g. 10003 Unknown Channel, 50013 Missing Permissions. */
  code?: number;
  message?: string;
  /** How many matching requests fail before the rule is used up. Defaults to 1. */
  times?: number;
}

export interface InjectedFailure extends Required<Pick<FailureSpec, 'status' | 'times'>> {
  spec: FailureSpec;
  /** How many requests this rule has failed so far. */
  hits: number;
}

export interface InteractionCommon {
  user?: FakeUserInput;
  guildId?: string;
  channelId?: string;
  locale?: string;
  appPermissions?: PermissionsInput;
}

/** A typed option value, for option types JS values can't express (users, channels, roles, mentionables, attachments). */
export interface TypedOptionValue {
  type: number;
  value: string | number | boolean;
}

export type OptionValue = string | number | boolean | TypedOptionValue;

export interface SlashCommandInput extends InteractionCommon {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
}

export interface AutocompleteInput extends SlashCommandInput {
  /** Name of the option the user is typing into; its value in `options` is the partial text (default ''). */
  focused: string;
}

export interface ComponentInput extends InteractionCommon {
  customId: string;
  /** The message holding the component. Defaults to the newest stored message that has a component with `customId`. */
  messageId?: string;
}

export interface SelectMenuInput extends ComponentInput {
  values: string[];
  /** 3 string select (default), 5 user, 6 role, 7 mentionable, 8 channel. */
  componentType?: number;
}

export interface ModalSubmitInput extends InteractionCommon {
  /** Defaults to the custom_id of the most recently shown modal. */
  customId?: string;
  fields: Record<string, string>;
  /** Set when the modal was opened from a component on this message. */
  messageId?: string;
  /** Discord now wraps modal inputs in label components (type 18); older modals use action rows (type 1). */
  layout?: 'actionRow' | 'label';
}

export interface SentInteraction {
  id: string;
  token: string;
  payload: JsonObject;
}
