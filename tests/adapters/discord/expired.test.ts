import { describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import { ALICE, buttonIds, callbackType, CHANNEL, sentMessage, useBot } from './harness.js';

const bot = useBot();

async function someMessage(): Promise<string> {
  await bot.responses(await bot.slash('keypoints', 'show'), 1);
  return bot.fake.channelMessages(CHANNEL).at(-1)!.id as string;
}

async function expectExpired(customId: string, messageId: string): Promise<void> {
  const click = await bot.fake.clickButton({ customId, messageId, user: ALICE });
  const responses = await bot.responses(click, 1);
  expect(responses).toHaveLength(1);
  expect(callbackType(responses[0])).toBe(4);
  const shown = sentMessage(responses[0]!);
  expect(shown.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  expect(shown.content).toMatch(/^This has expired/);
  // Nothing was edited: the message keeps its buttons.
  expect(bot.fake.message(messageId)?.components).not.toEqual([]);
}

describe('stale and forged buttons on Discord', () => {
  it('answers a click on a closed quiz question privately with "this has expired"', async () => {
    const start = await bot.slash('quiz', 'start', { questions: 1 });
    const [question] = await bot.responses(start, 1);
    const ids = buttonIds(sentMessage(question!));
    await bot.responses(await bot.fake.clickButton({ customId: ids[0]!, user: ALICE }), 2);
    // The quiz is finished; a click on another option of the old question (still on a message elsewhere) has expired.
    const messageId = await someMessage();
    await expectExpired(ids[1]!, messageId);
  });

  it('answers forged ids (unknown prefix, unknown quiz, over 100 characters) the same way, changing nothing', async () => {
    const messageId = await someMessage();
    await expectExpired('admin:grant:everything', messageId);
    await expectExpired('quiz:a:NoSuchQuiz000:0:1', messageId);
    await expectExpired('vote:NoSuchPost0000:agree', messageId);
    await expectExpired(`kp:counter:${'x'.repeat(120)}`, messageId);
  });

  it('ignores a second delivery of the same interaction (requestKey discord:<id>)', async () => {
    const { votes } = await (async () => {
      const [posted] = await bot.responses(await bot.slash('prompt', 'now'), 1);
      return { votes: buttonIds(sentMessage(posted!)) };
    })();
    const click = await bot.fake.clickButton({ customId: votes[0]!, user: ALICE });
    await bot.responses(click, 2);
    const before = bot.fake.requests.length;
    // Discord (or a second gateway session) delivers the very same interaction again.
    await bot.fake.dispatch('INTERACTION_CREATE', click.payload);
    const next = await bot.fake.clickButton({ customId: votes[2]!, user: { id: '710000000000000009', username: 'carol' } });
    const [update] = await bot.responses(next, 2);
    // The repeat sent nothing (the only new requests belong to carol's click) and counted no vote.
    expect(bot.fake.requests.slice(before).every((r) => r.interactionId === next.id)).toBe(true);
    expect(sentMessage(update!).embeds.at(-1)?.footer?.text).toMatch(/^Agree 1 · Disagree 0 · Not sure 1 \(2 votes\);/);
    expect(bot.log.entries.some((e) => e.msg === 'repeated delivery ignored')).toBe(true);
  });
});
