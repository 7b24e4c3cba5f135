import { describe, expect, it } from 'vitest';
import { blockActionBody, signedPost, slashCommandBody, type JsonObject } from '../../support/fake-slack/index.js';
import {
  button,
  buttonsOf,
  click,
  only,
  resend,
  responses,
  SECRET,
  slash,
  textOf,
  useHarness,
} from './harness.js';

/** What a hostile or unreliable Slack cannot make the bot do: forged requests, repeats, injected mentions. */

const h = useHarness({ env: { SLACK_ADMIN_USERS: 'U0BOSS, U0OTHERBOSS', QUIZ_CHANNEL_SECONDS: '600' } });

/** Everything the bot sent anywhere (response_url and Web API), as one string. */
function everythingSent(): string {
  return JSON.stringify([h.fake.responses().map((r) => r.body), h.fake.calls.map((c) => c.body)]);
}

describe('signatures', () => {
  it('answers 401 to a forged signature and to a stale timestamp, and does nothing', async () => {
    const before = await h.runtime.services.store.activeChannelQuiz({ platform: 'slack', serverId: 'T0FAKE', channelId: 'C0FORGE' });
    expect(before).toBeNull();
    const body = slashCommandBody({ command: '/quiz', text: 'start mode:channel', channelId: 'C0FORGE', responseUrl: h.fake.responseUrl('forged') });
    const forged = await resend(h, body, { secret: 'not-the-secret' });
    const zeroed = await resend(h, body, { signature: `v0=${'0'.repeat(64)}` });
    const stale = await resend(h, body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect([forged.status, zeroed.status, stale.status]).toEqual([401, 401, 401]);
    expect(h.fake.responses('forged')).toEqual([]);
    expect(await h.runtime.services.store.activeChannelQuiz({ platform: 'slack', serverId: 'T0FAKE', channelId: 'C0FORGE' })).toBeNull();
  });

  it('accepts the same request correctly signed', async () => {
    const body = slashCommandBody({ command: '/keypoints', text: '', channelId: 'C0SIGNED', responseUrl: h.fake.responseUrl('signed') });
    expect((await resend(h, body)).status).toBe(200);
    expect(h.fake.responses('signed')).toHaveLength(1);
  });
});

describe('repeats', () => {
  it('gives a slash command that Slack retries (X-Slack-Retry-Num) one effect', async () => {
    const body = slashCommandBody({ command: '/prompt', text: 'now', channelId: 'C0RETRY', responseUrl: h.fake.responseUrl('retried') });
    expect((await resend(h, body)).status).toBe(200);
    expect((await resend(h, body, { retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    expect((await resend(h, body, { retryNum: 2, retryReason: 'http_timeout' })).status).toBe(200);
    expect(h.fake.responses('retried')).toHaveLength(1);
    expect(textOf(h.fake.responses('retried')[0]!.body)).toMatch(/^Discussion prompt/);
  });

  it('gives a click that arrives twice one effect', async () => {
    const prompt = only(responses(h, await slash(h, '/prompt', 'now', { channelId: 'C0RETRY2' })));
    const agree = button(prompt, 'Agree');
    const body = blockActionBody({ actionId: agree.action_id, value: agree.value, userId: 'U0TWICE', channelId: 'C0RETRY2', responseUrl: h.fake.responseUrl('click-twice') });
    await Promise.all([resend(h, body), resend(h, body, { retryNum: 1, retryReason: 'http_timeout' })]);
    const sent = h.fake.responses('click-twice').map((r) => r.body);
    expect(sent).toHaveLength(2);
    expect(textOf(sent[1]!)).toBe('Your vote: Agree.');
    expect(textOf(sent[0]!)).toContain('Agree 1 · Disagree 0 · Not sure 0 (1 vote);');
  });
});

describe('repeats that the core refuses, and repeats at two instances', () => {
  it('answers a retried command that only gets help once', async () => {
    const body = slashCommandBody({ command: '/quiz', text: 'start questions:99', channelId: 'C0RETRYHELP', responseUrl: h.fake.responseUrl('retried-help') });
    await resend(h, body);
    await resend(h, body, { retryNum: 1, retryReason: 'http_timeout' });
    const sent = h.fake.responses('retried-help');
    expect(sent).toHaveLength(1);
    expect(textOf(sent[0]!.body)).toMatch(/questions/i);
  });

  it('gives a click delivered to two instances on one database one effect and one answer', async () => {
    const other = await h.another();
    const prompt = only(responses(h, await slash(h, '/prompt', 'now', { channelId: 'C0TWOINST' })));
    const agree = button(prompt, 'Agree');
    const body = blockActionBody({ actionId: agree.action_id, value: agree.value, userId: 'U0BOTH', channelId: 'C0TWOINST', responseUrl: h.fake.responseUrl('two-instances') });
    const deliveries = await Promise.all([
      signedPost(h.eventsUrl, body, { secret: SECRET }),
      signedPost(other.eventsUrl, body, { secret: SECRET, retryNum: 1, retryReason: 'http_timeout' }),
    ]);
    expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
    await Promise.all([h.settled(), other.settled()]);
    const sent = h.fake.responses('two-instances').map((r) => r.body);
    // One answer: the updated prompt and the private "your vote" (as for one delivery), and no more.
    expect(sent).toHaveLength(2);
    expect(textOf(sent[0]!)).toContain('Agree 1 · Disagree 0 · Not sure 0 (1 vote);');
    expect(textOf(sent[1]!)).toBe('Your vote: Agree.');
  });
});

describe('expired and forged buttons', () => {
  it('answers privately that the button has expired', async () => {
    for (const actionId of ['quiz:a:no-such-quiz:0:1', 'vote:no-such-post:agree', 'nothing:we:know', `kp:counter:${'x'.repeat(200)}`]) {
      const sent = only(responses(h, await click(h, { action_id: actionId, value: actionId, text: { text: 'x' } }, { channelId: 'C0EXPIRED' })));
      expect(sent).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(textOf(sent)).toMatch(/expired/i);
    }
  });

  it('opens no modal for a button whose value asks for one: only the choice id decides', async () => {
    const before = h.fake.callsTo('views.open').length;
    const sent = only(responses(h, await click(h, { action_id: 'quiz:a:gone:0:1', value: 'input:{"title":"Type here","label":"x","maxLength":9}', text: { text: 'A' } })));
    expect(textOf(sent)).toMatch(/expired/i);
    expect(h.fake.callsTo('views.open')).toHaveLength(before);
  });
});

describe('mentions in user text', () => {
  it('escapes <!channel>, <!here> and <@U…> in everything the bot sends back', async () => {
    // As Slack sends them: a mention as a control sequence, typed brackets and ampersands as entities.
    const topic = only(responses(h, await slash(h, '/keypoints', 'qqqzzz <!channel> &lt;@U123&gt; &amp;', { channelId: 'C0ESC' })));
    // Escaped exactly once: what people typed is what they see, and nothing is a mention.
    expect(textOf(topic)).toContain('“qqqzzz &lt;!channel&gt; &lt;@U123&gt; &amp;”');

    const grammar = only(responses(h, await slash(h, '/quiz', 'start <!here>', { channelId: 'C0ESC' })));
    expect(textOf(grammar)).toContain('I don’t know what “&lt;!here&gt;” means for /quiz start.');

    // A display name is user text too, and reaches the channel through the Web API as well.
    const evil = { userId: 'U0EVIL', userName: '<!channel> <@U123>', channelId: 'C0ESC' };
    const question = only(responses(h, await slash(h, '/quiz', 'start questions:1', evil)));
    const [, result] = responses(h, await click(h, buttonsOf(question)[0]!, evil));
    expect(textOf(result!)).toContain('&lt;!channel&gt; &lt;@U123&gt;: ');
    const board = only(responses(h, await slash(h, '/quiz', 'leaderboard all', { channelId: 'C0ESC' })));
    expect(textOf(board)).toContain('&lt;!channel&gt; &lt;@U123&gt; — ');

    const sent = everythingSent();
    expect(sent).not.toMatch(/<!channel>|<!here>|<@U123>/);
  });
});

describe('admin rule', () => {
  const where = { channelId: 'C0ADMIN' };
  const startQuiz = async () => only(responses(h, await slash(h, '/quiz', 'start mode:channel', { ...where, userId: 'U0HOST' })));

  it('lets the starter, a configured admin or a workspace admin stop a quiz, and nobody else', async () => {
    h.fake.respondWith('users.info', ({ body }) => ({
      user: { id: body.user, name: String(body.user).toLowerCase(), is_admin: body.user === 'U0WSADMIN', is_owner: body.user === 'U0OWNER' },
    }));
    await startQuiz();
    const refused = only(responses(h, await slash(h, '/quiz', 'stop', { ...where, userId: 'U0NOBODY' })));
    expect(refused).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(refused)).toContain('Only the person who started this channel quiz, or an admin');

    const byConfigured = only(responses(h, await slash(h, '/quiz', 'stop', { ...where, userId: 'U0BOSS' })));
    expect(textOf(byConfigured)).toMatch(/^Quiz stopped/);

    await startQuiz();
    expect(textOf(only(responses(h, await slash(h, '/quiz', 'stop', { ...where, userId: 'U0WSADMIN' }))))).toMatch(/^Quiz stopped/);
    await startQuiz();
    expect(textOf(only(responses(h, await slash(h, '/quiz', 'stop', { ...where, userId: 'U0OWNER' }))))).toMatch(/^Quiz stopped/);
  });

  it('reads a channel option from Slack’s <#C…|name> form when an admin schedules prompts', async () => {
    const typed = 'schedule daily time:09:00 timezone:Europe/Kyiv channel:<#C0ELSEWHERE|elsewhere>';
    const refused = only(responses(h, await slash(h, '/prompt', typed, { ...where, userId: 'U0NOBODY' })));
    expect(textOf(refused)).toContain('Only admins can use /prompt schedule');

    const saved = only(responses(h, await slash(h, '/prompt', typed, { ...where, userId: 'U0BOSS' })));
    expect(saved).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(saved)).toContain('in channel C0ELSEWHERE');
    const schedules = await h.runtime.services.store.listSchedules('slack', 'T0FAKE');
    expect(schedules.map((s) => s.channelId)).toEqual(['C0ELSEWHERE']);
  });

  it('asks users.info once per user while the answer is fresh, and never for configured admins', async () => {
    await slash(h, '/quiz', 'leaderboard', { ...where, userId: 'U0CACHED' });
    await slash(h, '/quiz', 'leaderboard', { ...where, userId: 'U0CACHED' });
    await slash(h, '/keypoints', '', { ...where, userId: 'U0CACHED' });
    const asked = (user: string) => h.fake.callsTo('users.info').filter((c) => (c.body as JsonObject).user === user);
    expect(asked('U0CACHED')).toHaveLength(1);
    expect(asked('U0BOSS')).toHaveLength(0);
  });
});
