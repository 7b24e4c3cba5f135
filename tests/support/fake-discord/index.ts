import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FailureQueue } from './failures.js';
import { FakeGateway, type GatewayLogEntry } from './gateway.js';
import {
  buildAutocomplete,
  buildButtonClick,
  buildModalSubmit,
  buildSelectMenu,
  buildSlashCommand,
} from './interactions.js';
import { RequestRecorder, toPredicate } from './recorder.js';
import { createRestHandler } from './rest.js';
import type { Route } from './router.js';
import { appRoutes } from './routes-app.js';
import { channelRoutes } from './routes-channels.js';
import { interactionRoutes } from './routes-interactions.js';
import { World, type InteractionState, type ShownModal } from './state.js';
import type {
  AutocompleteInput,
  ComponentInput,
  FailureSpec,
  FakeUser,
  FakeUserInput,
  InjectedFailure,
  JsonObject,
  ModalSubmitInput,
  RecordedRequest,
  RequestMatcher,
  SelectMenuInput,
  SentInteraction,
  SlashCommandInput,
  StartFakeDiscordOptions,
} from './types.js';

export type * from './types.js';
export type { GatewayLogEntry } from './gateway.js';
export type { InteractionState, ShownModal } from './state.js';
export { PERMISSIONS } from './payloads.js';

const ROUTES: readonly Route[] = [...interactionRoutes, ...channelRoutes, ...appRoutes];
/** How long interaction helpers wait for a client to be logged in before giving up. */
const SESSION_WAIT_MS = 10_000;

/**
 * A fake Discord (REST under `/api/v10` and a gateway at `/gateway`) on 127.0.0.1, for driving the
 * real discord.js Client offline. Point the client at it with `rest: { api: fake.apiUrl }`.
 */
export class FakeDiscord {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly port: number;
  /** Exceptions thrown inside the fake's own handlers (answered as 500s); a passing test expects none. */
  readonly errors: unknown[];
  readonly #world: World;
  readonly #recorder: RequestRecorder;
  readonly #failures: FailureQueue;
  readonly #gateway: FakeGateway;
  readonly #server: Server;

  /** @internal Use `startFakeDiscord`. */
  constructor(parts: {
    port: number;
    world: World;
    recorder: RequestRecorder;
    failures: FailureQueue;
    gateway: FakeGateway;
    server: Server;
    errors: unknown[];
  }) {
    this.port = parts.port;
    this.apiUrl = `http://127.0.0.1:${parts.port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${parts.port}/gateway`;
    this.#world = parts.world;
    this.#recorder = parts.recorder;
    this.#failures = parts.failures;
    this.#gateway = parts.gateway;
    this.#server = parts.server;
    this.errors = parts.errors;
  }

  // --- the world -------------------------------------------------------------------------------

  get applicationId(): string {
    return this.#world.applicationId;
  }

  get botUser(): FakeUser {
    return this.#world.bot;
  }

  /** The first configured guild, which interaction helpers use when no guildId is given. */
  get guildId(): string {
    return this.#world.guild(undefined).id;
  }

  /** The user interaction helpers act as when no user is given. */
  get defaultUser(): FakeUser {
    return this.#world.users.get(this.#world.defaultUserId)!;
  }

  /** Creates or updates a user (a member of every guild). Fields left out keep their current values. */
  user(input: FakeUserInput = {}): FakeUser {
    return this.#world.upsertUser(input);
  }

  channel(channelId: string): JsonObject | undefined {
    return this.#world.channels.get(channelId);
  }

  /** The current state of a stored message (after edits), or undefined once deleted. */
  message(messageId: string): JsonObject | undefined {
    return this.#world.messages.get(messageId);
  }

  /** Stored messages in a channel, oldest first, as they are now. Includes ephemeral ones (flags & 64). */
  channelMessages(channelId: string): JsonObject[] {
    return [...this.#world.messages.values()].filter((m) => m.channel_id === channelId);
  }

  /** Message creates answered with an earlier message because their enforced nonce was seen. */
  get nonceRepeats(): number {
    return this.#world.nonceRepeats;
  }

  /** Threads created under a channel, oldest first. */
  threads(parentId: string): JsonObject[] {
    return [...this.#world.channels.values()].filter((c) => c.parent_id === parentId && 'thread_metadata' in c);
  }

  interaction(interactionId: string): InteractionState | undefined {
    return this.#world.interactions.get(interactionId);
  }

  /** Modals shown with `showModal`, oldest first. */
  get modals(): readonly ShownModal[] {
    return this.#world.modals;
  }

  /** Registered application commands; no guildId means the global ones. */
  commands(guildId?: string): JsonObject[] {
    return this.#world.commands.get(guildId ?? '') ?? [];
  }

  // --- interactions ------------------------------------------------------------------------------

  /** `/name [group] [subcommand] options...`. Option types come from the registered command when there is one. */
  slashCommand(input: SlashCommandInput): Promise<SentInteraction> {
    return this.#send(() => buildSlashCommand(this.#world, input));
  }

  autocomplete(input: AutocompleteInput): Promise<SentInteraction> {
    return this.#send(() => buildAutocomplete(this.#world, input));
  }

  clickButton(input: ComponentInput): Promise<SentInteraction> {
    return this.#send(() => buildButtonClick(this.#world, input));
  }

  selectMenu(input: SelectMenuInput): Promise<SentInteraction> {
    return this.#send(() => buildSelectMenu(this.#world, input));
  }

  submitModal(input: ModalSubmitInput): Promise<SentInteraction> {
    return this.#send(() => buildModalSubmit(this.#world, input));
  }

  /** Sends any gateway dispatch (e.g. 'GUILD_MEMBER_ADD') to the connected client. */
  async dispatch(event: string, data: JsonObject): Promise<void> {
    await this.#gateway.waitForSession(SESSION_WAIT_MS);
    this.#gateway.dispatch(event, data);
  }

  async #send(build: () => InteractionState): Promise<SentInteraction> {
    // Build first so a mistake in the test (unknown message, no modal) fails fast, not after a wait.
    const state = build();
    await this.#gateway.waitForSession(SESSION_WAIT_MS);
    this.#gateway.dispatch('INTERACTION_CREATE', state.payload);
    return { id: state.id, token: state.token, payload: state.payload };
  }

  // --- requests --------------------------------------------------------------------------------

  /** Every REST request so far, in arrival order, including failed and injected ones. */
  get requests(): readonly RecordedRequest[] {
    return this.#recorder.requests;
  }

  /** Requests no route matched; a test that expects full coverage can assert this is empty. */
  get unknownRequests(): RecordedRequest[] {
    return this.#recorder.requests.filter((r) => r.unknownRoute);
  }

  /**
   * The callback and webhook requests (edits, follow-ups, fetches) of one interaction, in order.
   * Only successful ones unless `includeFailed`, so a retried 429 shows up once.
   */
  interactionResponses(interactionId: string, opts: { includeFailed?: boolean } = {}): RecordedRequest[] {
    const ok = (r: RecordedRequest) => opts.includeFailed || (r.status >= 200 && r.status < 300);
    return this.#recorder.ofInteraction(interactionId).filter(ok);
  }

  /** Resolves with the first request (already recorded or still to come) that matches. */
  waitFor(matcher: RequestMatcher, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.#recorder.waitFor(matcher, timeoutMs);
  }

  /** Resolves with the first of one interaction's requests (already recorded or still to come) that matches. */
  waitForInteraction(interactionId: string, matcher: RequestMatcher, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.#recorder.waitForOf(interactionId, matcher, timeoutMs);
  }

  /** Resolves with the interaction's successful callback (`body.type` is the response type). */
  waitForCallback(interactionId: string, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.#recorder.waitForOf(interactionId, (r) => r.path.endsWith('/callback') && r.status < 300, timeoutMs);
  }

  /** All recorded requests that match, in order. */
  find(matcher: RequestMatcher): RecordedRequest[] {
    return this.#recorder.requests.filter(toPredicate(matcher));
  }

  /**
   * Makes the next matching request(s) fail. A 429 carries the headers @discordjs/rest reads, so the
   * library waits `retryAfter` seconds and retries by itself; 5xx are also retried (up to 3 times);
   * 4xx become a DiscordAPIError with `code` in the bot.
   */
  failNext(spec: FailureSpec): InjectedFailure {
    return this.#failures.add(spec);
  }

  clearFailures(): void {
    this.#failures.clear();
  }

  // --- gateway -----------------------------------------------------------------------------------

  get identifyCount(): number {
    return this.#gateway.identifyCount;
  }

  get resumeCount(): number {
    return this.#gateway.resumeCount;
  }

  get gatewayConnectionCount(): number {
    return this.#gateway.connectionCount;
  }

  /** Gateway frames in both directions, oldest first. */
  get gatewayLog(): readonly GatewayLogEntry[] {
    return this.#gateway.log;
  }

  /** Whether a client is identified and connected right now. */
  get gatewayConnected(): boolean {
    return this.#gateway.connected;
  }

  /** Resolves once a client has identified (READY and GUILD_CREATEs sent). */
  waitForSession(timeoutMs = SESSION_WAIT_MS): Promise<void> {
    return this.#gateway.waitForSession(timeoutMs);
  }

  /**
   * Simulates a dropped gateway connection. By default discord.js resumes (about 0.5 s later);
   * with `resumable: false` it must identify again, which its identify throttle may delay by ~5 s.
   */
  disconnectGateway(opts: { code?: number; resumable?: boolean; abrupt?: boolean } = {}): Promise<void> {
    return this.#gateway.disconnect(opts);
  }

  requestReconnect(): void {
    this.#gateway.requestReconnect();
  }

  invalidateSession(resumable = false): void {
    this.#gateway.invalidateSession(resumable);
  }

  /** Stops listening and cuts every socket. Destroy the client first, or it will keep trying to reconnect. */
  async close(): Promise<void> {
    const gatewayClosed = this.#gateway.close();
    this.#server.closeAllConnections();
    await Promise.all([gatewayClosed, new Promise<void>((resolve) => this.#server.close(() => resolve()))]);
  }
}

export async function startFakeDiscord(options: StartFakeDiscordOptions = {}): Promise<FakeDiscord> {
  const world = new World(options);
  const recorder = new RequestRecorder();
  const failures = new FailureQueue();
  const errors: unknown[] = [];
  const server = createServer();
  let port = 0;
  const gatewayUrl = () => `ws://127.0.0.1:${port}/gateway`;
  const gateway = new FakeGateway({
    world,
    token: options.token,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    gatewayUrl,
    everySession: options.everySession,
  });
  const handle = createRestHandler({
    world,
    recorder,
    failures,
    routes: ROUTES,
    token: options.token,
    baseUrl: () => `http://127.0.0.1:${port}`,
    gatewayUrl,
    dispatch: (event, data, intent) => gateway.dispatch(event, data, intent),
    onError: (error) => errors.push(error),
  });
  server.on('request', (req, res) => {
    handle(req, res).catch((error: unknown) => {
      errors.push(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/gateway' || path === '/gateway/') gateway.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return new FakeDiscord({ port, world, recorder, failures, gateway, server, errors });
}
