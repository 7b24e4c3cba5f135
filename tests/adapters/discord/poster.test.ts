import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscordAPIError, RateLimitError, type Client } from 'discord.js';
import { PostError } from '../../../src/core/poster.js';
import type { Reply } from '../../../src/core/reply.js';
import type { Where } from '../../../src/core/context.js';
import { loadConfig } from '../../../src/config.js';
import { createClient } from '../../../adapters/discord/index.js';
import { discordPoster } from '../../../adapters/discord/poster.js';
import { toPostError } from '../../../adapters/discord/errors.js';
import { startFakeDiscord, type FakeDiscord, type JsonObject } from '../../support/fake-discord/index.js';
import { recordingLogger } from '../../support/logger.js';
import { APP, CHANNEL, GUILD, TOKEN } from './harness.js';
import { expectWithinDiscordLimits, quotedText } from './discord-limits.js';

let fake: FakeDiscord;
let client: Client;
const log = recordingLogger();
const where: Where = { platform: 'discord', serverId: GUILD, channelId: CHANNEL };

beforeEach(async () => {
  fake = await startFakeDiscord({
    guilds: [{ id: GUILD, name: 'Debate Club', channels: [{ id: CHANNEL, name: 'debates', type: 0 }] }],
    applicationId: APP, botUserId: APP, token: TOKEN,
  });
  client = createClient(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl }));
  await client.login(TOKEN);
  await fake.waitForSession();
});
afterEach(async () => {
  await client.destroy();
  await fake.close();
  expect(fake.errors).toEqual([]);
});

const poster = () => discordPoster(client, log);
const prompt: Reply = {
  visibility: 'public',
  blocks: [{ type: 'heading', text: 'Discussion prompt' }, { type: 'text', text: 'Is Ukraine a member in all but name?' }],
  thread: { name: `Is Ukraine a member in all but name? ${'Discuss it here, please. '.repeat(8)}` },
};

async function failure(promise: Promise<unknown>): Promise<PostError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(PostError);
  return err as PostError;
}

describe('the Discord poster (background posts)', () => {
  it('posts to the channel by id and starts the thread the reply asks for', async () => {
    const posted = await poster().post(where, prompt);
    const message = fake.message(posted.messageId!)!;
    expect(message.channel_id).toBe(CHANNEL);
    expect((message.embeds as JsonObject[])[0]?.title).toBe('Discussion prompt');
    const [thread] = fake.threads(CHANNEL);
    expect(thread?.id).toBe(posted.messageId);
    expect(String(thread?.name).length).toBeLessThanOrEqual(100);
    expect(String(thread?.name)).toMatch(/^Is Ukraine a member in all but name\?/);
    const [request] = fake.find({ method: 'POST', path: `/channels/${CHANNEL}/messages` });
    expect((request!.body as JsonObject).allowed_mentions).toEqual({ parse: [] });
  });

  it('sends a keyed post with a nonce of its key, so a repeat (a takeover after a crash) returns the first message', async () => {
    const once = { key: 'sched:abc123:1764147600000#0', retry: false };
    const first = await poster().post(where, prompt, once);
    const again = await poster().post(where, prompt, { ...once, retry: true });
    expect(again.messageId).toBe(first.messageId);
    expect(fake.channelMessages(CHANNEL)).toHaveLength(1);
    expect(fake.threads(CHANNEL)).toHaveLength(1);
    expect(fake.nonceRepeats).toBe(1);
    const sends = fake.find({ method: 'POST', path: `/channels/${CHANNEL}/messages` }).map((r) => r.body as JsonObject);
    expect(sends).toHaveLength(2);
    for (const body of sends) {
      expect(body.enforce_nonce).toBe(true);
      expect(String(body.nonce)).toMatch(/^[0-9a-z]{1,25}$/);
    }
    expect(sends[1]!.nonce).toBe(sends[0]!.nonce);

    // Another post (another slot) is another message, with a nonce of its own.
    const other = await poster().post(where, { ...prompt, thread: undefined }, { key: 'sched:abc123:1764234000000#0', retry: false });
    expect(other.messageId).not.toBe(first.messageId);
    expect(fake.channelMessages(CHANNEL)).toHaveLength(2);
    // An unkeyed post carries no nonce.
    await poster().post(where, { ...prompt, thread: undefined });
    const last = fake.find({ method: 'POST', path: `/channels/${CHANNEL}/messages` }).at(-1)!.body as JsonObject;
    expect(last.nonce).toBeUndefined();
  });

  it('gives each message of a reply split in several its own nonce', async () => {
    const long: Reply = { visibility: 'public', blocks: Array.from({ length: 3 }, (_, i) => ({ type: 'text' as const, text: `${i} ${'word '.repeat(900)}` })) };
    const once = { key: 'reveal:quiz-1:0#0', retry: false };
    await poster().post(where, long, once);
    const count = fake.channelMessages(CHANNEL).length;
    expect(count).toBeGreaterThan(1);
    const nonces = fake.find({ method: 'POST', path: `/channels/${CHANNEL}/messages` }).map((r) => (r.body as JsonObject).nonce);
    expect(new Set(nonces).size).toBe(count);
    await poster().post(where, long, { ...once, retry: true });
    expect(fake.channelMessages(CHANNEL)).toHaveLength(count);
    expect(fake.nonceRepeats).toBe(count);
  });

  it('reports a channel that is gone as channel-gone', async () => {
    const err = await failure(poster().post({ ...where, channelId: '910000000000009999' }, prompt));
    expect(err.reason).toBe('channel-gone');
  });

  it('reports missing permissions and missing access as forbidden', async () => {
    fake.failNext({ method: 'POST', pathPattern: `/channels/${CHANNEL}/messages`, status: 403, code: 50013, message: 'Missing Permissions' });
    expect((await failure(poster().post(where, prompt))).reason).toBe('forbidden');
    fake.failNext({ method: 'POST', pathPattern: `/channels/${CHANNEL}/messages`, status: 403, code: 50001, message: 'Missing Access' });
    expect((await failure(poster().post(where, prompt))).reason).toBe('forbidden');
    expect(fake.channelMessages(CHANNEL)).toHaveLength(0);
  });

  it('posts once through a 429 (discord.js waits and retries)', async () => {
    const limited = fake.failNext({ method: 'POST', pathPattern: `/channels/${CHANNEL}/messages`, status: 429, retryAfter: 0.2 });
    await poster().post(where, { ...prompt, thread: undefined });
    expect(limited.hits).toBe(1);
    expect(fake.channelMessages(CHANNEL)).toHaveLength(1);
  });

  it('logs, and does not fail the post, when the thread cannot be started', async () => {
    fake.failNext({ method: 'POST', pathPattern: /\/threads$/, status: 403, code: 50013 });
    const posted = await poster().post(where, prompt);
    expect(posted.messageId).not.toBeNull();
    expect(fake.threads(CHANNEL)).toHaveLength(0);
    expect(log.entries.some((e) => e.msg === 'could not start a thread')).toBe(true);
  });

  it('splits a reply too long for one message over several, within limits, the quote intact', async () => {
    const quote = 'The West is, in effect, building a NATO-compatible army on NATO’s border without extending the Article 5 guarantee. '.repeat(90);
    const long: Reply = {
      visibility: 'public',
      blocks: [
        { type: 'heading', text: 'Everything the article says' },
        { type: 'text', text: 'An explanation that goes on. '.repeat(200) },
        { type: 'quote', text: quote, citation: { anchor: 'P9', title: 'Ukraine Has a ‘Secret Back Door’ Into NATO', author: 'Andrew Latham', outlet: 'National Security Journal' } },
        { type: 'choices', choices: [{ id: 'kp:next:any', label: 'Another' }] },
      ],
    };
    await poster().post(where, long);
    const sent = fake.find({ method: 'POST', path: `/channels/${CHANNEL}/messages` }).map((r) => r.body as JsonObject);
    expect(sent.length).toBeGreaterThan(1);
    for (const m of sent) expectWithinDiscordLimits(m as never);
    expect(quotedText(sent as never)).toBe(quote);
    // Only the last message carries the button.
    expect(sent.map((m) => (m.components as unknown[]).length)).toEqual([...sent.slice(1).map(() => 0), 1]);
  });
});

describe('translating Discord errors for background work', () => {
  it('maps a rate limit the library gives up on to rate-limited, anything unknown to other', () => {
    const rateLimit = new RateLimitError({
      timeToReset: 1000, limit: 5, method: 'POST', hash: 'h', url: 'http://x', route: '/channels/:id/messages',
      majorParameter: CHANNEL, global: false, retryAfter: 1000, sublimitTimeout: 0, scope: 'user',
    });
    expect(toPostError(rateLimit).reason).toBe('rate-limited');
    const unknown = new DiscordAPIError({ code: 50035, message: 'Invalid Form Body' }, 50035, 400, 'POST', 'http://x', { body: undefined, files: undefined });
    expect(toPostError(unknown).reason).toBe('other');
  });
});
