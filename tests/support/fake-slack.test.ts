import type { AddressInfo } from 'node:net';
import { App, LogLevel, type SlashCommand } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockActionBody,
  blockActionPayload,
  eventCallbackPayload,
  signedPost,
  slashCommandBody,
  slashCommandPayload,
  startFakeSlack,
  urlVerificationBody,
  viewSubmissionBody,
  type FakeSlack,
  type JsonObject,
} from './fake-slack/index.js';

const SECRET = 'fake-signing-secret';
const BOT_TOKEN = 'xoxb-fake-bot-token';

const debateBlocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Motion:* this house would test offline' } }];

describe('fake Slack driving a real Bolt App over HTTP', () => {
  let fake: FakeSlack;
  let app: App;
  let eventsUrl: string;
  const seen = {
    commands: [] as SlashCommand[],
    retryNums: [] as (number | undefined)[],
    actions: [] as JsonObject[],
    submissions: [] as JsonObject[],
    postErrors: [] as string[],
  };

  beforeAll(async () => {
    fake = await startFakeSlack({ teamId: 'T0FAKE', botUserId: 'U0BOT', botId: 'B0BOT' });
    // A fresh clientOptions object per App: Bolt writes its logger into it.
    app = new App({ signingSecret: SECRET, token: BOT_TOKEN, clientOptions: { slackApiUrl: fake.apiUrl }, logLevel: LogLevel.ERROR });

    app.command('/debate', async ({ ack, command, respond, client, context }) => {
      seen.commands.push(command);
      seen.retryNums.push(context.retryNum);
      await ack();
      const [verb, ...rest] = command.text.split(' ');
      if (verb === 'post') {
        try {
          await client.chat.postMessage({ channel: command.channel_id, text: rest.join(' '), blocks: debateBlocks });
        } catch (error) {
          seen.postErrors.push((error as { data?: { error?: string } }).data?.error ?? String(error));
        }
      } else if (verb === 'open') {
        await client.views.open({
          trigger_id: command.trigger_id,
          view: {
            type: 'modal',
            callback_id: 'motion_modal',
            private_metadata: command.channel_id,
            title: { type: 'plain_text', text: 'New debate' },
            submit: { type: 'plain_text', text: 'Start' },
            blocks: [
              {
                type: 'input',
                block_id: 'motion_block',
                label: { type: 'plain_text', text: 'Motion' },
                element: { type: 'plain_text_input', action_id: 'motion_input' },
              },
            ],
          },
        });
      } else {
        await respond({ response_type: 'ephemeral', blocks: debateBlocks, text: `motion: ${command.text}` });
      }
    });

    app.action('vote_for', async ({ ack, body, action, respond }) => {
      await ack();
      seen.actions.push({ user: body.user.id, value: 'value' in action ? action.value : undefined });
      await respond({ replace_original: false, text: 'vote counted' });
    });

    app.view('motion_modal', async ({ ack, view }) => {
      const motion = view.state.values.motion_block?.motion_input?.value ?? '';
      if (motion.trim() === '') {
        await ack({ response_action: 'errors', errors: { motion_block: 'A debate needs a motion' } });
        return;
      }
      await ack();
      seen.submissions.push({ motion, channel: view.private_metadata });
    });

    const server = await app.start({ port: 0, host: '127.0.0.1' });
    eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });

  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('verifies the bot token with auth.test', async () => {
    const call = await fake.waitFor((f) => f.successfulCalls('auth.test')[0]);
    expect(call.token).toBe(BOT_TOKEN);
    expect(call.response).toMatchObject({ user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0FAKE' });
  });

  it('delivers a signed slash command and records respond() at the response_url', async () => {
    const responseUrl = fake.responseUrl('cmd-respond');
    const res = await signedPost(eventsUrl, slashCommandBody({ text: 'offline tests', responseUrl }), { secret: SECRET });
    expect(res.status).toBe(200);

    const [response] = await fake.waitFor((f) => f.responses('cmd-respond').length > 0 && f.responses('cmd-respond'));
    expect(response?.body).toEqual({ response_type: 'ephemeral', blocks: debateBlocks, text: 'motion: offline tests' });
    expect(seen.commands.at(-1)).toMatchObject({ command: '/debate', team_id: 'T0FAKE', user_id: 'U0USER' });
  });

  it('records chat.postMessage with its blocks parsed back into objects', async () => {
    const res = await signedPost(eventsUrl, slashCommandBody({ text: 'post plain post', channelId: 'C0PLAIN' }), {
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    const call = await fake.waitFor((f) => f.successfulCalls('chat.postMessage').find((c) => c.body.channel === 'C0PLAIN'));
    expect(call.body).toMatchObject({ text: 'plain post', blocks: debateBlocks, team_id: 'T0FAKE' });
    expect(call.token).toBe(BOT_TOKEN);
    expect(call.response).toMatchObject({ ok: true, channel: 'C0PLAIN', message: { blocks: debateBlocks } });
    expect(String(call.response.ts)).toMatch(/^\d{10}\.\d{6}$/);
  });

  it('answers 401 to a forged signature and to a stale timestamp, without running the handler', async () => {
    const before = seen.commands.length;
    const body = slashCommandBody({ text: 'forged' });
    const forged = await signedPost(eventsUrl, body, { secret: 'not-the-secret' });
    const badHex = await signedPost(eventsUrl, body, { secret: SECRET, signature: `v0=${'0'.repeat(64)}` });
    const stale = await signedPost(eventsUrl, body, { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect([forged.status, badHex.status, stale.status]).toEqual([401, 401, 401]);
    expect(seen.commands.length).toBe(before);
  });

  it('answers 400 when the form content-type carries a charset suffix', async () => {
    const before = seen.commands.length;
    const res = await signedPost(eventsUrl, slashCommandBody({ text: 'charset' }), {
      secret: SECRET,
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    });
    expect(res.status).toBe(400);
    expect(seen.commands.length).toBe(before);
  });

  it('passes X-Slack-Retry-Num through to context.retryNum and still runs the handler', async () => {
    const res = await signedPost(eventsUrl, slashCommandBody({ text: 'retried', responseUrl: fake.responseUrl('retry') }), {
      secret: SECRET,
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    expect(res.status).toBe(200);
    await fake.waitFor((f) => f.responses('retry').length === 1);
    expect(seen.retryNums.at(-1)).toBe(1);
  });

  it('answers a url_verification challenge', async () => {
    const res = await signedPost(eventsUrl, urlVerificationBody('chal-123'), { secret: SECRET });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: 'chal-123' });
  });

  it('routes a block_actions click to app.action()', async () => {
    const responseUrl = fake.responseUrl('vote');
    const res = await signedPost(
      eventsUrl,
      blockActionBody({ actionId: 'vote_for', value: 'side-a', userId: 'U0VOTER', responseUrl }),
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    const [response] = await fake.waitFor((f) => f.responses('vote').length > 0 && f.responses('vote'));
    expect(response?.body).toEqual({ replace_original: false, text: 'vote counted' });
    expect(seen.actions.at(-1)).toEqual({ user: 'U0VOTER', value: 'side-a' });
  });

  it('records views.open and routes the view_submission to app.view()', async () => {
    const res = await signedPost(
      eventsUrl,
      slashCommandBody({ text: 'open', channelId: 'C0MODAL', triggerId: 'trigger-modal' }),
      { secret: SECRET },
    );
    expect(res.status).toBe(200);
    const open = await fake.waitFor((f) => f.successfulCalls('views.open').find((c) => c.body.trigger_id === 'trigger-modal'));
    expect(open.body.view).toMatchObject({ type: 'modal', callback_id: 'motion_modal', private_metadata: 'C0MODAL' });
    expect(open.response).toMatchObject({ view: { id: expect.stringMatching(/^V/), callback_id: 'motion_modal' } });

    const submit = (value: string) =>
      signedPost(
        eventsUrl,
        viewSubmissionBody({
          callbackId: 'motion_modal',
          privateMetadata: 'C0MODAL',
          values: { motion_block: { motion_input: { type: 'plain_text_input', value } } },
        }),
        { secret: SECRET },
      );

    const rejected = await submit('  ');
    expect(rejected.status).toBe(200);
    expect(JSON.parse(rejected.text)).toEqual({
      response_action: 'errors',
      errors: { motion_block: 'A debate needs a motion' },
    });

    const accepted = await submit('This house would debate offline');
    expect(accepted.status).toBe(200);
    expect(seen.submissions).toEqual([{ motion: 'This house would debate offline', channel: 'C0MODAL' }]);
  });

  it('surfaces an injected Slack error to the caller', async () => {
    fake.failNext({ method: 'chat.postMessage', error: 'channel_not_found' });
    await signedPost(eventsUrl, slashCommandBody({ text: 'post into the void', channelId: 'C0GONE' }), { secret: SECRET });
    const call = await fake.waitFor((f) => f.callsTo('chat.postMessage').find((c) => c.body.channel === 'C0GONE'));
    expect(call).toMatchObject({ status: 200, ok: false, response: { ok: false, error: 'channel_not_found' } });
    await expect.poll(() => seen.postErrors).toContain('channel_not_found');
  });

  it('has @slack/web-api retry a 429 exactly once after Retry-After', async () => {
    fake.failNext({ method: 'chat.postMessage', status: 429, retryAfter: 1 });
    await signedPost(eventsUrl, slashCommandBody({ text: 'post rate limited', channelId: 'C0BUSY' }), { secret: SECRET });

    const toBusy = (f: FakeSlack) => f.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0BUSY');
    await fake.waitFor((f) => f.successfulCalls('chat.postMessage').some((c) => c.body.channel === 'C0BUSY'), 10_000);
    // Give a duplicate retry the chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const calls = toBusy(fake);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(fake.successfulCalls('chat.postMessage').filter((c) => c.body.channel === 'C0BUSY')).toHaveLength(1);
  });
});

describe('fake Slack driving a real Bolt App over Socket Mode', () => {
  let fake: FakeSlack;
  let app: App;
  const seen = { commands: [] as SlashCommand[], actions: [] as string[], mentions: [] as string[] };

  beforeAll(async () => {
    fake = await startFakeSlack();
    // Socket Mode takes its API url from the App's clientOptions (Bolt forwards them via installerOptions).
    app = new App({
      token: BOT_TOKEN,
      appToken: 'xapp-1-fake-app-token',
      socketMode: true,
      clientOptions: { slackApiUrl: fake.apiUrl },
      logLevel: LogLevel.ERROR,
    });
    app.command('/debate', async ({ ack, command, respond }) => {
      seen.commands.push(command);
      await ack({ response_type: 'ephemeral', text: `queued: ${command.text}` });
      await respond({ response_type: 'in_channel', text: 'debate started' });
    });
    app.action('vote_for', async ({ ack, action }) => {
      await ack();
      seen.actions.push('value' in action && typeof action.value === 'string' ? action.value : '');
    });
    app.event('app_mention', async ({ event }) => {
      seen.mentions.push(event.text);
    });
    await app.start();
  });

  afterAll(async () => {
    await app?.stop();
    // stop() does not wait for the close handshake; closing the fake first would make the client reconnect.
    await fake?.waitFor((f) => f.socketConnections === 0).catch(() => undefined);
    await fake?.close();
  });

  it('opens the connection with the app-level token', () => {
    const open = fake.successfulCalls('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe('xapp-1-fake-app-token');
    expect(fake.socketConnections).toBe(1);
  });

  it('delivers a slash command envelope and gets the ack with its payload', async () => {
    const responseUrl = fake.responseUrl('socket-cmd');
    const ack = await fake.socketSend({
      type: 'slash_commands',
      envelope_id: 'env-cmd-1',
      payload: slashCommandPayload({ text: 'over the socket', responseUrl }),
    });
    expect(ack).toEqual({ envelope_id: 'env-cmd-1', payload: { response_type: 'ephemeral', text: 'queued: over the socket' } });
    expect(seen.commands.at(-1)?.text).toBe('over the socket');
    const [response] = await fake.waitFor((f) => f.responses('socket-cmd').length > 0 && f.responses('socket-cmd'));
    expect(response?.body).toEqual({ response_type: 'in_channel', text: 'debate started' });
  });

  it('delivers interactive and events_api envelopes', async () => {
    const actionAck = await fake.socketSend({
      type: 'interactive',
      payload: blockActionPayload({ actionId: 'vote_for', value: 'side-b' }),
    });
    expect(actionAck.envelope_id).toEqual(expect.any(String));
    expect(seen.actions).toEqual(['side-b']);

    const eventAck = await fake.socketSend({
      type: 'events_api',
      payload: eventCallbackPayload({
        event: { type: 'app_mention', user: 'U0USER', text: '<@U0BOT> debate?', ts: '1700000001.000100', channel: 'C0DEBATE' },
      }),
    });
    expect(eventAck.envelope_id).toEqual(expect.any(String));
    await expect.poll(() => seen.mentions).toEqual(['<@U0BOT> debate?']);
  });
});

describe('fake Slack Web API on its own', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await startFakeSlack();
  });
  afterAll(async () => {
    await fake?.close();
  });

  const call = async (method: string, body: JsonObject, token = BOT_TOKEN) => {
    const res = await fetch(`${fake.apiUrl}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as JsonObject };
  };

  it('parses JSON bodies and records unknown methods as failures', async () => {
    expect((await call('chat.postMessage', { channel: 'C1', text: 'hi' })).body).toMatchObject({ ok: true, channel: 'C1' });
    expect((await call('nope.nothing', {})).body).toEqual({ ok: false, error: 'unknown_method' });
    expect(fake.callsTo('nope.nothing')[0]).toMatchObject({ ok: false, status: 200 });
  });

  it('rejects a bot token on apps.connections.open and requests without a token', async () => {
    expect((await call('apps.connections.open', {})).body).toEqual({ ok: false, error: 'not_allowed_token_type' });
    expect((await call('auth.test', {}, '')).body).toEqual({ ok: false, error: 'not_authed' });
  });

  it('keeps thread replies findable through conversations.replies', async () => {
    const parent = fake.seedMessage({ channel: 'C2', text: 'motion', user: 'U0USER' });
    await call('chat.postMessage', { channel: 'C2', text: 'reply', thread_ts: parent.ts });
    const { body } = await call('conversations.replies', { channel: 'C2', ts: parent.ts });
    expect((body.messages as JsonObject[]).map((m) => m.text)).toEqual(['motion', 'reply']);
  });

  it('lets a test override a method result', async () => {
    fake.respondWith('users.info', ({ body }) => ({ user: { id: body.user, name: 'grace' } }));
    expect((await call('users.info', { user: 'U9' })).body).toEqual({ ok: true, user: { id: 'U9', name: 'grace' } });
  });
});
