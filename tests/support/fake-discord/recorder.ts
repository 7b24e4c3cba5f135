import { EventEmitter } from 'node:events';
import type { RecordedRequest, RequestMatcher } from './types.js';

// Keeps every REST request in arrival order and lets tests wait for one. Waiting is event-based so a
// test resumes the moment the bot's request lands, rather than on the next polling tick.

export function toPredicate(matcher: RequestMatcher): (request: RecordedRequest) => boolean {
  if (typeof matcher === 'function') return matcher;
  return (r) =>
    (matcher.method === undefined || r.method === matcher.method.toUpperCase()) &&
    (matcher.status === undefined || r.status === matcher.status) &&
    (matcher.path === undefined ||
      (typeof matcher.path === 'string' ? r.path === matcher.path : matcher.path.test(r.path)));
}

export class RequestRecorder {
  readonly requests: RecordedRequest[] = [];
  readonly #events = new EventEmitter();
  #seq = 0;

  constructor() {
    // Many concurrent waitFor calls in one test are normal, not a leak.
    this.#events.setMaxListeners(0);
  }

  nextSeq(): number {
    this.#seq += 1;
    return this.#seq;
  }

  add(request: RecordedRequest): void {
    this.requests.push(request);
    this.#events.emit('request', request);
  }

  waitFor(matcher: RequestMatcher, timeoutMs = 5000): Promise<RecordedRequest> {
    const predicate = toPredicate(matcher);
    const already = this.requests.find(predicate);
    if (already) return Promise.resolve(already);
    // Captured here so a timeout points at the test line that waited, not at a timer callback.
    const timeoutError = new Error(`fake-discord: no matching request within ${timeoutMs} ms`);
    return new Promise((resolve, reject) => {
      const onRequest = (request: RecordedRequest) => {
        if (!predicate(request)) return;
        clearTimeout(timer);
        this.#events.off('request', onRequest);
        resolve(request);
      };
      const timer = setTimeout(() => {
        this.#events.off('request', onRequest);
        const seen = this.requests.map((r) => `${r.method} ${r.path} -> ${r.status}`).join('\n  ');
        timeoutError.message += `; requests so far:\n  ${seen || '(none)'}`;
        reject(timeoutError);
      }, timeoutMs);
      this.#events.on('request', onRequest);
    });
  }
}
