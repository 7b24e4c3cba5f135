import type { AddressInfo } from 'node:net';
import { App, type AppOptions } from '@slack/bolt';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/core/logger.js';
import type { Runtime } from '../../src/runtime.js';
import { startPlatformBackground, unlessAborted, type RunningAdapter } from '../../src/adapter.js';
import { AdminCheck } from './admin.js';
import { boltLevel, boltLogger } from './bolt-logger.js';
import { registerHandlers } from './handlers.js';
import { AFTER_ACK_DEFAULTS, AfterAckQueue, type AfterAckOptions } from './after-ack.js';
import { responseUrls } from './deliver.js';
import { slackPoster } from './poster.js';
import { withFiles } from './files.js';

export const EVENTS_PATH = '/slack/events';

export interface SlackStartOptions {
  /** A stop signal that comes while connecting calls the start-up off (StartAborted). */
  signal?: AbortSignal;
  /** Overrides PORT for HTTP mode; 0 picks a free port (tests), read it back from `port`. */
  port?: number;
  host?: string;
  /** How the work after each ack is queued (after-ack.ts); tests set a small concurrency. */
  afterAck?: Partial<AfterAckOptions>;
}

export interface RunningSlack extends RunningAdapter {
  mode: 'socket' | 'http';
  /** The port the HTTP receiver listens on; null in Socket Mode. */
  port: number | null;
  /** Resolves once every request acknowledged so far has been answered in full. */
  settled(): Promise<void>;
}

/** Web API settings; a fresh object per App, because Bolt writes into the one it is given. */
function clientOptions(config: Config): NonNullable<AppOptions['clientOptions']> {
  return {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL.endsWith('/') ? config.SLACK_API_URL : `${config.SLACK_API_URL}/` } : {}),
    // A person is usually waiting: a few quick retries (after any Retry-After) rather than the
    // client's default of ten over half an hour.
    retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 3000 },
    timeout: 10_000,
  };
}

/**
 * Starts rostrum on Slack: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP on PORT at
 * /slack/events with signatures verified. Also starts the background loop (quiz reveals, scheduled
 * prompts) that posts into Slack channels. `stop()` lets work in flight finish, then disconnects.
 */
export async function startSlack(runtime: Runtime, config: Config, logger: Logger, options: SlackStartOptions = {}): Promise<RunningSlack> {
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new Error('SLACK_BOT_TOKEN is not set: a bot token starting with xoxb- is needed to run on Slack');
  const log = logger.child({ platform: 'slack' });
  const mode = config.SLACK_APP_TOKEN ? 'socket' : 'http';
  const common: AppOptions = {
    token,
    clientOptions: clientOptions(config),
    logger: boltLogger(log, boltLevel(config.LOG_LEVEL)),
    // auth.test runs in init() below, so a wrong token fails start-up with Slack's reason.
    deferInitialization: true,
  };
  let app: App;
  if (mode === 'socket') {
    app = new App({ ...common, appToken: config.SLACK_APP_TOKEN, socketMode: true });
  } else {
    if (!config.SLACK_SIGNING_SECRET) throw new Error('SLACK_SIGNING_SECRET is not set: HTTP mode needs it (or set SLACK_APP_TOKEN for Socket Mode)');
    app = new App({ ...common, signingSecret: config.SLACK_SIGNING_SECRET, endpoints: EVENTS_PATH });
  }
  // auth.test and the connection are called off by a stop signal instead of being waited for.
  const halt = async () => { await app.stop().catch(() => {}); };
  await unlessAborted('slack', options.signal, app.init(), halt);

  const work = new AfterAckQueue({ ...AFTER_ACK_DEFAULTS, ...options.afterAck });
  const urls = responseUrls();
  registerHandlers(app, {
    services: runtime.services,
    admin: new AdminCheck(app.client, config.SLACK_ADMIN_USERS, log),
    logger: log,
    work,
    responseUrls: urls,
  });

  let port: number | null = null;
  if (mode === 'socket') {
    await unlessAborted('slack', options.signal, app.start(), halt);
  } else {
    const server = await unlessAborted('slack', options.signal, app.start({ port: options.port ?? config.PORT, ...(options.host ? { host: options.host } : {}) }), halt);
    port = (server.address() as AddressInfo).port;
  }
  const background = startPlatformBackground(runtime, 'slack', withFiles(slackPoster(app.client, log), app.client, log));
  log.info({ mode, port }, 'Slack adapter running');
  let stopping: Promise<void> | undefined;

  return {
    platform: 'slack',
    mode,
    port,
    settled: () => work.drain(),
    stop() {
      stopping ??= (async () => {
        await background.stop();
        await work.drain();
        urls.close();
        await app.stop();
        log.info({ mode }, 'Slack adapter stopped');
      })();
      return stopping;
    },
  };
}
