import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type Interaction,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PERMISSIONS, startFakeDiscord, type FakeDiscord, type JsonObject } from './fake-discord/index.js';

// These tests drive the real discord.js Client against the fake, so they prove the fake speaks the
// protocol well enough for the library, not just that it returns what we expect.

const GUILD_ID = '900000000000000001';
const CHANNEL_ID = '900000000000000010';
const APP_ID = '900000000000000100';

let fake: FakeDiscord;
let client: Client;

beforeEach(async () => {
  fake = await startFakeDiscord({
    guilds: [{ id: GUILD_ID, name: 'Debate Club', channels: [{ id: CHANNEL_ID, name: 'debates', type: 0 }] }],
    applicationId: APP_ID,
    botUserId: APP_ID,
  });
  client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: fake.apiUrl },
    allowedMentions: { parse: [] },
  });
});

afterEach(async () => {
  await client.destroy();
  await fake.close();
  expect(fake.errors).toEqual([]);
});

async function login(): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login('fake-token');
  await ready;
}

/** Runs `fn` on the next interaction; the promise settles when the handler does, errors included. */
function handleNext<T>(fn: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => {
      fn(interaction).then(resolve, reject);
    });
  });
}

const debateRow = () =>
  new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId('debate:join').setLabel('Join').setStyle(ButtonStyle.Primary),
  );

describe('fake Discord with the real discord.js Client', () => {
  it('logs in and becomes ready with the configured guild and channel', async () => {
    await login();
    expect(client.user?.id).toBe(APP_ID);
    expect(client.application?.id).toBe(APP_ID);
    const guild = client.guilds.cache.get(GUILD_ID);
    expect(guild?.name).toBe('Debate Club');
    expect(guild?.channels.cache.get(CHANNEL_ID)?.type).toBe(ChannelType.GuildText);
    expect(fake.identifyCount).toBe(1);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /gateway/bot');
    expect(fake.requests.find((r) => r.path === '/gateway/bot')?.headers.authorization).toBe('Bot fake-token');
  });

  it('delivers a slash command with subcommand and options, and records the reply', async () => {
    await login();
    const handled = handleNext(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error(`unexpected ${interaction.type}`);
      expect(interaction.commandName).toBe('debate');
      expect(interaction.options.getSubcommand()).toBe('start');
      expect(interaction.options.getString('side')).toBe('against');
      expect(interaction.options.getInteger('rounds')).toBe(3);
      expect(interaction.channelId).toBe(CHANNEL_ID);
      expect(interaction.guildId).toBe(GUILD_ID);
      expect(interaction.user.username).toBe('moderator');
      expect(interaction.memberPermissions?.has('ManageGuild')).toBe(true);
      await interaction.reply({
        content: 'Debate started: you argue against.',
        embeds: [new EmbedBuilder().setTitle('Round 1')],
        components: [debateRow()],
        flags: MessageFlags.Ephemeral,
      });
    });
    const sent = await fake.slashCommand({
      name: 'debate',
      subcommand: 'start',
      options: { side: 'against', rounds: 3 },
      user: { id: '700000000000000001', username: 'moderator', permissions: PERMISSIONS.ManageGuild },
    });
    await handled;

    const [callback, ...rest] = fake.interactionResponses(sent.id);
    expect(rest).toEqual([]);
    expect(callback?.method).toBe('POST');
    expect(callback?.path).toBe(`/interactions/${sent.id}/${sent.token}/callback`);
    const body = callback?.body as { type: number; data: JsonObject };
    expect(body.type).toBe(4);
    expect(body.data.content).toBe('Debate started: you argue against.');
    expect(body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(body.data.embeds).toEqual([{ title: 'Round 1' }]);
    expect(body.data.components).toMatchObject([{ type: 1, components: [{ custom_id: 'debate:join' }] }]);
    const stored = fake.channelMessages(CHANNEL_ID);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.content).toBe('Debate started: you argue against.');
  });

  it('puts the client-wide allowed_mentions in the reply payload', async () => {
    await login();
    const handled = handleNext(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.reply('Hello <@700000000000000001> and @everyone');
    });
    const sent = await fake.slashCommand({ name: 'ping' });
    await handled;
    const body = fake.interactionResponses(sent.id)[0]?.body as { data: JsonObject };
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('records deferReply then editReply as a type 5 callback and a PATCH of @original', async () => {
    await login();
    const handled = handleNext(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.deferReply();
      const edited = await interaction.editReply({ content: 'Judged: the motion carries.' });
      expect(edited.content).toBe('Judged: the motion carries.');
    });
    const sent = await fake.slashCommand({ name: 'debate', subcommand: 'judge' });
    await handled;

    const responses = fake.interactionResponses(sent.id);
    expect(responses.map((r) => r.method)).toEqual(['POST', 'PATCH']);
    expect((responses[0]?.body as JsonObject).type).toBe(5);
    expect(responses[1]?.path).toBe(`/webhooks/${APP_ID}/${sent.token}/messages/@original`);
    expect((responses[1]?.body as JsonObject).content).toBe('Judged: the motion carries.');
    // The edit resolved the deferred (loading) message in place.
    const [message] = fake.channelMessages(CHANNEL_ID);
    expect(message?.content).toBe('Judged: the motion carries.');
    expect(Number(message?.flags) & MessageFlags.Loading).toBe(0);
  });

  it('delivers a button click on a posted message, and update() arrives as type 7', async () => {
    await login();
    const replied = handleNext(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.reply({ content: 'Who argues for?', components: [debateRow()] });
    });
    await fake.slashCommand({ name: 'debate', subcommand: 'start' });
    await replied;
    const posted = fake.channelMessages(CHANNEL_ID)[0]!;

    const clicked = handleNext(async (interaction) => {
      if (!interaction.isButton()) throw new Error('expected a button');
      expect(interaction.customId).toBe('debate:join');
      expect(interaction.message.id).toBe(posted.id);
      expect(interaction.message.content).toBe('Who argues for?');
      await interaction.update({ content: 'Alice argues for.', components: [] });
    });
    const click = await fake.clickButton({ customId: 'debate:join', user: { username: 'alice' } });
    await clicked;

    const [callback] = fake.interactionResponses(click.id);
    expect((callback?.body as JsonObject).type).toBe(7);
    expect(fake.message(posted.id as string)).toMatchObject({ content: 'Alice argues for.', components: [] });
  });

  it('records showModal as type 9 and delivers the modal submit with its field value', async () => {
    await login();
    const opened = handleNext(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      const modal = new ModalBuilder()
        .setCustomId('debate:argue')
        .setTitle('Your argument')
        .addComponents(
          new ActionRowBuilder<TextInputBuilder>().addComponents(
            new TextInputBuilder().setCustomId('argument').setLabel('Argument').setStyle(TextInputStyle.Paragraph),
          ),
        );
      await interaction.showModal(modal);
    });
    const command = await fake.slashCommand({ name: 'debate', subcommand: 'argue' });
    await opened;
    expect((fake.interactionResponses(command.id)[0]?.body as JsonObject).type).toBe(9);
    expect(fake.modals.at(-1)?.customId).toBe('debate:argue');

    const submitted = handleNext(async (interaction) => {
      if (!interaction.isModalSubmit()) throw new Error('expected a modal submit');
      expect(interaction.customId).toBe('debate:argue');
      const argument = interaction.fields.getTextInputValue('argument');
      await interaction.reply({ content: `Noted: ${argument}`, flags: MessageFlags.Ephemeral });
      return argument;
    });
    const submit = await fake.submitModal({ fields: { argument: 'Homework should be abolished.' } });
    expect(await submitted).toBe('Homework should be abolished.');
    expect((fake.interactionResponses(submit.id)[0]?.body as { data: JsonObject }).data.content).toBe(
      'Noted: Homework should be abolished.',
    );
  });

  it('answers autocomplete with a type 8 callback', async () => {
    await login();
    const handled = handleNext(async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      const focused = interaction.options.getFocused(true);
      expect(focused).toMatchObject({ name: 'motion', value: 'home' });
      await interaction.respond([{ name: 'Homework should be abolished', value: 'homework' }]);
    });
    const sent = await fake.autocomplete({
      name: 'debate',
      subcommand: 'start',
      options: { motion: 'home' },
      focused: 'motion',
    });
    await handled;
    expect(fake.interactionResponses(sent.id)[0]?.body).toEqual({
      type: 8,
      data: { choices: [{ name: 'Homework should be abolished', value: 'homework' }] },
    });
  });

  it('lets discord.js retry a 429 on the callback, ending with exactly one successful callback', async () => {
    await login();
    const failure = fake.failNext({ method: 'POST', pathPattern: /\/callback$/, status: 429, retryAfter: 0.2 });
    const handled = handleNext(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.reply({ content: 'Made it through the rate limit.' });
    });
    const sent = await fake.slashCommand({ name: 'ping' });
    await handled;

    expect(failure.hits).toBe(1);
    const attempts = fake.interactionResponses(sent.id, { includeFailed: true });
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(attempts[0]?.injected).toBe(true);
    const successes = fake.interactionResponses(sent.id);
    expect(successes).toHaveLength(1);
    expect((successes[0]?.body as { data: JsonObject }).data.content).toBe('Made it through the rate limit.');
  });

  it('turns an injected 404 into a DiscordAPIError with the Discord code', async () => {
    await login();
    fake.failNext({ method: 'POST', pathPattern: `/channels/${CHANNEL_ID}/messages`, status: 404, code: 10003 });
    const channel = await client.channels.fetch(CHANNEL_ID);
    if (!channel?.isSendable()) throw new Error('expected a sendable channel');
    const error = await channel.send('lost').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(10003);
    // The failure was one-off.
    const message = await channel.send('found');
    expect(fake.message(message.id)?.content).toBe('found');
  });

  it('stores channel messages and threads started from them', async () => {
    await login();
    const channel = await client.channels.fetch(CHANNEL_ID);
    if (channel?.type !== ChannelType.GuildText) throw new Error('expected a text channel');
    const message = await channel.send({ content: 'Motion: homework should be abolished.' });
    const thread = await message.startThread({ name: 'Homework debate' });
    expect(thread.id).toBe(message.id);
    expect(thread.parentId).toBe(CHANNEL_ID);
    await thread.send('Opening statement.');
    expect(fake.threads(CHANNEL_ID).map((t) => t.name)).toEqual(['Homework debate']);
    expect(fake.channelMessages(thread.id).map((m) => m.content)).toEqual(['Opening statement.']);
    await fake.waitFor({ method: 'POST', path: `/channels/${thread.id}/messages` });
    expect(fake.unknownRequests).toEqual([]);
  });

  it('resumes after a dropped gateway connection and keeps delivering interactions', async () => {
    await login();
    await fake.disconnectGateway();
    // Sent while disconnected: the fake queues it for the resumed session, as Discord would.
    const handled = handleNext(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a slash command');
      await interaction.reply('Still here.');
    });
    const sent = await fake.slashCommand({ name: 'ping' });
    await handled;
    expect(fake.resumeCount).toBe(1);
    expect(fake.identifyCount).toBe(1);
    expect(fake.interactionResponses(sent.id)).toHaveLength(1);
  });
});
