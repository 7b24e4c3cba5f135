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

/**
 * Keeps every REST request, and each interaction's own requests (its callback, edits and follow-ups)
 * apart as well: waiting for one interaction's request then reads that interaction's few, and hears
 * only of that interaction's new ones. Scanning every request on each wait made the fake's cost grow
 * with the length of its history, until under a benchmark's load the fake, not the bot, set the pace.
 */
export class RequestRecorder {
  readonly requests: RecordedRequest[] = [];
  readonly #ofInteraction = new Map<string, RecordedRequest[]>();
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
    const id = request.interactionId;
    if (id !== undefined) {
      const own = this.#ofInteraction.get(id);
      if (own) own.push(request);
      else this.#ofInteraction.set(id, [request]);
    }
    this.#events.emit('request', request);
    if (id !== undefined) this.#events.emit(`interaction:${id}`, request);
  }

  /** One interaction's requests so far, in arrival order. */
  ofInteraction(interactionId: string): readonly RecordedRequest[] {
    return this.#ofInteraction.get(interactionId) ?? [];
  }

  waitFor(matcher: RequestMatcher, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.#wait(this.requests, 'request', toPredicate(matcher), timeoutMs);
  }

  /** `waitFor` among one interaction's requests only. */
  waitForOf(interactionId: string, matcher: RequestMatcher, timeoutMs = 5000): Promise<RecordedRequest> {
    return this.#wait(this.ofInteraction(interactionId), `interaction:${interactionId}`, toPredicate(matcher), timeoutMs);
  }

  #wait(recorded: readonly RecordedRequest[], event: string, predicate: (r: RecordedRequest) => boolean, timeoutMs: number): Promise<RecordedRequest> {
    const already = recorded.find(predicate);
    if (already) return Promise.resolve(already);
    // Captured here so a timeout points at the test line that waited, not at a timer callback.
    const timeoutError = new Error(`fake-discord: no matching request within ${timeoutMs} ms`);
    return new Promise((resolve, reject) => {
      const onRequest = (request: RecordedRequest) => {
        if (!predicate(request)) return;
        clearTimeout(timer);
        this.#events.off(event, onRequest);
        resolve(request);
      };
      const timer = setTimeout(() => {
        this.#events.off(event, onRequest);
        const seen = this.requests.map((r) => `${r.method} ${r.path} -> ${r.status}`).join('\n  ');
        timeoutError.message += `; requests so far:\n  ${seen || '(none)'}`;
        reject(timeoutError);
      }, timeoutMs);
      this.#events.on(event, onRequest);
    });
  }
}
