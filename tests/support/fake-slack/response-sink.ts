import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { parseApiBody, readBody, sendJson, headerString, type JsonObject } from './http.js';

export interface RecordedResponse {
  id: string;
  body: JsonObject;
  headers: IncomingHttpHeaders;
}

/**
 * Stands in for Slack's response_url endpoints. Each url carries its own id so a test can tell which
 * interaction a respond() belonged to.
 */
export class ResponseSink {
  readonly all: RecordedResponse[] = [];
  private readonly failures = new Map<string, number[]>();
  private counter = 0;

  constructor(
    private readonly baseUrl: () => string,
    private readonly onChange: () => void,
  ) {}

  url(id?: string): string {
    this.counter += 1;
    return `${this.baseUrl()}/response/${encodeURIComponent(id ?? `R${this.counter}`)}`;
  }

  responses(id?: string): RecordedResponse[] {
    return id === undefined ? [...this.all] : this.all.filter((r) => r.id === id);
  }

  /** Simulates an expired or broken response_url; Bolt's respond() rejects on any non-2xx. */
  failNext(id: string, status = 404): void {
    const queue = this.failures.get(id) ?? [];
    queue.push(status);
    this.failures.set(id, queue);
  }

  async handle(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const raw = await readBody(req);
    const status = this.failures.get(id)?.shift();
    if (status !== undefined) {
      sendJson(res, status, { ok: false, error: 'expired_url' });
      return;
    }
    let body: JsonObject;
    try {
      body = parseApiBody(raw, headerString(req.headers['content-type']) ?? 'application/json');
    } catch {
      sendJson(res, 400, { ok: false, error: 'invalid_json' });
      return;
    }
    this.all.push({ id, body, headers: req.headers });
    sendJson(res, 200, { ok: true });
    this.onChange();
  }
}
