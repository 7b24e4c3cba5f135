import { Client, Events, GatewayIntentBits, Options, type Interaction } from 'discord.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/core/logger.js';
import type { Runtime } from '../../src/runtime.js';
import { StartAborted, startPlatformBackground, unlessAborted, type RunningAdapter } from '../../src/adapter.js';
import { describeError } from './errors.js';
import { answerWhileStopping, handleInteraction } from './interactions.js';
import { InteractionWebhooks } from './interaction-webhooks.js';
import { inviteUrl } from './invite.js';
import { discordPoster } from './poster.js';
import { sentAsIs } from './payload.js';

export interface DiscordOptions {
  /** Wait this long for the core before deferring (default 1200 ms); 0 defers every answer first. */
  deferAfterMs?: number;
  /** Give up on an interaction whose request claim takes longer than this (default 2500 ms); see interactions.ts. */
  claimTimeoutMs?: number;
  /** A stop signal that comes while connecting calls the connection off (StartAborted). */
  signal?: AbortSignal;
}

const DEFAULT_DEFER_AFTER_MS = 1200;
/**
 * Discord allows 3 s from the click to the first response. The defer follows the claim at once, so
 * a claim that comes within 2.5 s still leaves the defer its trip to Discord; a later one would be
 * refused as expired anyway.
 */
const DEFAULT_CLAIM_TIMEOUT_MS = 2500;

/**
 * Creates the discord.js Client and keeps it connected. Only the Guilds intent: interactions arrive
 * without any intent, and Guilds keeps the channel cache that posting and threads use; no
 * privileged intents (members, presences, message content) are needed or asked for.
 * `allowedMentions: { parse: [] }` on the Client covers every message the bot sends, so no text a
 * user typed (an argument, a name) can ping @everyone, @here, a role or a user.
 */
export function createClient(config: Config): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    // discord.js keeps up to 200 messages per channel: each clicked message (a button interaction
    // carries it) and each message an edit or follow-up returns. Nothing here reads them back — a
    // click's message id comes with the interaction, a thread starts from the Message object a post
    // returns — so in a busy bot they only made the heap grow with every channel it answered in.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
    // What we send (embeds, button rows, modals, autocomplete choices) is built in Discord's own API
    // shapes (APIEmbed, APIActionRowComponent…: snake_case, no builders, emoji as objects), which the
    // types hold us to. discord.js's default transformer would rewrite every key of every message
    // through lodash.snakecase to the same names, a few per cent of each interaction's CPU.
    jsonTransformer: sentAsIs,
    // Discord requires sharding from 2,500 servers: 'auto' opens as many gateway shards as Discord
    // recommends (GET /gateway/bot), so a growing bot keeps connecting without a config change.
    // Several instances split the gateway by each holding its own ids out of a shared count.
    ...(config.DISCORD_SHARDS && config.DISCORD_SHARD_COUNT
      ? { shards: config.DISCORD_SHARDS, shardCount: config.DISCORD_SHARD_COUNT }
      : { shards: 'auto' as const }),
    // With DISCORD_API_URL every REST call goes there; the gateway address is then discovered through it.
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  });
}

export async function startDiscord(runtime: Runtime, config: Config, logger: Logger, options: DiscordOptions = {}): Promise<RunningAdapter> {
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set: the Discord adapter needs the bot token.');
  const log = logger.child({ platform: 'discord' });
  const client = createClient(config);
  const webhooks = new InteractionWebhooks(client);
  const deps = {
    webhooks,
    services: runtime.services,
    log,
    deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    claimTimeoutMs: options.claimTimeoutMs ?? DEFAULT_CLAIM_TIMEOUT_MS,
  };
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    // Once stopping, a new interaction is answered with "try again" rather than started.
    const run: Promise<void> = (stopping ? answerWhileStopping(interaction, deps) : handleInteraction(interaction, deps))
      .catch((err: unknown) => log.error({ err: describeError(err), interaction: interaction.id, type: interaction.type }, 'interaction failed'))
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
  });
  client.on(Events.Error, (err) => log.error({ err: describeError(err) }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    const token = config.DISCORD_TOKEN;
    await unlessAborted('discord', options.signal, (async () => {
      await client.login(token);
      await ready;
    })(), () => client.destroy());
  } catch (err) {
    webhooks.close();
    if (err instanceof StartAborted) {
      log.info({ whileConnecting: true }, 'disconnected from Discord');
      throw err;
    }
    await client.destroy();
    throw new Error(`could not connect to Discord: ${err instanceof Error ? err.message : String(err)}`);
  }
  const applicationId = client.application?.id ?? client.user?.id;
  log.info({ bot: client.user?.tag, guilds: client.guilds.cache.size, ...(applicationId ? { invite: inviteUrl(applicationId) } : {}) }, 'connected to Discord');

  const background = startPlatformBackground(runtime, 'discord', discordPoster(client, log));

  return {
    platform: 'discord',
    async stop() {
      stopping = true;
      // Interactions already being answered finish (their replies need the client), then background work.
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      await background.stop();
      await client.destroy();
      webhooks.close();
      log.info({}, 'disconnected from Discord');
    },
  };
}
