import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterEach } from 'vitest';
import { loadConfig, type Config } from '../../../src/config.js';
import { openRuntime, type Runtime } from '../../../src/runtime.js';
import type { RunningAdapter } from '../../../src/adapter.js';
import { findCommand } from '../../../src/core/commands/index.js';
import { startDiscord, type DiscordOptions } from '../../../adapters/discord/index.js';
import { deployCommands } from '../../../adapters/discord/deploy.js';
import {
  PERMISSIONS,
  startFakeDiscord,
  type FakeDiscord,
  type FakeUserInput,
  type JsonObject,
  type OptionValue,
  type RecordedRequest,
  type SentInteraction,
  type StartFakeDiscordOptions,
} from '../../support/fake-discord/index.js';
import { useStarted } from '../../support/hooks.js';
import { recordingLogger } from '../../support/logger.js';

export const GUILD = '910000000000000001';
export const CHANNEL = '910000000000000010';
export const APP = '910000000000000100';
export const TOKEN = 'test-token';

export const ALICE: FakeUserInput = { id: '710000000000000001', username: 'alice' };
export const BOB: FakeUserInput = { id: '710000000000000002', username: 'bob' };
export const ADMIN: FakeUserInput = { id: '710000000000000003', username: 'moderator', permissions: PERMISSIONS.ManageGuild };

export interface Bot {
  fake: FakeDiscord;
  config: Config;
  runtime: Runtime;
  adapter: RunningAdapter;
  log: ReturnType<typeof recordingLogger>;
  /** Stops the adapter and the runtime, opens a new runtime on the same SQLite file and starts again. */
  restart(): Promise<void>;
  /**
   * Starts another instance (runtime and adapter) on the same fake Discord and SQLite file, with its
   * own log; `close` stops it first. It receives interactions only with `everySession` on the fake.
   */
  another(options?: DiscordOptions): Promise<Instance>;
  close(): Promise<void>;
  /** Runs `/command [subcommand] options…` as Discord would deliver it (flattened commands have no subcommand). */
  slash(command: string, subcommand?: string, options?: Record<string, OptionValue>, user?: FakeUserInput): Promise<SentInteraction>;
  /** Resolves when the interaction has at least `count` successful responses (callback, edits, follow-ups). */
  responses(interaction: SentInteraction, count: number): Promise<RecordedRequest[]>;
}

export interface Instance {
  runtime: Runtime;
  adapter: RunningAdapter;
  log: ReturnType<typeof recordingLogger>;
}

/**
 * `now`, when given, is the clock of every runtime the bot opens (restarts included), so a test can
 * move time on and call `runtime.services.wake()` to run what fell due.
 */
export async function startBot(
  env: Record<string, string> = {}, options: DiscordOptions = {}, now?: () => Date, fakeOptions: Pick<StartFakeDiscordOptions, 'everySession'> = {},
): Promise<Bot> {
  const dir = mkdtempSync(join(tmpdir(), 'rostrum-discord-'));
  const fake = await startFakeDiscord({
    ...fakeOptions,
    guilds: [{ id: GUILD, name: 'Debate Club', channels: [{ id: CHANNEL, name: 'debates', type: 0 }] }],
    applicationId: APP,
    botUserId: APP,
    token: TOKEN,
    users: [ALICE, BOB, ADMIN],
  });
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'rostrum.db'),
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_APPLICATION_ID: APP,
    ...env,
  });
  const log = recordingLogger();
  await deployCommands(config, log, GUILD);
  const open = async () => {
    const opened = await openRuntime(config, log);
    if (now) opened.services.now = now;
    return opened;
  };
  let runtime = await open();
  let adapter = await startDiscord(runtime, config, log, options);
  const others: Instance[] = [];
  const bot: Bot = {
    fake, config, log,
    get runtime() { return runtime; },
    get adapter() { return adapter; },
    async restart() {
      await adapter.stop();
      await runtime.close();
      runtime = await open();
      adapter = await startDiscord(runtime, config, log, options);
    },
    async another(otherOptions = {}) {
      const otherLog = recordingLogger();
      const otherRuntime = await openRuntime(config, otherLog);
      if (now) otherRuntime.services.now = now;
      const instance = { runtime: otherRuntime, adapter: await startDiscord(otherRuntime, config, otherLog, otherOptions), log: otherLog };
      others.push(instance);
      return instance;
    },
    async close() {
      for (const other of others.splice(0)) {
        await other.adapter.stop();
        await other.runtime.close();
      }
      await adapter.stop();
      await runtime.close();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
    slash(command, subcommand, opts = {}, user = ALICE) {
      const spec = findCommand(command);
      const flattened = spec !== undefined && spec.subcommands.length === 1;
      return fake.slashCommand({ name: command, ...(flattened || !subcommand ? {} : { subcommand }), options: opts, user });
    },
    async responses(interaction, count) {
      await fake.waitFor(() => fake.interactionResponses(interaction.id).length >= count, 8000);
      return fake.interactionResponses(interaction.id);
    },
  };
  return bot;
}

export interface SentMessage {
  content: string;
  embeds: APIEmbed[];
  components: { type: number; components: JsonObject[] }[];
  flags: number;
  allowed_mentions?: unknown;
}

/** The message a request sent: a callback's `data`, or a webhook or channel request's body. */
export function sentMessage(r: RecordedRequest): SentMessage {
  const body = (r.body ?? {}) as JsonObject;
  const m = (r.path.endsWith('/callback') ? body.data ?? {} : body) as JsonObject;
  return {
    content: typeof m.content === 'string' ? m.content : '',
    embeds: (m.embeds as APIEmbed[] | undefined) ?? [],
    components: (m.components as SentMessage['components'] | undefined) ?? [],
    flags: typeof m.flags === 'number' ? m.flags : 0,
    allowed_mentions: m.allowed_mentions,
  };
}

export function callbackType(r: RecordedRequest | undefined): number | undefined {
  return r?.path.endsWith('/callback') ? ((r.body as JsonObject).type as number) : undefined;
}

/** Everything a message shows, as one string (content, titles, descriptions, fields, footers). */
export function textOf(m: SentMessage | JsonObject): string {
  const embeds = (m.embeds ?? []) as APIEmbed[];
  return [
    String(m.content ?? ''),
    ...embeds.flatMap((e) => [e.author?.name, e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text]),
  ].filter(Boolean).join('\n');
}

export function buttonIds(m: SentMessage | JsonObject): string[] {
  const rows = (m.components ?? []) as { components?: JsonObject[] }[];
  return rows.flatMap((row) => (row.components ?? []).map((c) => String(c.custom_id)));
}

/** Requests that carry a message the bot sends (replies, updates, edits, follow-ups, channel posts). */
export function messageRequests(fake: FakeDiscord): RecordedRequest[] {
  return fake.requests.filter((r) => {
    if (r.path.endsWith('/callback')) return [4, 7].includes((r.body as JsonObject).type as number);
    if (r.path.startsWith('/webhooks/')) return r.method === 'POST' || r.method === 'PATCH';
    return r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path);
  });
}

/** Checks every test should pass: no mention could ping, the fake saw no error, no token was logged. */
export function assertHygiene(bot: Bot): void {
  const problems: string[] = [];
  for (const r of messageRequests(bot.fake)) {
    const am = sentMessage(r).allowed_mentions;
    if (JSON.stringify(am) !== JSON.stringify({ parse: [] })) problems.push(`${r.method} ${r.path}: allowed_mentions ${JSON.stringify(am)}`);
  }
  if (bot.fake.errors.length) problems.push(`fake errors: ${bot.fake.errors.map(String).join('; ')}`);
  if (bot.fake.unknownRequests.length) problems.push(`unknown routes: ${bot.fake.unknownRequests.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  const logged = JSON.stringify(bot.log.entries);
  if (logged.includes(TOKEN)) problems.push('the bot token was logged');
  const interactionTokens = [...logged.matchAll(/fake-\d+-[\w-]{20,}/g)].map((m) => m[0]);
  if (interactionTokens.length) problems.push(`interaction tokens were logged: ${interactionTokens[0]}`);
  if (problems.length) throw new Error(problems.join('\n'));
}

async function closeChecked(bot: Bot): Promise<void> {
  await bot.close();
  assertHygiene(bot);
}

/**
 * A bot for every test in the file: started before each test (or once, before all, with `per: 'file'`),
 * closed after it and checked with `assertHygiene`. Returns a stand-in that reaches the bot running now.
 */
export function useBot(env: Record<string, string> = {}, options: DiscordOptions = {}, per: 'test' | 'file' = 'test'): Bot {
  return useStarted(() => startBot(env, options), closeChecked, per);
}

/**
 * For tests that start their own bot with their own settings: returns `startBot`, and every bot it
 * started is closed and checked with `assertHygiene` after its test.
 */
export function useStartBot(): typeof startBot {
  const started: Bot[] = [];
  afterEach(async () => {
    for (const bot of started.splice(0)) await closeChecked(bot);
  });
  return async (env, options, now, fakeOptions) => {
    const bot = await startBot(env, options, now, fakeOptions);
    started.push(bot);
    return bot;
  };
}
