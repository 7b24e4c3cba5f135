import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FailureQueue } from './failures.js';
import type { RequestRecorder } from './recorder.js';
import { interactionIdForPath } from './routes-interactions.js';
import { matchRoute, type Route, type RouteContext, type RouteResult } from './router.js';
import type { World } from './state.js';
import type { JsonObject, RecordedFile, RecordedRequest } from './types.js';

// HTTP plumbing for the REST API: read and parse the body, record the request, apply injected
// failures, route, and write the answer in the shape @discordjs/rest expects.

const API_PREFIX = '/api/v10';

export interface RestDeps {
  world: World;
  recorder: RequestRecorder;
  failures: FailureQueue;
  routes: readonly Route[];
  token: string | undefined;
  baseUrl: () => string;
  gatewayUrl: () => string;
  dispatch: RouteContext['dispatch'];
  onError: (error: unknown) => void;
}

interface Parsed {
  body: unknown;
  files: RecordedFile[];
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(raw: Buffer, contentType: string): Promise<Parsed> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    // The global Response already knows how to split multipart bodies; no parser needed.
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    let body: unknown;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
        continue;
      }
      files.push({
        field,
        filename: value.name,
        contentType: value.type || 'application/octet-stream',
        data: Buffer.from(await value.arrayBuffer()),
      });
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  if (contentType.startsWith('application/json')) return { body: JSON.parse(text), files: [] };
  return { body: text, files: [] };
}

function decodePath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => decodeURIComponent(segment))
    .join('/');
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function send(res: ServerResponse, result: RouteResult, extraHeaders: Record<string, string> = {}): void {
  // A 204 must not claim a JSON content type: @discordjs/rest parses the body whenever it does.
  if (result.body === undefined) {
    res.writeHead(result.status, extraHeaders);
    res.end();
    return;
  }
  const payload = JSON.stringify(result.body);
  res.writeHead(result.status, {
    ...extraHeaders,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

export function createRestHandler(deps: RestDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const fullPath = decodePath(url.pathname);
    const versioned = fullPath.startsWith(`${API_PREFIX}/`);
    const path = versioned ? fullPath.slice(API_PREFIX.length) : fullPath;
    const headers = flatHeaders(req);
    const record: RecordedRequest = {
      seq: deps.recorder.nextSeq(),
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      headers,
      files: [],
      status: 0,
      responseBody: undefined,
      injected: false,
      unknownRoute: false,
      at: Date.now(),
    };
    const finish = (result: RouteResult, extraHeaders?: Record<string, string>) => {
      record.status = result.status;
      record.responseBody = result.body;
      send(res, result, extraHeaders);
      deps.recorder.add(record);
    };

    try {
      const parsed = await parseBody(await readBody(req), headers['content-type'] ?? '');
      record.body = parsed.body;
      record.files = parsed.files;
    } catch {
      finish({ status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 } });
      return;
    }

    if (versioned) record.interactionId = interactionIdForPath(deps.world, path);
    const injected = deps.failures.take(method, path);
    if (injected) {
      record.injected = true;
      finish({ status: injected.status, body: injected.body }, injected.headers);
      return;
    }

    const matched = versioned ? matchRoute(deps.routes, method, path) : undefined;
    if (!matched) {
      record.unknownRoute = true;
      finish({ status: 404, body: { message: 'Unknown', code: 0 } });
      return;
    }
    if (matched.route.auth && deps.token !== undefined && headers.authorization !== `Bot ${deps.token}`) {
      finish({ status: 401, body: { message: '401: Unauthorized', code: 0 } });
      return;
    }

    const body = record.body;
    const ctx: RouteContext = {
      world: deps.world,
      params: matched.params,
      query: record.query,
      body: body && typeof body === 'object' && !Array.isArray(body) ? (body as JsonObject) : {},
      files: record.files,
      record,
      cdnBase: deps.baseUrl(),
      gatewayUrl: deps.gatewayUrl(),
      dispatch: deps.dispatch,
    };
    try {
      finish(matched.route.handle(ctx));
    } catch (error) {
      deps.onError(error);
      finish({ status: 500, body: { message: `fake-discord route failed: ${String(error)}`, code: 0 } });
    }
  };
}
