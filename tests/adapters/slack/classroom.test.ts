import { describe, expect, it } from 'vitest';
import type { ApiCall, JsonObject } from '../../support/fake-slack/index.js';
import { button, buttonsOf, click, errorsLogged, only, responses, slash, textOf, unescapeSlack, useHarness } from './harness.js';

/** A class in one Slack channel: private solo quizzes, a prompt's result in its thread, and the teacher's files. */

const TEACHER = 'U0TEACH';
const h = useHarness({ env: { SLACK_ADMIN_USERS: TEACHER, QUIZ_CHANNEL_SECONDS: '60' } });

const postsTo = (channel: string): ApiCall[] => h.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);

describe('solo quizzes on Slack', () => {
  it('asks privately before a second solo quiz abandons the first, and replaces the private question when it does', async () => {
    const who = { userId: 'U0STU', userName: 'student', channelId: 'C0CLASS' };
    only(responses(h, await slash(h, '/quiz', 'start mode:channel questions:1', { userId: TEACHER, channelId: 'C0CLASS' })));
    const question = only(responses(h, await slash(h, '/quiz', 'start questions:2', who)));
    expect(question).toMatchObject({ response_type: 'ephemeral' });
    const asked = only(responses(h, await slash(h, '/quiz', 'start questions:1', who)));
    expect(asked).toMatchObject({ response_type: 'ephemeral' });
    expect(textOf(asked)).toContain('You already have a solo quiz running (question 1 of 2)');
    const fresh = only(responses(h, await click(h, button(asked, 'Abandon it and start anew'), who)));
    expect(fresh).toMatchObject({ replace_original: true });
    expect(textOf(fresh)).toMatch(/^Question 1 of 1/);
    expect(buttonsOf(fresh)).toHaveLength(4);
    // The channel quiz ran on beside it, and no solo question went to the channel.
    expect(postsTo('C0CLASS')).toEqual([]);
    expect(await h.runtime.services.store.activeChannelQuiz({ platform: 'slack', serverId: h.fake.teamId, channelId: 'C0CLASS' })).not.toBeNull();
  });
});

describe('a prompt’s result on Slack', () => {
  it('posts the result when the next prompt posts, and how the vote moved in the first prompt’s thread', async () => {
    const channel = 'C0PROMPTS';
    const where = { channelId: channel, userId: TEACHER };
    const saved = only(responses(h, await slash(h, '/prompt', 'schedule cadence:weekdays time:9:30 pm timezone:new york', where)));
    expect(unescapeSlack(textOf(saved))).toContain('Weekdays (Mon–Fri) at 21:30 in this channel, America/New_York time (for “new york”).');
    const [schedule] = (await h.runtime.services.store.listSchedules('slack', h.fake.teamId)).filter((s) => s.channelId === channel);
    await h.runtime.services.store.updateSchedule(schedule!.id, { nextRun: Date.now() });
    h.runtime.services.wake();
    const [post] = await h.fake.waitFor(() => postsTo(channel).length >= 2 && postsTo(channel));
    const ts = String(post!.response.ts);
    const message = post!.body as JsonObject;
    responses(h, await click(h, button(message, 'Disagree'), { userId: 'U0ADA', userName: 'ada', channelId: channel }, ts));

    only(responses(h, await slash(h, '/prompt', 'now', { userId: 'U0BOB', channelId: channel })));
    const [result, thread] = await h.fake.waitFor(() => {
      const closing = postsTo(channel).filter((c) => textOf(c.body as JsonObject).startsWith('Discussion prompt closed') || c.body.thread_ts === ts && c.body.text !== undefined && String(c.body.text).startsWith('It closed'));
      return closing.length >= 2 && closing;
    }, 10_000);
    expect(textOf(result!.body as JsonObject)).toContain('*Disagree*\n1 (100%)');
    expect(result!.body.thread_ts).toBeUndefined();
    expect(thread!.body.thread_ts).toBe(ts);
    expect(String(thread!.body.text)).toBe('It closed within its first hour. Final tally: Agree 0 · Disagree 1 · Not sure 0 (1 vote).');
    expect(errorsLogged(h)).toEqual([]);
  });
});

describe('results for the teacher on Slack', () => {
  it('uploads /prompt results through the external upload flow into the admin’s direct messages, and says where it went', async () => {
    const channel = 'C0VOTES';
    const prompt = only(responses(h, await slash(h, '/prompt', 'now', { userId: 'U0ADA', channelId: channel })));
    responses(h, await click(h, button(prompt, 'Agree'), { userId: 'U0ADA', userName: '@ada+1', channelId: channel }));

    const refused = only(responses(h, await slash(h, '/prompt', 'results', { userId: 'U0ADA', channelId: channel })));
    expect(textOf(refused)).toMatch(/^Only admins can use \/prompt results/);
    const before = h.fake.files.length;

    const sent = responses(h, await slash(h, '/prompt', `results channel:<#${channel}|votes>`, { userId: TEACHER, channelId: channel }));
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({ response_type: 'ephemeral' });
    expect(unescapeSlack(textOf(sent[0]!))).toContain(`Votes per discussion prompt: 1 vote by 1 person, in channel ${channel}.`);
    expect(sent[1]).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/^prompt-votes-C0VOTES-\d{4}-\d{2}-\d{2}\.csv is in your direct messages with rostrum\.$/) });

    expect(h.fake.files).toHaveLength(before + 1);
    const file = h.fake.files.at(-1)!;
    expect(file).toMatchObject({ completed: true, channel: `D0${TEACHER}`, filename: expect.stringMatching(/^prompt-votes-C0VOTES-/) });
    expect(h.fake.successfulCalls('files.getUploadURLExternal')).toHaveLength(before + 1);
    expect(h.fake.successfulCalls('files.completeUploadExternal')).toHaveLength(before + 1);
    const csv = file.data!.toString('utf8');
    const [header, row] = csv.replace(/^\uFEFF/, '').trim().split('\n');
    expect(header).toMatch(/^platform,server,channel,prompt post,prompt id,question,stance,schedule,posted at \(UTC\),/);
    expect(row).toContain(`slack,${h.fake.teamId},${channel},`);
    // The name as Slack showed it, with the formula neutralised.
    expect(row).toContain(",U0ADA,'@ada+1,Agree,");
  });

  it('tells the admin when Slack refuses the upload', async () => {
    only(responses(h, await slash(h, '/debate', 'start side:for', { userId: 'U0ADA', channelId: 'C0REFUSE' })));
    h.fake.failNext({ method: 'files.getUploadURLExternal', error: 'missing_scope' });
    const sent = responses(h, await slash(h, '/debate', 'transcripts channel:C0REFUSE', { userId: TEACHER, channelId: 'C0REFUSE' }));
    expect(sent).toHaveLength(2);
    expect(textOf(sent[0]!)).toMatch(/^Debate transcripts/);
    expect(String(sent[1]!.text)).toMatch(/^I could not send debate-transcripts-C0REFUSE-.+\.csv: Slack refused the upload\. The app needs the files:write and im:write scopes/);
    expect(h.fake.files.filter((f) => f.filename.startsWith('debate-transcripts-C0REFUSE'))).toEqual([]);
  });
});
