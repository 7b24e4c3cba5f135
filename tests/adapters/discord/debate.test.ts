import { describe, expect, it } from 'vitest';
import { ComponentType, MessageFlags } from 'discord.js';
import type { JsonObject } from '../../support/fake-discord/index.js';
import { ALICE, BOB, buttonIds, callbackType, CHANNEL, sentMessage, textOf, useBot } from './harness.js';

const bot = useBot();

// A line the matcher is sure of on this motion, so the reply is an answer, not a "Did you mean…?".
const MOTION = 'de-facto-member';
const ARGUMENT = 'NATO never promised to defend Ukraine: there is no Article 5 guarantee, so Ukraine is not a member in any sense that matters.';

describe('/debate on Discord', () => {
  it('starts a debate, takes a reply through a modal, and ends with a recap', async () => {
    const start = await bot.slash('debate', 'start', { motion: MOTION, side: 'for' });
    const [started] = await bot.responses(start, 1);
    expect(callbackType(started)).toBe(4);
    const opening = sentMessage(started!);
    expect(opening.embeds[0]?.title).toMatch(/^Debate — /);
    const [replyId, endId] = buttonIds(opening) as [string, string];
    expect(replyId).toMatch(/^debate:reply:/);
    expect(endId).toMatch(/^debate:end:/);

    // "Reply" opens a modal at once (callback type 9) with one paragraph box; nothing is posted yet.
    const open = await bot.fake.clickButton({ customId: replyId, user: ALICE });
    const [modalCallback] = await bot.responses(open, 1);
    expect(callbackType(modalCallback)).toBe(9);
    const modal = bot.fake.modals.at(-1)!;
    expect(modal.customId).toBe(replyId);
    expect(modal.data.title).toBe('Your argument');
    const [label] = modal.data.components as JsonObject[];
    expect(label).toMatchObject({
      type: ComponentType.Label,
      label: 'Make your case',
      component: { type: ComponentType.TextInput, custom_id: 'text', style: 2, required: true, max_length: 2000 },
    });

    const messagesBefore = bot.fake.channelMessages(CHANNEL).length;
    const submit = await bot.fake.submitModal({ fields: { text: ARGUMENT }, messageId: bot.fake.channelMessages(CHANNEL)[0]!.id as string, layout: 'label', user: ALICE });
    const [answered] = await bot.responses(submit, 1);
    expect(callbackType(answered)).toBe(4);
    const answer = sentMessage(answered!);
    expect(answer.flags & MessageFlags.Ephemeral).toBe(0);
    // The bot placed the argument (or said it could not) and offers the same two buttons again.
    expect(textOf(answer)).toMatch(/You argue:|can’t place that argument|supports my side/);
    expect(buttonIds(answer)).toEqual([replyId, endId]);
    expect(bot.fake.channelMessages(CHANNEL)).toHaveLength(messagesBefore + 1);

    // Somebody else cannot end Alice's debate.
    const intruder = await bot.fake.clickButton({ customId: endId, user: BOB });
    const [refused] = await bot.responses(intruder, 1);
    expect(sentMessage(refused!).flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);

    const end = await bot.fake.clickButton({ customId: endId, user: ALICE });
    const [ended] = await bot.responses(end, 1);
    expect(callbackType(ended)).toBe(4);
    const recap = sentMessage(ended!);
    expect(recap.embeds[0]?.title).toMatch(/^Debate recap — /);
    expect(recap.embeds.flatMap((e) => e.fields ?? []).map((f) => f.name)).toEqual(expect.arrayContaining(['I argued for the motion', 'You argued against the motion']));

    // The debate is over: its End button now only answers privately.
    const late = await bot.fake.clickButton({ customId: endId, user: ALICE });
    const [lateReply] = await bot.responses(late, 1);
    expect(sentMessage(lateReply!).flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('cannot be made to ping anyone: text typed into the modal goes out with allowed_mentions { parse: [] }', async () => {
    const start = await bot.slash('debate', 'start', { side: 'against' });
    const [started] = await bot.responses(start, 1);
    const [replyId] = buttonIds(sentMessage(started!)) as [string];
    await bot.responses(await bot.fake.clickButton({ customId: replyId, user: ALICE }), 1);
    const submit = await bot.fake.submitModal({
      fields: { text: '@everyone @here <@&910000000000000001> <@710000000000000002> NATO is already defending Ukraine' },
      user: ALICE,
      messageId: bot.fake.channelMessages(CHANNEL)[0]!.id as string,
    });
    const [answered] = await bot.responses(submit, 1);
    expect(sentMessage(answered!).allowed_mentions).toEqual({ parse: [] });
    expect(bot.fake.channelMessages(CHANNEL).every((m) => m.mention_everyone === false)).toBe(true);
  });

  it('answers an empty modal submission with a private hint', async () => {
    const start = await bot.slash('debate', 'start');
    const [started] = await bot.responses(start, 1);
    const [replyId] = buttonIds(sentMessage(started!)) as [string];
    await bot.responses(await bot.fake.clickButton({ customId: replyId, user: ALICE }), 1);
    const submit = await bot.fake.submitModal({ fields: { text: '   ' }, user: ALICE, messageId: bot.fake.channelMessages(CHANNEL)[0]!.id as string });
    const [hint] = await bot.responses(submit, 1);
    expect(sentMessage(hint!).flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(textOf(sentMessage(hint!))).toContain('Type your argument in the box');
  });
  it('still opens the text box, worded as before, after a restart (the core knows what box a choice id opens)', async () => {
    const start = await bot.slash('debate', 'start', { motion: MOTION, side: 'for' });
    const [started] = await bot.responses(start, 1);
    const [replyId] = buttonIds(sentMessage(started!)) as [string];
    await bot.restart();
    const open = await bot.fake.clickButton({ customId: replyId, user: ALICE });
    expect(callbackType((await bot.responses(open, 1))[0])).toBe(9);
    const modal = bot.fake.modals.at(-1)!;
    expect(modal.customId).toBe(replyId);
    expect(modal.data.title).toBe('Your argument');
    const submit = await bot.fake.submitModal({ fields: { text: ARGUMENT }, user: ALICE, messageId: bot.fake.channelMessages(CHANNEL)[0]!.id as string });
    const [answered] = await bot.responses(submit, 1);
    expect(sentMessage(answered!).flags & MessageFlags.Ephemeral).toBe(0);
    expect(buttonIds(sentMessage(answered!))[0]).toBe(replyId);
  });
});
