import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRostrum, tempDbPath } from '../../support/cli.js';

/** A Slack Web API that takes every request and never answers: start-up hangs in auth.test. */
let silent: Server;
let apiUrl: string;
beforeAll(async () => {
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api/`;
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

describe('`rostrum start` with Slack settings', () => {
  it('exits within seconds of a SIGTERM even while start-up hangs on an unanswering Slack', async () => {
    const bot = startRostrum(['start'], {
      SLACK_BOT_TOKEN: 'xoxb-start-test', SLACK_SIGNING_SECRET: 'start-test-secret', SLACK_API_URL: apiUrl,
      PORT: '0', DATABASE_PATH: await tempDbPath(), LOG_LEVEL: 'info',
    });
    try {
      await bot.waitFor(/runtime ready/, 20_000);
      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => bot.child.once('exit', (code, signal) => resolve({ code, signal })));
      const startedAt = Date.now();
      bot.child.kill('SIGTERM');
      const late = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 12_000).unref());
      const outcome = await Promise.race([exited, late]);
      // A stop that comes while it connects calls the connecting off: a clean stop, nothing had started.
      expect(outcome).toEqual({ code: 0, signal: null });
      expect(bot.output()).toMatch(/"signal":"SIGTERM","whileStarting":true,"msg":"stopping"/);
      expect(Date.now() - startedAt).toBeLessThan(12_000);
      expect(bot.output()).not.toContain('xoxb-start-test');
    } finally {
      bot.child.kill('SIGKILL');
    }
  }, 40_000);
});
