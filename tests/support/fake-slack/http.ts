import type { IncomingMessage, ServerResponse } from 'node:http';

export type JsonObject = Record<string, unknown>;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

// Fields a human typed must stay strings even when they happen to look like JSON ("[1, 2]" as a message).
const FREE_TEXT_FIELDS = new Set(['text', 'markdown_text', 'fallback', 'title', 'initial_comment', 'content']);

/**
 * @slack/web-api flattens every non-primitive argument (blocks, view, attachments, metadata...) into a
 * JSON string inside a form body, so assertions would otherwise have to JSON.parse by hand.
 */
export function parseApiBody(raw: string, contentType: string | undefined): JsonObject {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') {
    if (raw.trim() === '') return {};
    const parsed: unknown = JSON.parse(raw);
    return isObject(parsed) ? parsed : { value: parsed };
  }
  if (type === 'application/x-www-form-urlencoded' || type === '') {
    const out: JsonObject = {};
    for (const [key, value] of new URLSearchParams(raw)) {
      out[key] = FREE_TEXT_FIELDS.has(key) ? value : maybeJson(value);
    }
    return out;
  }
  // Multipart uploads are rare in this bot; the raw text on the call record is enough to assert on.
  return {};
}

function maybeJson(value: string): unknown {
  const first = value.trimStart()[0];
  if (first !== '{' && first !== '[') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function headerString(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
