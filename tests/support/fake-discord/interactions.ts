import { randomBytes } from 'node:crypto';
import { memberObject, permissionString } from './payloads.js';
import type { InteractionState, World } from './state.js';
import type {
  AutocompleteInput,
  ComponentInput,
  InteractionCommon,
  JsonObject,
  ModalSubmitInput,
  OptionValue,
  SelectMenuInput,
  SlashCommandInput,
} from './types.js';

// Builds INTERACTION_CREATE payloads the way Discord shapes them for a guild interaction, and
// registers each one in the world so its callback and webhook routes can be tied back to it.

const InteractionType = { ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4, ModalSubmit: 5 } as const;
const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

function base(world: World, type: number, common: InteractionCommon, message?: JsonObject) {
  const guild = world.guild(common.guildId);
  const channelId = common.channelId ?? (message?.channel_id as string | undefined);
  const channel = world.channelFor(guild.id, channelId);
  const user = world.resolveUser(common.user);
  const id = world.ids.next();
  // Real tokens are long opaque strings; the id prefix only makes fake ones easy to read in failures.
  const token = `fake-${id}-${randomBytes(24).toString('base64url')}`;
  const payload: JsonObject = {
    id,
    application_id: world.applicationId,
    type,
    token,
    version: 1,
    guild_id: guild.id,
    guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
    channel_id: channel.id,
    channel: { ...channel, permissions: user.permissions },
    member: memberObject(user, guild.joinedAt, { withPermissions: true }),
    app_permissions: permissionString(common.appPermissions, BigInt(world.appPermissions)),
    locale: common.locale ?? user.locale,
    guild_locale: guild.preferredLocale,
    entitlements: [],
    authorizing_integration_owners: { '0': guild.id },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
    ...(message ? { message } : {}),
  };
  const state: InteractionState = {
    id,
    token,
    type,
    guildId: guild.id,
    channelId: channel.id as string,
    userId: user.id,
    payload,
    callbackType: null,
    originalMessageId: null,
    sourceMessageId: (message?.id as string | undefined) ?? null,
  };
  return { payload, state };
}

function register(world: World, state: InteractionState): void {
  world.interactions.set(state.id, state);
  world.interactionsByToken.set(state.token, state);
}

/** Finds the registered definition so option types match what the bot declared (integer vs number...). */
function declaredOptions(world: World, guildId: string, input: SlashCommandInput): JsonObject[] | undefined {
  const command = [...(world.commands.get(guildId) ?? []), ...(world.commands.get('') ?? [])].find(
    (c) => c.name === input.name && (c.type ?? 1) === 1,
  );
  if (!command) return undefined;
  let options = (command.options as JsonObject[] | undefined) ?? [];
  for (const level of [input.subcommandGroup, input.subcommand]) {
    if (level === undefined) continue;
    const next = options.find((o) => o.name === level);
    options = (next?.options as JsonObject[] | undefined) ?? [];
  }
  return options;
}

function inferType(value: OptionValue, declared: JsonObject | undefined): number {
  if (typeof value === 'object') return value.type;
  if (typeof declared?.type === 'number') return declared.type;
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

function buildOptions(
  world: World,
  guildId: string,
  input: SlashCommandInput,
  focused?: string,
): { options: JsonObject[]; resolved: JsonObject | undefined } {
  const declared = declaredOptions(world, guildId, input);
  const resolved: Record<string, Record<string, JsonObject>> = {};
  const guild = world.guild(guildId);
  const leafEntries = Object.entries(input.options ?? {});
  if (focused !== undefined && !(focused in (input.options ?? {}))) leafEntries.push([focused, '']);

  const leaves = leafEntries.map(([name, raw]) => {
    const type = inferType(raw, declared?.find((o) => o.name === name));
    const value = typeof raw === 'object' ? raw.value : raw;
    if (type === OptionType.User || type === OptionType.Mentionable) {
      const user = world.users.get(String(value));
      if (user) {
        (resolved.users ??= {})[user.id] = memberObject(user, guild.joinedAt).user as JsonObject;
        const { user: _omit, ...member } = memberObject(user, guild.joinedAt, { withPermissions: true });
        (resolved.members ??= {})[user.id] = member;
      }
    }
    if (type === OptionType.Channel) {
      const channel = world.channels.get(String(value));
      if (channel) (resolved.channels ??= {})[channel.id as string] = { ...channel, permissions: world.appPermissions };
    }
    if (type === OptionType.Role || type === OptionType.Mentionable) {
      const role = guild.roles.find((r) => r.id === String(value));
      if (role) (resolved.roles ??= {})[role.id as string] = role;
    }
    return { name, type, value, ...(name === focused ? { focused: true } : {}) };
  });

  let options: JsonObject[] = leaves;
  if (input.subcommand !== undefined) {
    options = [{ name: input.subcommand, type: OptionType.Subcommand, options }];
  }
  if (input.subcommandGroup !== undefined) {
    options = [{ name: input.subcommandGroup, type: OptionType.SubcommandGroup, options }];
  }
  return { options, resolved: Object.keys(resolved).length > 0 ? resolved : undefined };
}

function commandId(world: World, guildId: string, name: string): string {
  const all = [...(world.commands.get(guildId) ?? []), ...(world.commands.get('') ?? [])];
  const found = all.find((c) => c.name === name);
  if (found) return found.id as string;
  // Unregistered commands still need a stable id per name, as discord.js caches commands by id.
  let id = world.adHocCommandIds.get(name);
  if (!id) {
    id = world.ids.next();
    world.adHocCommandIds.set(name, id);
  }
  return id;
}

function commandData(world: World, guildId: string, input: SlashCommandInput, focused?: string): JsonObject {
  const { options, resolved } = buildOptions(world, guildId, input, focused);
  const registered = [...(world.commands.get(guildId) ?? [])].some((c) => c.name === input.name);
  return {
    id: commandId(world, guildId, input.name),
    name: input.name,
    type: 1,
    options,
    ...(registered ? { guild_id: guildId } : {}),
    ...(resolved ? { resolved } : {}),
  };
}

export function buildSlashCommand(world: World, input: SlashCommandInput): InteractionState {
  const { payload, state } = base(world, InteractionType.ApplicationCommand, input);
  payload.data = commandData(world, state.guildId, input);
  register(world, state);
  return state;
}

export function buildAutocomplete(world: World, input: AutocompleteInput): InteractionState {
  const { payload, state } = base(world, InteractionType.Autocomplete, input);
  payload.data = commandData(world, state.guildId, input, input.focused);
  register(world, state);
  return state;
}

function sourceMessage(world: World, input: ComponentInput): JsonObject {
  const message = input.messageId
    ? world.messages.get(input.messageId)
    : world.findMessageWithComponent(input.customId);
  if (!message) {
    throw new Error(
      input.messageId
        ? `fake-discord: no stored message ${input.messageId}`
        : `fake-discord: no stored message has a component with custom_id '${input.customId}'`,
    );
  }
  // A snapshot, so later edits to the stored message don't rewrite what this interaction carried.
  return structuredClone(message);
}

export function buildButtonClick(world: World, input: ComponentInput): InteractionState {
  const message = sourceMessage(world, input);
  const { payload, state } = base(world, InteractionType.MessageComponent, input, message);
  payload.data = { custom_id: input.customId, component_type: 2 };
  register(world, state);
  return state;
}

export function buildSelectMenu(world: World, input: SelectMenuInput): InteractionState {
  const message = sourceMessage(world, input);
  const { payload, state } = base(world, InteractionType.MessageComponent, input, message);
  payload.data = { custom_id: input.customId, component_type: input.componentType ?? 3, values: input.values };
  register(world, state);
  return state;
}

export function buildModalSubmit(world: World, input: ModalSubmitInput): InteractionState {
  const customId = input.customId ?? world.modals.at(-1)?.customId;
  if (customId === undefined) throw new Error('fake-discord: submitModal needs a customId (no modal has been shown)');
  const message = input.messageId ? world.messages.get(input.messageId) : undefined;
  if (input.messageId && !message) throw new Error(`fake-discord: no stored message ${input.messageId}`);
  const { payload, state } = base(
    world,
    InteractionType.ModalSubmit,
    input,
    message ? structuredClone(message) : undefined,
  );
  const inputs = Object.entries(input.fields).map(([id, value], i) => ({ type: 4, id: i * 2 + 2, custom_id: id, value }));
  const components =
    input.layout === 'label'
      ? inputs.map((component, i) => ({ type: 18, id: i * 2 + 1, component }))
      : inputs.map((component, i) => ({ type: 1, id: i * 2 + 1, components: [component] }));
  payload.data = { custom_id: customId, components };
  register(world, state);
  return state;
}
