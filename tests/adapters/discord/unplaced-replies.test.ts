import { describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import { sureText } from '../../support/debate-texts.js';
import { unplaceableTexts } from '../../support/core.js';
import { sentMessage, textOf, useBot } from './harness.js';

/** On Discord, a rude reply and one that makes no point use up no turn: with two turns, two placed replies still follow both. */

const bot = useBot({ DEBATE_TURN_LIMIT: '2' });
const MOTION = 'de-facto-member';
const ephemeral = (flags: number) => (flags & MessageFlags.Ephemeral) === MessageFlags.Ephemeral;

describe('/debate reply on Discord, with two turns to use', () => {
  it('answers a rude reply with one private civility line and a pointless one with “I can’t place that”; neither uses the turn', async () => {
    await bot.responses(await bot.slash('debate', 'start', { motion: MOTION, side: 'for' }), 1);

    const [rude] = await bot.responses(await bot.slash('debate', 'reply', { text: 'you are such an idiot' }), 1);
    expect(ephemeral(sentMessage(rude!).flags)).toBe(true);
    expect(textOf(sentMessage(rude!)).split('\n')[0]).toMatch(/^Let’s keep it civil\. .*that reply didn’t count as a turn\.$/);

    const [chatter] = await unplaceableTexts(MOTION);
    const [unplaced] = await bot.responses(await bot.slash('debate', 'reply', { text: chatter! }), 1);
    expect(textOf(sentMessage(unplaced!))).toContain('I can’t place that argument');
    expect(textOf(sentMessage(unplaced!))).toContain('That reply didn’t count as a turn.');

    // Both turns are still there: the first placed reply is answered and the debate goes on; the second ends it.
    const { text } = await sureText(MOTION);
    const first = await bot.slash('debate', 'reply', { text });
    await bot.responses(first, 1);
    const second = (await bot.responses(await bot.slash('debate', 'reply', { text }), 2)).map((r) => textOf(sentMessage(r))).join('\n');
    const firstTexts = (await bot.responses(first, 1)).map((r) => textOf(sentMessage(r))).join('\n');
    expect(firstTexts).toMatch(/You argue:|supports my side/);
    expect(firstTexts).not.toContain('That was the last reply of this debate.');
    expect(second).toContain('That was the last reply of this debate.');
  });
});
