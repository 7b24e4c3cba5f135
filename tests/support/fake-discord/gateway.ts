import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { memberObject, userObject } from './payloads.js';
import type { World } from './state.js';
import type { JsonObject } from './types.js';

// The gateway side: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, RESUME with replay, and
// dispatching events to the bot. Frames are always plain JSON text: @discordjs/ws parses text frames
// directly even when it asked for compression, so the fake never needs zlib.

const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

const Close = {
  UnknownError: 4000,
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
} as const;

/** A resumed client may ask for events back to its last sequence number; this is how far back we keep. */
const HISTORY_LIMIT = 1000;

export interface GatewayLogEntry {
  direction: 'in' | 'out';
  op: number;
  t: string | null;
  s: number | null;
  d: unknown;
  at: number;
}

interface Session {
  id: string;
  seq: number;
  intents: number;
  socket: WebSocket | null;
  history: JsonObject[];
}

interface Connection {
  socket: WebSocket;
  session: Session | null;
  /** Set when the fake itself closes the socket, so the close isn't mistaken for the client logging out. */
  closedByServer: boolean;
}

export interface GatewayOptions {
  world: World;
  token: string | undefined;
  heartbeatIntervalMs: number;
  gatewayUrl: () => string;
  /** Send each event to every session rather than the newest: several instances on the same shard. */
  everySession?: boolean;
}

export class FakeGateway {
  readonly log: GatewayLogEntry[] = [];
  identifyCount = 0;
  resumeCount = 0;
  connectionCount = 0;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #connections = new Set<Connection>();
  /** The session events go to: the newest one not invalidated, connected or not (events queue for resume). */
  #active: Session | null = null;
  readonly #sessions = new Map<string, Session>();
  readonly #events = new EventEmitter();
  readonly #opts: GatewayOptions;

  constructor(opts: GatewayOptions) {
    this.#opts = opts;
    this.#events.setMaxListeners(0);
    this.#wss.on('connection', (socket) => this.#onConnection(socket));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#wss.emit('connection', ws, req));
  }

  /** Whether a client has identified and is connected right now. */
  get connected(): boolean {
    return this.#active?.socket?.readyState === WebSocket.OPEN;
  }

  /** Sends a dispatch to the active session; `intent` skips it when the client didn't ask for that intent. */
  dispatch(t: string, d: JsonObject, intent?: number): void {
    const sessions = this.#opts.everySession ? [...this.#sessions.values()] : this.#active ? [this.#active] : [];
    for (const session of sessions) {
      if (intent !== undefined && (session.intents & intent) === 0) continue;
      this.#dispatchTo(session, t, d);
    }
  }

  /** Whether some client session can receive events (now, or replayed when it resumes). */
  get hasSession(): boolean {
    return this.#active !== null;
  }

  /** Resolves once a client has identified and been sent its guilds. */
  waitForSession(timeoutMs: number): Promise<void> {
    if (this.hasSession) return Promise.resolve();
    const timeoutError = new Error(`fake-discord: no gateway session within ${timeoutMs} ms (did the client log in?)`);
    return new Promise((resolve, reject) => {
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#events.off('session', onReady);
        reject(timeoutError);
      }, timeoutMs);
      this.#events.once('session', onReady);
    });
  }

  /**
   * Drops the connection. Code 4000 (default) makes discord.js resume; `resumable: false` also forgets
   * the session so the resume is refused and the client identifies again; `abrupt` skips the close
   * handshake like a network failure would.
   */
  async disconnect(options: { code?: number; resumable?: boolean; abrupt?: boolean } = {}): Promise<void> {
    if (options.resumable === false) this.#forgetActive();
    const closing = [...this.#connections].map((conn) => {
      conn.closedByServer = true;
      const closed = new Promise<void>((resolve) => conn.socket.once('close', () => resolve()));
      if (options.abrupt) conn.socket.terminate();
      else conn.socket.close(options.code ?? Close.UnknownError, 'fake-discord: simulated drop');
      return closed;
    });
    await Promise.all(closing);
  }

  /** Op 7: Discord asking the client to reconnect and resume. */
  requestReconnect(): void {
    const socket = this.#active?.socket;
    if (socket) this.#send(socket, { op: Op.Reconnect, d: null, s: null, t: null });
  }

  /** Op 9: tells the client its session is invalid; with `resumable: false` it must identify again. */
  invalidateSession(resumable = false): void {
    const socket = this.#active?.socket;
    if (!resumable) this.#forgetActive();
    if (socket) this.#send(socket, { op: Op.InvalidSession, d: resumable, s: null, t: null });
  }

  close(): Promise<void> {
    for (const conn of this.#connections) {
      conn.closedByServer = true;
      conn.socket.terminate();
    }
    return new Promise((resolve) => this.#wss.close(() => resolve()));
  }

  #forgetActive(): void {
    if (this.#active) this.#sessions.delete(this.#active.id);
    this.#active = null;
  }

  #onConnection(socket: WebSocket): void {
    const conn: Connection = { socket, session: null, closedByServer: false };
    this.#connections.add(conn);
    this.connectionCount += 1;
    socket.on('message', (data, isBinary) => this.#onMessage(conn, data, isBinary));
    // Socket errors surface as a close right after; the client's reaction to that is what tests observe.
    socket.on('error', () => {});
    socket.on('close', (code) => {
      this.#connections.delete(conn);
      const session = conn.session;
      if (!session || session.socket !== socket) return;
      session.socket = null;
      // Closing with 1000/1001 is how a client logs out; Discord drops the session then.
      if (!conn.closedByServer && (code === 1000 || code === 1001)) {
        this.#sessions.delete(session.id);
        if (this.#active === session) this.#active = null;
      }
    });
    this.#send(socket, {
      op: Op.Hello,
      d: { heartbeat_interval: this.#opts.heartbeatIntervalMs, _trace: ['fake-discord'] },
      s: null,
      t: null,
    });
  }

  #onMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      const text = isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString();
      payload = JSON.parse(text) as { op?: unknown; d?: unknown };
    } catch {
      conn.socket.close(Close.DecodeError, 'Error while decoding payload.');
      return;
    }
    const op = typeof payload.op === 'number' ? payload.op : -1;
    this.log.push({ direction: 'in', op, t: null, s: null, d: payload.d, at: Date.now() });
    const d = (payload.d ?? {}) as JsonObject;

    switch (op) {
      case Op.Heartbeat:
        this.#send(conn.socket, { op: Op.HeartbeatAck, d: null, s: null, t: null });
        return;
      case Op.Identify:
        this.#identify(conn, d);
        return;
      case Op.Resume:
        this.#resume(conn, d);
        return;
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestGuildMembers:
        if (!conn.session) conn.socket.close(Close.NotAuthenticated, 'Not authenticated.');
        else if (op === Op.RequestGuildMembers) this.#guildMembersChunk(conn.session, d);
        return;
      default:
        conn.socket.close(Close.UnknownOpcode, 'Unknown opcode.');
    }
  }

  #tokenOk(d: JsonObject): boolean {
    const expected = this.#opts.token;
    return expected === undefined || d.token === expected;
  }

  #identify(conn: Connection, d: JsonObject): void {
    if (conn.session) {
      conn.socket.close(Close.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (!this.#tokenOk(d)) {
      conn.socket.close(Close.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    this.identifyCount += 1;
    const { world } = this.#opts;
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      seq: 0,
      intents: typeof d.intents === 'number' ? d.intents : 0,
      socket: conn.socket,
      history: [],
    };
    this.#sessions.set(session.id, session);
    this.#active = session;
    conn.session = session;
    this.#dispatchTo(session, 'READY', {
      v: 10,
      user: { ...userObject(world.bot), verified: true, mfa_enabled: false, email: null },
      guilds: [...world.guilds.keys()].map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.#opts.gatewayUrl(),
      shard: Array.isArray(d.shard) ? d.shard : [0, 1],
      application: { id: world.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      _trace: ['fake-discord'],
    });
    // discord.js holds back its `clientReady` until every guild named in READY has arrived (or 15 s pass).
    for (const guild of world.guilds.values()) this.#dispatchTo(session, 'GUILD_CREATE', world.guildObject(guild));
    this.#events.emit('session');
  }

  #resume(conn: Connection, d: JsonObject): void {
    const session = typeof d.session_id === 'string' ? this.#sessions.get(d.session_id) : undefined;
    if (!session || !this.#tokenOk(d)) {
      this.#send(conn.socket, { op: Op.InvalidSession, d: false, s: null, t: null });
      return;
    }
    this.resumeCount += 1;
    const stale = session.socket;
    if (stale && stale !== conn.socket) stale.terminate();
    session.socket = conn.socket;
    conn.session = session;
    this.#active = session;
    const from = typeof d.seq === 'number' ? d.seq : 0;
    for (const payload of session.history) {
      if ((payload.s as number) > from) this.#send(conn.socket, payload);
    }
    this.#dispatchTo(session, 'RESUMED', { _trace: ['fake-discord'] });
    this.#events.emit('session');
  }

  #guildMembersChunk(session: Session, d: JsonObject): void {
    const { world } = this.#opts;
    const guild = typeof d.guild_id === 'string' ? world.guilds.get(d.guild_id) : undefined;
    if (!guild) return;
    const ids = Array.isArray(d.user_ids) ? d.user_ids.map(String) : typeof d.user_ids === 'string' ? [d.user_ids] : null;
    const query = typeof d.query === 'string' ? d.query.toLowerCase() : '';
    const limit = typeof d.limit === 'number' && d.limit > 0 ? d.limit : Infinity;
    const members = [...world.users.values()]
      .filter((u) => (ids ? ids.includes(u.id) : u.username.toLowerCase().startsWith(query)))
      .slice(0, limit)
      .map((u) => memberObject(u, guild.joinedAt));
    const found = new Set(members.map((m) => (m.user as JsonObject).id));
    this.#dispatchTo(session, 'GUILD_MEMBERS_CHUNK', {
      guild_id: guild.id,
      members,
      chunk_index: 0,
      chunk_count: 1,
      ...(ids ? { not_found: ids.filter((id) => !found.has(id)) } : {}),
      ...(d.nonce !== undefined ? { nonce: d.nonce } : {}),
    });
  }

  #dispatchTo(session: Session, t: string, d: JsonObject): void {
    session.seq += 1;
    const payload = { op: Op.Dispatch, t, s: session.seq, d };
    session.history.push(payload);
    if (session.history.length > HISTORY_LIMIT) session.history.shift();
    if (session.socket?.readyState === WebSocket.OPEN) this.#send(session.socket, payload);
  }

  #send(socket: WebSocket, payload: JsonObject): void {
    this.log.push({
      direction: 'out',
      op: payload.op as number,
      t: (payload.t as string | null) ?? null,
      s: (payload.s as number | null) ?? null,
      d: payload.d,
      at: Date.now(),
    });
    socket.send(JSON.stringify(payload));
  }
}
