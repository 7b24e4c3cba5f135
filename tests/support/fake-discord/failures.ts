import { errorBody } from './payloads.js';
import type { FailureSpec, InjectedFailure, JsonObject } from './types.js';

// One-off failures a test queues up, answered before normal routing so any route can fail.

export interface FailureResponse {
  status: number;
  headers: Record<string, string>;
  body: JsonObject;
}

const DEFAULT_ERRORS: Record<number, [code: number, message: string]> = {
  400: [50035, 'Invalid Form Body'],
  401: [0, '401: Unauthorized'],
  403: [50013, 'Missing Permissions'],
  404: [0, '404: Not Found'],
  500: [0, '500: Internal Server Error'],
  502: [0, '502: Bad Gateway'],
  503: [0, '503: Service Unavailable'],
};

export class FailureQueue {
  readonly #rules: InjectedFailure[] = [];

  add(spec: FailureSpec): InjectedFailure {
    const rule: InjectedFailure = { spec, status: spec.status, times: spec.times ?? 1, hits: 0 };
    this.#rules.push(rule);
    return rule;
  }

  clear(): void {
    this.#rules.length = 0;
  }

  /** Consumes the first rule matching the request, if any, and returns the response to send. */
  take(method: string, path: string): FailureResponse | undefined {
    const rule = this.#rules.find((r) => matches(r.spec, method, path));
    if (!rule) return undefined;
    rule.hits += 1;
    if (rule.hits >= rule.times) this.#rules.splice(this.#rules.indexOf(rule), 1);
    return rule.status === 429 ? rateLimited(rule.spec) : errorResponse(rule.spec);
  }
}

function matches(spec: FailureSpec, method: string, path: string): boolean {
  if (spec.method && spec.method.toUpperCase() !== method) return false;
  if (spec.pathPattern === undefined) return true;
  return typeof spec.pathPattern === 'string' ? spec.pathPattern === path : spec.pathPattern.test(path);
}

// @discordjs/rest decides how long to wait from these headers (Retry-After for the wait, the
// X-RateLimit-* ones for bucket bookkeeping, X-RateLimit-Global's mere presence for a global limit),
// not from the JSON body; the body is there for code that reads the error itself.
function rateLimited(spec: FailureSpec): FailureResponse {
  const retryAfter = spec.retryAfter ?? 0.1;
  const global = spec.global === true;
  const headers: Record<string, string> = {
    'retry-after': String(retryAfter),
    'x-ratelimit-scope': global ? 'global' : 'user',
  };
  if (global) {
    headers['x-ratelimit-global'] = 'true';
  } else {
    headers['x-ratelimit-limit'] = '5';
    headers['x-ratelimit-remaining'] = '0';
    headers['x-ratelimit-reset'] = ((Date.now() / 1000) + retryAfter).toFixed(3);
    headers['x-ratelimit-reset-after'] = String(retryAfter);
    headers['x-ratelimit-bucket'] = 'fakebucket0000000000000000000000';
  }
  return {
    status: 429,
    headers,
    body: {
      message: spec.message ?? 'You are being rate limited.',
      retry_after: retryAfter,
      global,
      ...(spec.code !== undefined ? { code: spec.code } : {}),
    },
  };
}

function errorResponse(spec: FailureSpec): FailureResponse {
  const [defaultCode, defaultMessage] = DEFAULT_ERRORS[spec.status] ?? [0, `${spec.status}: Error`];
  return {
    status: spec.status,
    headers: {},
    body: errorBody(spec.code ?? defaultCode, spec.message ?? defaultMessage),
  };
}
