import { describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import { until } from '../../support/until.js';
import { ADMIN, ALICE, BOB, buttonIds, callbackType, CHANNEL, GUILD, sentMessage, textOf, useBot, type Bot } from './harness.js';
import type { RecordedRequest } from '../../support/fake-discord/index.js';

/** A class in one Discord channel: private solo quizzes beside a channel quiz, seasons, a prompt's result, and exports. */

const bot = useBot({ QUIZ_CHANNEL_SECONDS: '60' });

const ephemeral = (r: RecordedRequest) => (sentMessage(r).flags & MessageFlags.Ephemeral) === MessageFlags.Ephemeral;

async function first(b: Bot, sent: Awaited<ReturnType<Bot['slash']>>): Promise<RecordedRequest> {
  return (await b.responses(sent, 1))[0]!;
}

describe('quizzes in a class channel on Discord', () => {
  it('runs each student’s solo quiz privately beside the channel quiz, and asks before a second solo quiz abandons the first', async () => {
    const channelQuiz = await first(bot, await bot.slash('quiz', 'start', { mode: 'channel', questions: 2 }, ADMIN));
    expect(ephemeral(channelQuiz)).toBe(false);
    const aliceQuiz = await first(bot, await bot.slash('quiz', 'start', { questions: 2 }, ALICE));
    const bobQuiz = await first(bot, await bot.slash('quiz', 'start', { questions: 2 }, BOB));
    for (const solo of [aliceQuiz, bobQuiz]) {
      expect(ephemeral(solo)).toBe(true);
      expect(sentMessage(solo).embeds[0]?.title).toBe('Question 1 of 2');
      expect(textOf(sentMessage(solo))).toContain('Solo quiz: only you see it.');
    }
    const aliceIds = buttonIds(sentMessage(aliceQuiz));
    const channelIds = buttonIds(sentMessage(channelQuiz));
    expect(aliceIds[0]!.split(':')[2]).not.toBe(buttonIds(sentMessage(bobQuiz))[0]!.split(':')[2]);

    // Alice answers her own quiz: the private question is replaced by her verdict, the next follows privately.
    const [verdict, next] = await bot.responses(await bot.fake.clickButton({ customId: aliceIds[0]!, user: ALICE }), 2);
    expect(callbackType(verdict)).toBe(7);
    expect(textOf(sentMessage(verdict!))).toMatch(/✅ Right|❌ Not quite/);
    expect(ephemeral(next!)).toBe(true);
    expect(sentMessage(next!).embeds[0]?.title).toBe('Question 2 of 2');
    // She answers the channel quiz too; Bob cannot answer hers.
    expect(sentMessage(await first(bot, await bot.fake.clickButton({ customId: channelIds[1]!, user: ALICE }))).content).toContain('Your answer is in: B.');
    const notBobs = await first(bot, await bot.fake.clickButton({ customId: buttonIds(sentMessage(next!))[0]!, user: BOB }));
    expect(sentMessage(notBobs).content).toContain('someone else’s solo quiz');

    // A second solo quiz asks first, with buttons; abandoning replaces the question with a new quiz's.
    const asked = await first(bot, await bot.slash('quiz', 'start', { questions: 3 }, ALICE));
    expect(ephemeral(asked)).toBe(true);
    expect(textOf(sentMessage(asked))).toContain('You already have a solo quiz running (question 2 of 2)');
    const [abandon, carryOn] = buttonIds(sentMessage(asked));
    expect(carryOn).toMatch(/^quiz:resume:/);
    const [fresh] = await bot.responses(await bot.fake.clickButton({ customId: abandon!, user: ALICE }), 1);
    expect(callbackType(fresh)).toBe(7);
    expect(sentMessage(fresh!).embeds[0]?.title).toBe('Question 1 of 3');
    const store = bot.runtime.services.store;
    const where = { platform: 'discord' as const, serverId: GUILD, channelId: CHANNEL };
    expect((await store.activeSoloQuiz(where, ALICE.id!))?.questions).toHaveLength(3);
    expect(await store.activeSoloQuiz(where, BOB.id!)).not.toBeNull();
    expect(await store.activeChannelQuiz(where)).not.toBeNull();
    // Nothing of the solo quizzes went to the channel as a public message.
    expect(bot.fake.find({ method: 'POST', path: `/channels/${CHANNEL}/messages` })).toEqual([]);
  });

  it('starts a new season only after the admin confirms, and tells the channel', async () => {
    const refused = await first(bot, await bot.slash('quiz', 'season', {}, ALICE));
    expect(sentMessage(refused).content).toMatch(/^Only admins can use \/quiz season/);
    const confirm = await first(bot, await bot.slash('quiz', 'season', {}, ADMIN));
    expect(ephemeral(confirm)).toBe(true);
    expect(textOf(sentMessage(confirm))).toContain('Start season 2?');
    const [start] = buttonIds(sentMessage(confirm));
    const [done, announced] = await bot.responses(await bot.fake.clickButton({ customId: start!, user: ADMIN }), 2);
    expect(callbackType(done)).toBe(7);
    expect(textOf(sentMessage(done!))).toBe('Season 2 has started.');
    expect(ephemeral(announced!)).toBe(false);
    expect(textOf(sentMessage(announced!))).toContain('Quiz season 2 has begun');
    expect(await bot.runtime.services.store.listSeasons('discord', GUILD)).toHaveLength(1);
  });
});

describe('a prompt’s result on Discord', () => {
  it('posts the result to the channel when the next prompt posts, and how the vote moved into the first one’s thread', async () => {
    const services = bot.runtime.services;
    await bot.responses(await bot.slash('prompt', 'schedule', { cadence: 'daily', time: '9am', timezone: 'kyiv' }, ADMIN), 1);
    const [schedule] = await services.store.listSchedules('discord', GUILD);
    expect(schedule?.timeZone).toBe('Europe/Kyiv');
    await services.store.updateSchedule(schedule!.id, { nextRun: Date.now() });
    services.wake();
    const message = await until(() => bot.fake.channelMessages(CHANNEL).find((m) => textOf(m).includes('Agree or disagree: ')));
    await until(() => bot.fake.threads(CHANNEL)[0]);
    const agree = buttonIds(message).find((id) => id.endsWith(':agree'))!;
    await bot.responses(await bot.fake.clickButton({ customId: agree, user: ALICE, messageId: message.id as string }), 2);

    // The next prompt in the channel closes this one.
    await bot.responses(await bot.slash('prompt', 'now', {}, BOB), 1);
    const result = await until(() => bot.fake.channelMessages(CHANNEL).find((m) => textOf(m).startsWith('Discussion prompt closed: the result')));
    expect(textOf(result)).toContain('Agree\n1 (100%)');
    const inThread = await until(() => bot.fake.channelMessages(message.id as string)[0]);
    expect(textOf(inThread)).toBe('It closed within its first hour. Final tally: Agree 1 · Disagree 0 · Not sure 0 (1 vote).');
    // A vote on the closed prompt is refused privately.
    const late = await first(bot, await bot.fake.clickButton({ customId: agree, user: BOB, messageId: message.id as string }));
    expect(ephemeral(late)).toBe(true);
    expect(sentMessage(late).content).toMatch(/^This prompt has closed: votes are no longer taken/);
  });
});

describe('results for the teacher on Discord', () => {
  it('sends /quiz export to the admin as a private CSV attachment, and refuses everyone else', async () => {
    const start = await first(bot, await bot.slash('quiz', 'start', { questions: 1 }, { ...ALICE, globalName: '=cmd|calc' }));
    await bot.responses(await bot.fake.clickButton({ customId: buttonIds(sentMessage(start))[0]!, user: { ...ALICE, globalName: '=cmd|calc' } }), 2);

    const refused = await first(bot, await bot.slash('quiz', 'export', {}, BOB));
    expect(sentMessage(refused).content).toMatch(/^Only admins can use \/quiz export/);
    expect(refused.files).toEqual([]);

    const exported = await first(bot, await bot.slash('quiz', 'export', {}, ADMIN));
    expect(ephemeral(exported)).toBe(true);
    expect(textOf(sentMessage(exported))).toContain('Quiz scores per person and question: 1 quiz answer by 1 person');
    expect(exported.files).toHaveLength(1);
    const file = exported.files[0]!;
    expect(file.filename).toMatch(/^quiz-results-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = file.data.toString('utf8');
    expect(csv.startsWith('\uFEFFplatform,server,channel,season,quiz,')).toBe(true);
    const row = csv.trim().split('\n')[1]!;
    expect(row).toContain(`discord,${GUILD},${CHANNEL},1,`);
    // The name as Discord showed it, with the formula neutralised.
    expect(row).toContain(`${ALICE.id},'=cmd|calc,`);

    const none = await first(bot, await bot.slash('debate', 'transcripts', { since: '2999-01-01' }, ADMIN));
    expect(sentMessage(none).content).toMatch(/^There is nothing to export: no debates in this server since 2999-01-01 yet\./);
    expect(none.files).toEqual([]);
  });
});
