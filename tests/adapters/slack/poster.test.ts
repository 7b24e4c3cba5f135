import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostError } from '../../../src/core/poster.js';
import type { Reply } from '../../../src/core/reply.js';
import { slackPoster, THREAD_INVITE } from '../../../adapters/slack/poster.js';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack/index.js';
import { recordingLogger } from '../../support/logger.js';
import { BOT_TOKEN } from './harness.js';

/** The background poster against the fake Web API: threads, and Slack's errors in the core's words. */

let fake: FakeSlack;
beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake?.close();
});

const where = (channelId: string) => ({ platform: 'slack' as const, serverId: 'T0FAKE', channelId });
const prompt: Reply = {
  visibility: 'public',
  blocks: [{ type: 'heading', text: 'Discussion prompt' }, { type: 'text', text: 'Is Ukraine inside the tent?' }],
  thread: { name: 'Is Ukraine inside the tent?' },
};

function poster(retries = 0) {
  const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, logLevel: webApi.LogLevel.ERROR, retryConfig: { retries, minTimeout: 50, maxTimeout: 100 } });
  return slackPoster(client, recordingLogger());
}

describe('slackPoster', () => {
  it('posts the message, then opens a thread under it', async () => {
    const posted = await poster().post(where('C0THREAD'), prompt);
    const calls = fake.successfulCalls('chat.postMessage').filter((c) => c.body.channel === 'C0THREAD');
    expect(calls).toHaveLength(2);
    expect(calls[0]!.body).toMatchObject({ text: expect.stringContaining('Discussion prompt'), blocks: [{ type: 'header' }, { type: 'section' }] });
    expect(posted.messageId).toBe(calls[0]!.response.ts);
    expect(calls[1]!.body).toMatchObject({ thread_ts: posted.messageId, text: THREAD_INVITE });
    expect(fake.messages.filter((m) => m.thread_ts === posted.messageId)).toHaveLength(1);
  });

  it('posts a reply without a thread once, and never posts a private reply to a channel', async () => {
    await poster().post(where('C0PLAIN'), { ...prompt, thread: undefined });
    expect(fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0PLAIN')).toHaveLength(1);
    expect(await poster().post(where('C0PRIVATE'), { ...prompt, visibility: 'private' })).toEqual({ messageId: null });
    expect(fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0PRIVATE')).toHaveLength(0);
  });

  it.each([
    ['channel_not_found', 'channel-gone'],
    ['is_archived', 'channel-gone'],
    ['not_in_channel', 'forbidden'],
    ['missing_scope', 'forbidden'],
    ['restricted_action', 'forbidden'],
    ['ratelimited', 'rate-limited'],
    ['msg_too_long', 'other'],
  ])('maps Slack’s %s to PostError %s', async (error, reason) => {
    fake.failNext({ method: 'chat.postMessage', error });
    const failure = await poster().post(where('C0ERR'), prompt).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PostError);
    expect((failure as PostError).reason).toBe(reason);
    expect((failure as PostError).message).toContain(error);
  });

  it('reports rate-limited when Slack still answers 429 after the client’s retries', async () => {
    fake.failNext({ method: 'chat.postMessage', status: 429, retryAfter: 1, times: 2 });
    const failure = await poster(1).post(where('C0429'), prompt).catch((e: unknown) => e);
    expect((failure as PostError).reason).toBe('rate-limited');
    expect(fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0429').map((c) => c.status)).toEqual([429, 429]);
  });

  it('tags a keyed post with its key, and a retry finds it in history instead of posting it again', async () => {
    const channel = 'C0KEYED';
    const once = { key: 'sched:abc123:1764147600000#0', retry: false };
    const first = await poster().post(where(channel), prompt, once);
    const posts = () => fake.successfulCalls('chat.postMessage').filter((c) => c.body.channel === channel);
    expect(posts()).toHaveLength(2); // the post and its thread invite
    expect(posts()[0]!.body.metadata).toEqual({ event_type: 'rostrum_post', event_payload: { key: `${once.key}.0` } });
    // A first attempt does not read history: it has nothing to find.
    expect(fake.callsTo('conversations.history').filter((c) => c.body.channel === channel)).toHaveLength(0);

    const again = await poster().post(where(channel), prompt, { ...once, retry: true });
    expect(again.messageId).toBe(first.messageId);
    expect(posts()).toHaveLength(2); // neither the post nor its thread invite again
    const [history] = fake.callsTo('conversations.history').filter((c) => c.body.channel === channel);
    expect([Number(history!.body.limit), String(history!.body.include_all_metadata)]).toEqual([100, 'true']);

    // A retry of a post that never got out posts it, tagged.
    const other = await poster().post(where(channel), { ...prompt, thread: undefined }, { key: 'sched:abc123:1764234000000#0', retry: true });
    expect(other.messageId).not.toBe(first.messageId);
    expect(posts()).toHaveLength(3);
    expect(posts()[2]!.body.metadata).toMatchObject({ event_payload: { key: 'sched:abc123:1764234000000#0.0' } });
  });

  it('retries a thread reply by looking in the thread, and only for the parts not yet posted', async () => {
    const channel = 'C0THREADED';
    const parent = await poster().post(where(channel), { ...prompt, thread: undefined });
    const inThread: Reply = { visibility: 'public', blocks: [{ type: 'text', text: 'How the vote moved.' }], threadOf: parent.messageId! };
    const once = { key: 'close:post-1#1', retry: false };
    const first = await poster().post(where(channel), inThread, once);
    const again = await poster().post(where(channel), inThread, { ...once, retry: true });
    expect(again.messageId).toBe(first.messageId);
    expect(fake.messages.filter((m) => m.channel === channel && m.thread_ts === parent.messageId)).toHaveLength(1);
    const [replies] = fake.callsTo('conversations.replies').filter((c) => c.body.channel === channel);
    expect([replies!.body.ts, String(replies!.body.include_all_metadata)]).toEqual([parent.messageId, 'true']);
  });

  it('posts a retry when history cannot be read (an install without the history scopes), and says so', async () => {
    const logs = recordingLogger();
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, logLevel: webApi.LogLevel.ERROR, retryConfig: { retries: 0 } });
    fake.failNext({ method: 'conversations.history', error: 'missing_scope' });
    const posted = await slackPoster(client, logs).post(where('C0NOSCOPE'), { ...prompt, thread: undefined }, { key: 'reveal:q:0#0', retry: true });
    expect(posted.messageId).not.toBeNull();
    expect(logs.entries.some((e) => e.level === 'warn' && /could not read channel history/.test(e.msg ?? ''))).toBe(true);
  });
});
