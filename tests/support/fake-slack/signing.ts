import { createHmac } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';

export interface SignOptions {
  secret: string;
  /** Unix seconds; defaults to now. Pass something older than 5 minutes to get Bolt's staleness rejection. */
  timestamp?: number;
  /** Sent as X-Slack-Retry-Num / X-Slack-Retry-Reason, the way Slack marks redelivered events. */
  retryNum?: number;
  retryReason?: string;
  /** Defaults to form-encoded, or JSON when the body is an object or a string starting with '{'. */
  contentType?: string;
  /** Replaces the computed X-Slack-Signature, to forge a request. */
  signature?: string;
  headers?: Record<string, string>;
}

export interface SignedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export function signedHeaders(rawBody: string, options: SignOptions & { contentType: string }): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': options.contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(options.secret, timestamp, rawBody),
    ...options.headers,
  };
  if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
  if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
  return headers;
}

/**
 * POSTs to the app's own receiver the way Slack does. Uses node:http rather than fetch on purpose:
 * fetch turns a URLSearchParams body into "application/x-www-form-urlencoded;charset=UTF-8", which Bolt
 * answers with 400, and its keep-alive sockets would hold app.stop() open.
 */
export function signedPost(
  url: string,
  body: string | URLSearchParams | Record<string, unknown>,
  options: SignOptions,
): Promise<SignedResponse> {
  const raw = typeof body === 'string' ? body : body instanceof URLSearchParams ? body.toString() : JSON.stringify(body);
  const looksJson = typeof body === 'object' && !(body instanceof URLSearchParams) ? true : raw.trimStart().startsWith('{');
  const contentType = options.contentType ?? (looksJson ? 'application/json' : 'application/x-www-form-urlencoded');
  const headers = { ...signedHeaders(raw, { ...options, contentType }), 'content-length': String(Buffer.byteLength(raw)) };

  const target = new URL(url);
  if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') {
    return Promise.reject(new Error(`signedPost only talks to 127.0.0.1, not ${target.hostname}`));
  }
  return new Promise((resolve, reject) => {
    const req = request(target, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(raw);
  });
}
