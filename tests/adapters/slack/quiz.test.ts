import { describe, expect, it } from 'vitest';
import type { ApiCall, JsonObject } from '../../support/fake-slack/index.js';
import { buttonsOf, click, errorsLogged, only, responses, slash, textOf, useHarness } from './harness.js';

/** /quiz end to end: a solo quiz through response_url, channel quizzes revealed by the background loop. */

const h = useHarness({ env: { QUIZ_CHANNEL_SECONDS: '1' } });

const postsTo = (channel: string) => (f: { callsTo(m: string): ApiCall[] }) =>
  f.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
const apiText = (call: ApiCall) => textOf(call.body as JsonObject);

describe('/quiz solo', () => {
  it('asks a question only its player sees, with four answer buttons; replaces it with the verdict, then sends the result, all privately', async () => {
    const who = { userId: 'U0SOLO', userName: 'solo', channelId: 'C0SOLO' };
    const question = only(responses(h, await slash(h, '/quiz', 'start questions:1', who)));
    expect(question).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(question)).toMatch(/^Question 1 of 1/);
    const answers = buttonsOf(question);
    expect(answers.map((b) => b.text.text[0])).toEqual(['A', 'B', 'C', 'D']);
    expect(answers.every((b) => /^quiz:a:[\w-]+:0:[0-3]$/.test(b.action_id))).toBe(true);

    // Someone else cannot answer a solo quiz.
    const stranger = only(responses(h, await click(h, answers[0]!, { userId: 'U0OTHER', channelId: 'C0SOLO' })));
    expect(stranger).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(stranger)).toContain('someone else’s solo quiz');

    const [verdict, result] = responses(h, await click(h, answers[1]!, who));
    expect(verdict).toMatchObject({ replace_original: true });
    expect(textOf(verdict!)).toMatch(/(✅ Right|❌ Not quite)/);
    expect(result).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(result!)).toMatch(/^Quiz finished\nsolo: [01] of 1/);

    // Nothing of a solo quiz reaches the channel.
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0SOLO')).toEqual([]);
    // The question is closed now: a late click has expired.
    const late = only(responses(h, await click(h, answers[2]!, who)));
    expect(late).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(late)).toContain('expired');
  });
});

describe('/quiz channel', () => {
  it('records one answer per person (a double click counts once) and posts the reveal via chat.postMessage', async () => {
    const channel = 'C0QUIZ';
    const question = only(responses(h, await slash(h, '/quiz', 'start questions:1 mode:channel', { userId: 'U0HOST', channelId: channel })));
    expect(textOf(question)).toContain('Channel quiz');
    const [a, b] = buttonsOf(question);
    const quizId = a!.action_id.split(':')[2]!;

    const ada = { userId: 'U0ADA', userName: 'ada', channelId: channel };
    const bob = { userId: 'U0BOB', userName: 'bob', channelId: channel };
    // Ada clicks twice at once; Bob once.
    const [first, second, third] = await Promise.all([click(h, a!, ada), click(h, a!, ada), click(h, b!, bob)]);
    const adaSaw = [...responses(h, first!), ...responses(h, second!)].map(textOf).sort();
    expect(adaSaw).toEqual(['You already answered this question: your first answer counts.', 'Your answer is in: A. The answer is revealed when the question closes.']);
    expect(textOf(only(responses(h, third!)))).toBe('Your answer is in: B. The answer is revealed when the question closes.');
    expect(await h.runtime.services.store.answersFor(quizId)).toHaveLength(2);

    const [reveal, summary] = await h.fake.waitFor((f) => {
      const posts = postsTo(channel)(f).filter((c) => c.ok);
      return posts.length >= 2 && posts;
    }, 10_000);
    expect(apiText(reveal!)).toMatch(/^Answer to question 1\n/);
    expect(apiText(reveal!)).toContain('*Answers*\n2');
    expect(reveal!.body.blocks).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'context' })]));
    expect(apiText(summary!)).toMatch(/^Quiz finished/);
    expect(apiText(summary!)).toMatch(/ada: [01] of 1/);
    expect(apiText(summary!)).toMatch(/bob: [01] of 1/);
    expect(reveal!.token).toBe('xoxb-test-bot-token');

    // Nothing is revealed twice, and a click after the reveal has expired.
    await new Promise((r) => setTimeout(r, 300));
    expect(postsTo(channel)(h.fake)).toHaveLength(2);
    const late = only(responses(h, await click(h, b!, { userId: 'U0LATE', channelId: channel })));
    expect(textOf(late)).toContain('expired');
    expect(errorsLogged(h)).toEqual([]);
  });

  it('retries a reveal that Slack answers 429 with Retry-After, and posts it once', async () => {
    const channel = 'C0BUSY';
    only(responses(h, await slash(h, '/quiz', 'start questions:1 mode:channel', { userId: 'U0HOST', channelId: channel })));
    h.fake.failNext({ method: 'chat.postMessage', status: 429, retryAfter: 1 });
    const posts = await h.fake.waitFor((f) => {
      const calls = postsTo(channel)(f);
      return calls.filter((c) => c.ok).length >= 2 && calls;
    }, 15_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(postsTo(channel)(h.fake).map((c) => c.status)).toEqual([429, 200, 200]);
    expect(apiText(posts[0]!)).toMatch(/^Answer to question 1/);
    expect(apiText(posts[1]!)).toBe(apiText(posts[0]!));
    expect(apiText(posts[2]!)).toMatch(/^Quiz finished/);
  });

  it('shows the leaderboard of the workspace', async () => {
    const board = only(responses(h, await slash(h, '/quiz', 'leaderboard', { channelId: 'C0QUIZ' })));
    expect(board).toMatchObject({ response_type: 'in_channel' });
    expect(textOf(board)).toMatch(/^Quiz leaderboard — this workspace, this week/);
    expect(textOf(board)).toMatch(/ada — [01] points? · 1 answered · (0|100)% right/);
  });
});
