import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from '../src/logging.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

describe('the logger', () => {
  const secret = 'MTIz.discord-token.value';

  it('writes one JSON line per event', () => {
    const { stream, lines } = capture();
    const log = createLogger('info', [secret], stream);
    log.info({ guild: 'g1' }, 'ready');
    log.warn({ channel: 'c1' }, 'slow');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, msg: 'ready', guild: 'g1' });
  });

  it('never prints a secret: not by key, not in a message, not inside an error', () => {
    const { stream, lines } = capture();
    const log = createLogger('info', [secret], stream);
    log.info({ token: 'anything', headers: { authorization: `Bot ${secret}` } }, 'login');
    log.error({ err: new Error(`401 for token ${secret}`) }, `failed with ${secret}`);
    log.child({ requestUrl: `https://x/${secret}` }).info({}, 'child');
    const all = lines.join('\n');
    expect(all).not.toContain(secret);
    expect(all).not.toContain('anything');
    expect(all.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('says whether debug lines are written, for itself and its children, as the lines it writes show', () => {
    for (const level of ['debug', 'info', 'warn']) {
      const { stream, lines } = capture();
      const log = createLogger(level, [], stream);
      const child = log.child({ platform: 'discord' });
      log.debug({}, 'one');
      child.debug({}, 'two');
      expect(log.debugEnabled).toBe(lines.length === 2);
      expect(child.debugEnabled).toBe(log.debugEnabled);
      expect(log.debugEnabled).toBe(level === 'debug');
    }
  });
});
