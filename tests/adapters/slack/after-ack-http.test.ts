import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { signedPost, slashCommandBody } from '../../support/fake-slack/index.js';
import { until } from '../../support/until.js';
import { SECRET, startHarness, type Harness } from './harness.js';

/** A response_url endpoint of the test's own, which counts the connections it is reached on. */
async function responseSink(hold = false) {
  const bodies: { path: string; body: Record<string, unknown> }[] = [];
  const held: ServerResponse[] = [];
  let connections = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      bodies.push({ path: req.url ?? '', body: JSON.parse(raw) as Record<string, unknown> });
      if (hold) held.push(res);
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (id: string) => `${base}/r/${id}`,
    bodies,
    connections: () => connections,
    release() {
      for (const res of held.splice(0)) res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function command(h: Harness, responseUrl: string, n: number) {
  const body = slashCommandBody({ command: '/keypoints', text: '', responseUrl, triggerId: `trigger-${n}-${Date.now()}`, channelId: `C${n}` });
  return signedPost(h.eventsUrl, body, { secret: SECRET });
}

describe('Slack: the work after an ack', () => {
  const running: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const r of running.splice(0).reverse()) await r.close();
  });

  it('answers commands through response_url on one kept-alive connection, not through fetch', async () => {
    const sink = await responseSink();
    // Bolt's respond() would POST with the global fetch (Bolt reads it when the app is made).
    const fetched: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    }) as typeof fetch;
    running.push({ close: async () => void (globalThis.fetch = realFetch) });
    const h = await startHarness();
    running.push(sink, h);
    for (let n = 0; n < 4; n++) {
      expect((await command(h, sink.url(`c${n}`), n)).status).toBe(200);
      await h.settled();
    }
    expect(sink.bodies.map((b) => b.path)).toEqual(['/r/c0', '/r/c1', '/r/c2', '/r/c3']);
    expect(sink.bodies.every((b) => JSON.stringify(b.body.blocks).includes('Key point'))).toBe(true);
    expect(sink.connections()).toBe(1);
    expect(fetched.filter((url) => url.includes('/r/'))).toEqual([]);
  });

  it('acks a command while the work of an earlier one is still waiting to finish', async () => {
    const sink = await responseSink(true);
    const h = await startHarness({ afterAck: { concurrency: 1 } });
    running.push(sink, h);
    expect((await command(h, sink.url('first'), 1)).status).toBe(200);
    // The first command's answer is held at the response_url: its work has not finished.
    await until(() => sink.bodies.length === 1);
    expect((await command(h, sink.url('second'), 2)).status).toBe(200);
    expect(sink.bodies.map((b) => b.path)).toEqual(['/r/first']);
    sink.release();
    await until(() => (sink.release(), sink.bodies.length === 2));
    await h.settled();
    expect(sink.bodies.map((b) => b.path)).toEqual(['/r/first', '/r/second']);
  });
});
