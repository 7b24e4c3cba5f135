import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { headerString, isObject, parseApiBody, readBody, sendJson, type JsonObject } from './http.js';

export interface ApiCall {
  /** e.g. 'chat.postMessage' */
  method: string;
  /** Parsed body; JSON-in-form fields such as `blocks` or `view` are already objects. */
  body: JsonObject;
  raw: string;
  headers: IncomingHttpHeaders;
  /** Bearer token from the header, falling back to a `token` body field. */
  token: string | undefined;
  /** HTTP status the fake answered with. */
  status: number;
  response: JsonObject;
  ok: boolean;
}

export interface FailureSpec {
  method: string;
  /** 429 answers with a Retry-After header so @slack/web-api waits and retries; other codes are plain HTTP errors. */
  status?: number;
  /** Seconds, only used with status 429 (default 1). */
  retryAfter?: number;
  /** Slack error code; with no status it is returned as `{ ok: false, error }` over HTTP 200. */
  error?: string;
  /** How many consecutive calls to fail (default 1). */
  times?: number;
}

export interface CallInfo {
  method: string;
  body: JsonObject;
  token: string | undefined;
}

export type ResultOverride = JsonObject | ((call: CallInfo) => JsonObject);

export interface Identity {
  teamId: string;
  teamName: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  appId: string;
}

export interface StoredMessage extends JsonObject {
  channel: string;
  ts: string;
  thread_ts?: string;
}

/** A file going through Slack's external upload: asked for, its bytes sent, then completed into a channel. */
export interface UploadedFile {
  id: string;
  filename: string;
  /** The length files.getUploadURLExternal was told. */
  length: number;
  /** The bytes POSTed to the upload URL; null until they arrive. */
  data: Buffer | null;
  completed: boolean;
  channel?: string;
  title?: string;
  initialComment?: string;
  /** The alt text files.getUploadURLExternal was given (a picture's description). */
  altText?: string;
}

interface PendingFailure {
  status: number;
  retryAfter: number;
  error: string | undefined;
  remaining: number;
}

// Far enough in the past to be obviously fake, shaped exactly like a real Slack ts so string sorting works.
const TS_BASE_MICROS = 1_700_000_000_000_000;

/** Answers Slack Web API methods with plausible payloads and remembers every call for assertions. */
export class FakeWebApi {
  readonly calls: ApiCall[] = [];
  readonly messages: StoredMessage[] = [];
  readonly files: UploadedFile[] = [];
  private readonly failures = new Map<string, PendingFailure[]>();
  private readonly overrides = new Map<string, ResultOverride>();
  private tsCounter = 0;
  private idCounter = 0;

  constructor(
    private readonly identity: Identity,
    private readonly socketUrl: () => string,
    private readonly onChange: () => void,
    private readonly uploadUrl: (fileId: string) => string = (id) => `http://127.0.0.1/upload/${id}`,
  ) {}

  /** The upload URL's POST: keeps the file's bytes (multipart, as @slack/web-api sends them, or raw). */
  receiveUpload(fileId: string, data: Buffer): boolean {
    const file = this.files.find((f) => f.id === fileId);
    if (!file || file.completed) return false;
    file.data = data;
    this.onChange();
    return true;
  }

  failNext(spec: FailureSpec): void {
    const queue = this.failures.get(spec.method) ?? [];
    queue.push({
      status: spec.status ?? 200,
      retryAfter: spec.retryAfter ?? 1,
      error: spec.error,
      remaining: spec.times ?? 1,
    });
    this.failures.set(spec.method, queue);
  }

  respondWith(method: string, override: ResultOverride): void {
    this.overrides.set(method, override);
  }

  /** Calls that Slack would have acted on: HTTP 200 and `ok: true`. */
  successfulCalls(method?: string): ApiCall[] {
    return this.calls.filter((c) => c.ok && (method === undefined || c.method === method));
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Lets a test put a human-authored message in history so conversations.replies can find it. */
  seedMessage(message: { channel: string; ts?: string; text?: string; user?: string; thread_ts?: string }): StoredMessage {
    const stored: StoredMessage = { type: 'message', ...message, ts: message.ts ?? this.nextTs() };
    this.messages.push(stored);
    return stored;
  }

  nextTs(): string {
    this.tsCounter += 1;
    const micros = TS_BASE_MICROS + this.tsCounter * 100;
    const secs = Math.floor(micros / 1_000_000);
    return `${secs}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  async handle(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const raw = await readBody(req);
    let body: JsonObject;
    try {
      body = parseApiBody(raw, headerString(req.headers['content-type']));
    } catch {
      body = {};
    }
    const token = bearer(req.headers.authorization) ?? (typeof body.token === 'string' ? body.token : undefined);
    const { status, response, headers } = this.answer(method, body, token);
    this.calls.push({
      method,
      body,
      raw,
      headers: req.headers,
      token,
      status,
      response,
      ok: status === 200 && response.ok === true,
    });
    sendJson(res, status, response, headers);
    this.onChange();
  }

  private answer(
    method: string,
    body: JsonObject,
    token: string | undefined,
  ): { status: number; response: JsonObject; headers?: Record<string, string> } {
    const failure = this.takeFailure(method);
    if (failure !== undefined) {
      if (failure.status === 429) {
        return {
          status: 429,
          response: { ok: false, error: failure.error ?? 'ratelimited' },
          headers: { 'retry-after': String(failure.retryAfter) },
        };
      }
      return { status: failure.status, response: { ok: false, error: failure.error ?? 'fake_http_error' } };
    }

    // Real Slack rejects these before looking at the method, and catching a mixed-up token here is cheaper than in prod.
    if (token === undefined || token === '') return ok200({ ok: false, error: 'not_authed' });
    const isAppToken = token.startsWith('xapp-');
    if ((method === 'apps.connections.open') !== isAppToken) {
      return ok200({ ok: false, error: 'not_allowed_token_type' });
    }

    const override = this.overrides.get(method);
    if (override !== undefined) {
      const result = typeof override === 'function' ? override({ method, body, token }) : override;
      return ok200({ ok: true, ...result });
    }
    return ok200(this.result(method, body) ?? { ok: false, error: 'unknown_method' });
  }

  private takeFailure(method: string): PendingFailure | undefined {
    const queue = this.failures.get(method);
    const head = queue?.[0];
    if (queue === undefined || head === undefined) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    return head;
  }

  private result(method: string, body: JsonObject): JsonObject | undefined {
    const id = this.identity;
    const str = (key: string): string | undefined => (typeof body[key] === 'string' ? (body[key] as string) : undefined);
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: `https://${id.teamDomain}.slack.com/`,
          team: id.teamName,
          user: 'rostrum',
          team_id: id.teamId,
          user_id: id.botUserId,
          bot_id: id.botId,
          is_enterprise_install: false,
        };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl() };
      case 'chat.postMessage': {
        const channel = str('channel');
        if (channel === undefined) return { ok: false, error: 'channel_not_found' };
        if (body.text === undefined && body.blocks === undefined && body.attachments === undefined) {
          return { ok: false, error: 'no_text' };
        }
        const message = this.botMessage(body, this.nextTs());
        this.messages.push({ ...message, channel });
        return { ok: true, channel, ts: message.ts, message };
      }
      case 'chat.postEphemeral': {
        if (str('channel') === undefined) return { ok: false, error: 'channel_not_found' };
        if (str('user') === undefined) return { ok: false, error: 'user_not_in_channel' };
        return { ok: true, message_ts: this.nextTs() };
      }
      case 'chat.update': {
        const channel = str('channel');
        const ts = str('ts');
        if (channel === undefined) return { ok: false, error: 'channel_not_found' };
        if (ts === undefined) return { ok: false, error: 'message_not_found' };
        const message = this.botMessage(body, ts);
        // Tests often update a ts they invented in a block_actions payload, so an unknown ts is not an error here.
        const existing = this.messages.find((m) => m.channel === channel && m.ts === ts);
        if (existing !== undefined) Object.assign(existing, message);
        return { ok: true, channel, ts, text: body.text ?? '', message };
      }
      case 'files.getUploadURLExternal': {
        const filename = str('filename');
        const length = Number(body.length);
        if (filename === undefined || !Number.isInteger(length) || length <= 0) return { ok: false, error: 'invalid_arguments' };
        const altText = str('alt_text');
        const file: UploadedFile = { id: this.nextId('F'), filename, length, data: null, completed: false, ...(altText ? { altText } : {}) };
        this.files.push(file);
        return { ok: true, upload_url: this.uploadUrl(file.id), file_id: file.id };
      }
      case 'files.completeUploadExternal': {
        const listed = Array.isArray(body.files) ? (body.files as JsonObject[]) : [];
        if (listed.length === 0) return { ok: false, error: 'invalid_arguments' };
        const found = listed.map((f) => this.files.find((x) => x.id === f.id && !x.completed));
        // Slack refuses to complete a file whose bytes never arrived, or whose length was misstated.
        if (found.some((f) => !f || !f.data || f.data.length !== f.length)) return { ok: false, error: 'file_upload_not_found' };
        const channel = str('channel_id') ?? str('channels');
        found.forEach((f, i) => {
          Object.assign(f!, {
            completed: true, title: typeof listed[i]!.title === 'string' ? listed[i]!.title : f!.filename,
            ...(channel ? { channel } : {}), ...(str('initial_comment') !== undefined ? { initialComment: str('initial_comment') } : {}),
          });
        });
        return { ok: true, files: found.map((f) => ({ id: f!.id, title: f!.title, name: f!.filename })) };
      }
      case 'chat.delete':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'chat.getPermalink':
        return {
          ok: true,
          channel: body.channel,
          permalink: `https://${id.teamDomain}.slack.com/archives/${String(body.channel)}/p${String(body.message_ts).replace('.', '')}`,
        };
      case 'views.open':
      case 'views.push':
        if (str('trigger_id') === undefined && str('interactivity_pointer') === undefined) {
          return { ok: false, error: 'invalid_arguments' };
        }
        return this.viewResult(body, this.nextId('V'));
      case 'views.update':
        return this.viewResult(body, str('view_id') ?? this.nextId('V'));
      case 'views.publish':
        return this.viewResult(body, this.nextId('V'));
      case 'conversations.info': {
        const channel = str('channel');
        if (channel === undefined) return { ok: false, error: 'channel_not_found' };
        return { ok: true, channel: this.channelInfo(channel) };
      }
      case 'conversations.join':
        return { ok: true, channel: this.channelInfo(str('channel') ?? this.nextId('C')) };
      case 'conversations.open': {
        // One direct message channel per person, as Slack keeps it.
        const users = str('users') ?? '';
        const id = `D0${users.replace(/[^A-Z0-9]/gi, '').toUpperCase() || this.nextId('X')}`;
        return { ok: true, channel: { id } };
      }
      case 'conversations.replies': {
        const ts = str('ts');
        const messages = this.messages.filter(
          (m) => m.channel === body.channel && (m.ts === ts || m.thread_ts === ts),
        );
        return this.page(messages, body);
      }
      case 'conversations.history': {
        // Newest first, top-level messages only (thread replies are read with conversations.replies).
        const messages = this.messages.filter((m) => m.channel === body.channel && m.thread_ts === undefined).reverse();
        return this.page(messages, body);
      }
      case 'users.info': {
        const user = str('user');
        if (user === undefined) return { ok: false, error: 'user_not_found' };
        const name = `user-${user.toLowerCase()}`;
        return {
          ok: true,
          user: {
            id: user,
            team_id: id.teamId,
            name,
            real_name: name,
            deleted: false,
            is_bot: user === id.botUserId,
            tz: 'Etc/UTC',
            profile: { display_name: name, real_name: name },
          },
        };
      }
      case 'team.info':
        return { ok: true, team: { id: id.teamId, name: id.teamName, domain: id.teamDomain } };
      case 'reactions.add':
      case 'reactions.remove':
      case 'pins.add':
        return { ok: true };
      default:
        return undefined;
    }
  }

  /**
   * A page of history as Slack gives it: at most `limit` (100 by default, 999 at most); a message's
   * metadata only with `include_all_metadata`; a thread parent with its `reply_count`.
   */
  private page(messages: StoredMessage[], body: JsonObject): JsonObject {
    const limit = Math.min(Math.max(Number(body.limit ?? 100) || 100, 1), 999);
    const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true';
    const shown = messages.slice(0, limit).map((m) => {
      const { metadata, ...rest } = m;
      const replies = this.messages.filter((r) => r.channel === m.channel && r.thread_ts === m.ts && r.ts !== m.ts).length;
      return { ...rest, ...(withMetadata && metadata !== undefined ? { metadata } : {}), ...(replies > 0 ? { reply_count: replies } : {}) };
    });
    return { ok: true, messages: shown, has_more: messages.length > limit, response_metadata: { next_cursor: '' } };
  }

  private botMessage(body: JsonObject, ts: string): StoredMessage {
    const message: StoredMessage = {
      type: 'message',
      channel: String(body.channel),
      ts,
      text: body.text ?? '',
      user: this.identity.botUserId,
      bot_id: this.identity.botId,
      app_id: this.identity.appId,
      team: this.identity.teamId,
    };
    if (body.blocks !== undefined) message.blocks = body.blocks;
    if (body.attachments !== undefined) message.attachments = body.attachments;
    if (typeof body.thread_ts === 'string') message.thread_ts = body.thread_ts;
    if (body.metadata !== undefined) message.metadata = body.metadata;
    return message;
  }

  private viewResult(body: JsonObject, viewId: string): JsonObject {
    const view = isObject(body.view) ? body.view : {};
    return {
      ok: true,
      view: {
        id: viewId,
        team_id: this.identity.teamId,
        app_id: this.identity.appId,
        bot_id: this.identity.botId,
        type: 'modal',
        private_metadata: '',
        callback_id: '',
        state: { values: {} },
        hash: `${Date.now()}.fake`,
        ...view,
      },
    };
  }

  private channelInfo(channel: string): JsonObject {
    return {
      id: channel,
      name: `channel-${channel.toLowerCase()}`,
      is_channel: channel.startsWith('C'),
      is_group: channel.startsWith('G'),
      is_im: channel.startsWith('D'),
      is_private: !channel.startsWith('C'),
      is_archived: false,
      is_member: true,
      created: 1_700_000_000,
      context_team_id: this.identity.teamId,
    };
  }

  private nextId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}0FAKE${String(this.idCounter).padStart(4, '0')}`;
  }
}

function ok200(response: JsonObject): { status: number; response: JsonObject } {
  return { status: 200, response };
}

function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match?.[1];
}
