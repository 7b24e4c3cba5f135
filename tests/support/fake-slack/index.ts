import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendJson } from './http.js';
import { ResponseSink, type RecordedResponse } from './response-sink.js';
import { FakeSocketMode, type Envelope, type SocketAck } from './socket-mode.js';
import { FakeWebApi, type ApiCall, type FailureSpec, type ResultOverride, type StoredMessage, type UploadedFile } from './web-api.js';

export * from './payloads.js';
export { signedPost, signedHeaders, slackSignature, type SignOptions, type SignedResponse } from './signing.js';
export type { ApiCall, FailureSpec, ResultOverride, StoredMessage, UploadedFile } from './web-api.js';
export type { RecordedResponse } from './response-sink.js';
export type { Envelope, EnvelopeType, SocketAck } from './socket-mode.js';
export type { JsonObject } from './http.js';

export interface FakeSlackOptions {
  teamId?: string;
  teamName?: string;
  teamDomain?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
}

export interface FakeSlack {
  readonly port: number;
  /** 'http://127.0.0.1:PORT/api/' — give it to Bolt as clientOptions.slackApiUrl. */
  readonly apiUrl: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  /** Every Web API call in arrival order, failures included. */
  readonly calls: readonly ApiCall[];
  /** Messages posted through chat.postMessage (and seeded ones); conversations.replies reads these. */
  readonly messages: readonly StoredMessage[];
  /** Files sent through the external upload flow (files.getUploadURLExternal, the upload URL, files.completeUploadExternal). */
  readonly files: readonly UploadedFile[];
  readonly socketAcks: readonly SocketAck[];
  readonly socketConnections: number;

  callsTo(method: string): ApiCall[];
  successfulCalls(method?: string): ApiCall[];
  failNext(spec: FailureSpec): void;
  respondWith(method: string, override: ResultOverride): void;
  seedMessage(message: { channel: string; ts?: string; text?: string; user?: string; thread_ts?: string }): StoredMessage;

  responseUrl(id?: string): string;
  responses(id?: string): RecordedResponse[];
  failNextResponse(id: string, status?: number): void;

  socketSend(envelope: Envelope, timeoutMs?: number): Promise<SocketAck>;
  socketRequestReconnect(reason?: string): void;

  /** Resolves with the predicate's first truthy result, re-checked whenever anything is recorded. */
  waitFor<T>(predicate: (fake: FakeSlack) => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const identity = {
    teamId: options.teamId ?? 'T0FAKE',
    teamName: options.teamName ?? 'Fake Workspace',
    teamDomain: options.teamDomain ?? 'fake',
    botUserId: options.botUserId ?? 'U0BOT',
    botId: options.botId ?? 'B0BOT',
    appId: options.appId ?? 'A1',
  };
  const changes = new EventEmitter();
  changes.setMaxListeners(0);
  const changed = (): void => {
    changes.emit('change');
  };

  let port = 0;
  const base = (): string => `http://127.0.0.1:${port}`;
  const socket = new FakeSocketMode(() => `ws://127.0.0.1:${port}`, identity.appId, changed);
  const api = new FakeWebApi(identity, () => socket.connectionUrl(), changed, (id) => `${base()}/upload/${id}`);
  const sink = new ResponseSink(base, changed);

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'fake_internal_error', detail: String(error) });
      else res.destroy();
    });
  });
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', base()).pathname;
    if (req.method === 'POST' && path.startsWith('/api/')) {
      return api.handle(req, res, decodeURIComponent(path.slice('/api/'.length)));
    }
    if (req.method === 'POST' && path.startsWith('/upload/')) {
      return receiveUpload(req, res, decodeURIComponent(path.slice('/upload/'.length)));
    }
    if (req.method === 'POST' && path.startsWith('/response/')) {
      return sink.handle(req, res, decodeURIComponent(path.slice('/response/'.length)));
    }
    sendJson(res, 404, { ok: false, error: 'fake_slack_no_route', path });
  };
  const receiveUpload = async (req: IncomingMessage, res: ServerResponse, fileId: string): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const type = String(req.headers['content-type'] ?? '');
    let data = raw;
    if (type.startsWith('multipart/form-data')) {
      // @slack/web-api sends the bytes as the one file part of a form; Response can split it.
      const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': type } }).formData();
      const part = [...form.values()].find((v): v is File => typeof v !== 'string');
      data = part ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
    }
    const ok = api.receiveUpload(fileId, data);
    res.writeHead(ok ? 200 : 404, { 'content-type': 'text/plain' });
    res.end(ok ? `OK - ${data.length}` : 'file not found');
  };
  socket.attach(server);
  await listen(server);
  port = (server.address() as AddressInfo).port;

  const fake: FakeSlack = {
    port,
    apiUrl: `${base()}/api/`,
    teamId: identity.teamId,
    botUserId: identity.botUserId,
    botId: identity.botId,
    appId: identity.appId,
    calls: api.calls,
    messages: api.messages,
    files: api.files,
    socketAcks: socket.acks,
    get socketConnections() {
      return socket.openConnections;
    },

    callsTo: (method) => api.callsTo(method),
    successfulCalls: (method) => api.successfulCalls(method),
    failNext: (spec) => api.failNext(spec),
    respondWith: (method, override) => api.respondWith(method, override),
    seedMessage: (message) => api.seedMessage(message),

    responseUrl: (id) => sink.url(id),
    responses: (id) => sink.responses(id),
    failNextResponse: (id, status) => sink.failNext(id, status),

    socketSend: (envelope, timeoutMs) => socket.send(envelope, timeoutMs),
    socketRequestReconnect: (reason) => socket.requestReconnect(reason),

    waitFor<T>(predicate: (f: FakeSlack) => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const check = (): boolean => {
          const value = predicate(fake);
          if (value === undefined || value === null || value === false) return false;
          finish();
          resolve(value);
          return true;
        };
        const finish = (): void => {
          clearTimeout(timer);
          changes.off('change', onChange);
        };
        const onChange = (): void => {
          try {
            check();
          } catch (error) {
            finish();
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        };
        const timer = setTimeout(() => {
          finish();
          const seen = api.calls.map((c) => `${c.method}${c.ok ? '' : `(${String(c.response.error)})`}`).join(', ');
          reject(
            new Error(
              `fake Slack: waitFor timed out after ${timeoutMs}ms; calls: [${seen}], responses: ${sink.all.length}, ` +
                `socket acks: ${socket.acks.length}`,
            ),
          );
        }, timeoutMs);
        changes.on('change', onChange);
        onChange();
      });
    },

    async close() {
      await socket.close();
      // Bolt's WebClient and respond() use fetch, whose pooled keep-alive sockets would keep close() waiting.
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      changes.removeAllListeners();
    },
  };
  return fake;
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
