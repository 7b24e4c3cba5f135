import { describe, expect, it } from 'vitest';
import { blockActionPayload, slashCommandPayload } from '../../support/fake-slack/index.js';
import { until } from '../../support/until.js';
import { APP_TOKEN, button, errorsLogged, textOf, useHarness } from './harness.js';

/** The same adapter over Socket Mode: SLACK_APP_TOKEN set, no HTTP port, envelopes over the fake's socket. */

const h = useHarness({ socket: true });

describe('Socket Mode', () => {
  it('connects with the app-level token and listens on no port', () => {
    expect(h.slack.mode).toBe('socket');
    expect(h.slack.port).toBeNull();
    const open = h.fake.successfulCalls('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe(APP_TOKEN);
    expect(h.fake.socketConnections).toBe(1);
  });

  it('runs a slash command from an envelope, acks it, answers through response_url; a retried envelope has no second effect', async () => {
    const payload = slashCommandPayload({ command: '/keypoints', text: '', channelId: 'C0SOCK', responseUrl: h.fake.responseUrl('sock') });
    const ack = await h.fake.socketSend({ type: 'slash_commands', envelope_id: 'env-1', payload: payload as never });
    expect(ack.envelope_id).toBe('env-1');
    await h.settled();
    const [message] = h.fake.responses('sock').map((r) => r.body);
    expect(message).toMatchObject({ response_type: 'in_channel' });
    expect(textOf(message!)).toMatch(/^Key point — /);

    await h.fake.socketSend({ type: 'slash_commands', envelope_id: 'env-1-retry', retry_attempt: 1, retry_reason: 'timeout', payload: payload as never });
    await h.settled();
    expect(h.fake.responses('sock')).toHaveLength(1);

    const another = button(message!, 'Another');
    await h.fake.socketSend({
      type: 'interactive',
      payload: blockActionPayload({ actionId: another.action_id, value: another.value, channelId: 'C0SOCK', responseUrl: h.fake.responseUrl('sock-click') }),
    });
    await h.settled();
    const [next] = h.fake.responses('sock-click').map((r) => r.body);
    expect(textOf(next!)).toMatch(/^Key point — /);
    expect(errorsLogged(h)).toEqual([]);
  });

  it('logs an envelope Bolt cannot handle, with its type, and answers the next command', async () => {
    // A button click without its user or team: Bolt throws reading them, before any listener runs.
    const malformed = h.fake.socketSend({ type: 'interactive', payload: { type: 'block_actions', actions: [{ type: 'button', action_id: 'x' }] } as never }, 5000).catch(() => 'not acked');
    const logged = await until(() => errorsLogged(h).find((e) => /while Bolt processed \(type: block_actions, error: TypeError/.test(e.msg ?? '')), 20_000, 'the failure to be logged');
    expect(logged).toBeDefined();
    const payload = slashCommandPayload({ command: '/keypoints', text: '', channelId: 'C0SOCK', responseUrl: h.fake.responseUrl('after-malformed') });
    await h.fake.socketSend({ type: 'slash_commands', payload: payload as never }, 20_000);
    await h.settled();
    expect(textOf(h.fake.responses('after-malformed')[0]!.body)).toMatch(/^Key point — /);
    await malformed;
  }, 60_000);

  it('lets work in flight finish when stopped, then closes the socket', async () => {
    const payload = slashCommandPayload({ command: '/prompt', text: 'now', channelId: 'C0STOP', responseUrl: h.fake.responseUrl('stopping') });
    await h.fake.socketSend({ type: 'slash_commands', payload: payload as never });
    await h.slack.stop();
    expect(h.fake.responses('stopping')).toHaveLength(1);
    await h.fake.waitFor((f) => f.socketConnections === 0);
  });
});
