import { describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import { ALICE, BOB, buttonIds, callbackType, CHANNEL, sentMessage, textOf, useStartBot, type Bot } from './harness.js';

const startBot = useStartBot();

const channelPosts = (b: Bot) => b.fake.find({ method: 'POST', path: `/channels/${CHANNEL}/messages` });

describe('a channel quiz on Discord', () => {
  it('takes one answer per person, even from a double click, and posts the reveal to the channel', async () => {
    const bot = await startBot({ QUIZ_CHANNEL_SECONDS: '1' });
    const start = await bot.slash('quiz', 'start', { questions: 2, mode: 'channel' });
    const [question] = await bot.responses(start, 1);
    const choices = buttonIds(sentMessage(question!));
    expect(choices).toHaveLength(4);
    expect(choices.every((id) => id.startsWith('quiz:a:') && id.length <= 100)).toBe(true);

    const a = await bot.fake.clickButton({ customId: choices[0]!, user: ALICE });
    const b1 = await bot.fake.clickButton({ customId: choices[1]!, user: { ...BOB, globalName: '@everyone' } });
    const b2 = await bot.fake.clickButton({ customId: choices[2]!, user: BOB });
    const answers = await Promise.all([a, b1, b2].map(async (sent) => sentMessage((await bot.responses(sent, 1))[0]!)));
    for (const answer of answers) expect(answer.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(answers[0]!.content).toContain('Your answer is in: A.');
    expect(answers[1]!.content).toContain('Your answer is in: B.');
    expect(answers[2]!.content).toContain('You already answered this question');
    // The question message itself is untouched: answers are private until the reveal.
    expect(buttonIds(bot.fake.channelMessages(CHANNEL)[0]!)).toEqual(choices);

    // After QUIZ_CHANNEL_SECONDS the background loop posts the reveal and the next question to the channel.
    await bot.fake.waitFor(() => channelPosts(bot).length >= 2, 8000);
    const [reveal, next] = channelPosts(bot).map(sentMessage);
    expect(reveal!.embeds[0]?.title).toBe('Answer to question 1');
    const fields = reveal!.embeds.flatMap((e) => e.fields ?? []);
    expect(fields.find((f) => f.name === 'Answers')?.value).toBe('2');
    // A display name such as "@everyone" is shown, and cannot ping: allowed_mentions is empty.
    expect(reveal!.allowed_mentions).toEqual({ parse: [] });
    expect(textOf(reveal!)).toMatch(/> .+\n— Andrew Latham, /);
    expect(next!.embeds[0]?.title).toBe('Question 2 of 2');
    expect(buttonIds(next!)).toHaveLength(4);

    await bot.fake.waitFor(() => channelPosts(bot).length >= 4, 8000);
    const [, , secondReveal, results] = channelPosts(bot).map(sentMessage);
    expect(secondReveal!.embeds[0]?.title).toBe('Answer to question 2');
    expect(results!.embeds[0]?.title).toBe('Quiz finished');
    expect(textOf(results!)).toMatch(/alice: \d of 2/);
    expect(textOf(results!)).toMatch(/@everyone: \d of 2/);
  });
});

describe('a solo quiz on Discord', () => {
  it('replaces the question with the verdict, sends the next one, and carries on after the bot restarts', async () => {
    const bot = await startBot();
    const start = await bot.slash('quiz', 'start', { questions: 2 });
    const [first] = await bot.responses(start, 1);
    const firstChoices = buttonIds(sentMessage(first!));
    const questionMessage = bot.fake.channelMessages(CHANNEL)[0]!.id as string;

    const click = await bot.fake.clickButton({ customId: firstChoices[0]!, user: ALICE });
    const [verdict, nextQuestion] = await bot.responses(click, 2);
    expect(callbackType(verdict)).toBe(7);
    expect(textOf(sentMessage(verdict!))).toMatch(/✅ Right|❌ Not quite/);
    // The verdict replaces the question and takes its buttons away.
    expect(bot.fake.message(questionMessage)?.components).toEqual([]);
    expect(nextQuestion!.method).toBe('POST');
    expect(nextQuestion!.path).toMatch(/^\/webhooks\//);
    const secondChoices = buttonIds(sentMessage(nextQuestion!));
    expect(sentMessage(nextQuestion!).embeds[0]?.title).toBe('Question 2 of 2');

    // The process stops in the middle of the quiz; a new one opens the same database and connects again.
    await bot.restart();
    expect(bot.fake.identifyCount).toBe(2);

    const after = await bot.fake.clickButton({ customId: secondChoices[1]!, user: ALICE });
    const [secondVerdict, summary] = await bot.responses(after, 2);
    expect(callbackType(secondVerdict)).toBe(7);
    expect(sentMessage(summary!).embeds[0]?.title).toBe('Quiz finished');
    expect(textOf(sentMessage(summary!))).toMatch(/alice: \d of 2/);

    // Clicking the first question again, after everything, is expired.
    const stale = await bot.fake.clickButton({ customId: firstChoices[1]!, messageId: questionMessage, user: ALICE });
    const [expired] = await bot.responses(stale, 1);
    expect(callbackType(expired)).toBe(4);
    expect(sentMessage(expired!).flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(sentMessage(expired!).content).toMatch(/^This has expired/);
  });
});
