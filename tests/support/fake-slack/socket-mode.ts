import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isObject, type JsonObject } from './http.js';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface Envelope {
  type: EnvelopeType;
  payload: JsonObject;
  envelope_id?: string;
  accepts_response_payload?: boolean;
  /** Socket Mode's equivalent of X-Slack-Retry-Num; Bolt surfaces it as context.retryNum. */
  retry_attempt?: number;
  retry_reason?: string;
}

export interface SocketAck {
  envelope_id: string;
  payload?: JsonObject;
}

interface Pending {
  resolve: (ack: SocketAck) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export const SOCKET_PATH = '/socket';

/** Speaks just enough of the Socket Mode protocol for @slack/socket-mode to connect, receive and ack. */
export class FakeSocketMode {
  readonly acks: SocketAck[] = [];
  /** Everything clients sent that was not an ack we were waiting for. */
  readonly unexpected: unknown[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly clients: WebSocket[] = [];
  private readonly pending = new Map<string, Pending>();
  private ticket = 0;

  constructor(
    private readonly baseWsUrl: () => string,
    private readonly appId: string,
    private readonly onChange: () => void,
  ) {}

  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (path !== SOCKET_PATH) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
  }

  /** What apps.connections.open hands out; the ticket only makes each url distinct like Slack's. */
  connectionUrl(): string {
    this.ticket += 1;
    return `${this.baseWsUrl()}${SOCKET_PATH}?ticket=fake-${this.ticket}&app_id=${this.appId}`;
  }

  get openConnections(): number {
    return this.clients.filter((c) => c.readyState === c.OPEN).length;
  }

  /** Sends to the newest live connection, as Slack picks one connection per envelope. */
  send(envelope: Envelope, timeoutMs = 5000): Promise<SocketAck> {
    const client = [...this.clients].reverse().find((c) => c.readyState === c.OPEN);
    if (client === undefined) return Promise.reject(new Error('fake Slack: no Socket Mode client is connected'));
    const envelopeId = envelope.envelope_id ?? randomUUID();
    const message = { accepts_response_payload: envelope.type !== 'events_api', ...envelope, envelope_id: envelopeId };
    return new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(new Error(`fake Slack: envelope ${envelopeId} (${envelope.type}) was not acked within ${timeoutMs}ms`));
      }, timeoutMs);
      this.pending.set(envelopeId, { resolve, reject, timer });
      client.send(JSON.stringify(message));
    });
  }

  /** Slack sends this before recycling a connection; the client should reconnect via apps.connections.open. */
  requestReconnect(reason = 'refresh_requested'): void {
    for (const client of this.clients) {
      if (client.readyState === client.OPEN) client.send(JSON.stringify({ type: 'disconnect', reason }));
    }
  }

  close(): Promise<void> {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new Error(`fake Slack closed before envelope ${id} was acked`));
    }
    this.pending.clear();
    for (const client of this.clients) client.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.clients.push(ws);
    ws.on('message', (data: RawData) => this.receive(data));
    ws.on('close', () => {
      const i = this.clients.indexOf(ws);
      if (i >= 0) this.clients.splice(i, 1);
      this.onChange();
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.clients.length,
        debug_info: { host: 'fake', approximate_connection_time: 3600 },
        connection_info: { app_id: this.appId },
      }),
    );
    this.onChange();
  }

  private receive(data: RawData): void {
    let message: unknown;
    try {
      message = JSON.parse(rawToString(data));
    } catch {
      this.unexpected.push(rawToString(data));
      return;
    }
    const id = isObject(message) ? message.envelope_id : undefined;
    const pending = typeof id === 'string' ? this.pending.get(id) : undefined;
    if (!isObject(message) || typeof id !== 'string' || pending === undefined) {
      this.unexpected.push(message);
      this.onChange();
      return;
    }
    const ack: SocketAck = { envelope_id: id };
    if (isObject(message.payload)) ack.payload = message.payload;
    this.acks.push(ack);
    this.pending.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(ack);
    this.onChange();
  }
}

function rawToString(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
