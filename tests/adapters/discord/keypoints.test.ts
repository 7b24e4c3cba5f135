import { describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import { buttonIds, callbackType, CHANNEL, sentMessage, textOf, useBot } from './harness.js';

const bot = useBot();

describe('/keypoints on Discord', () => {
  it('quotes a key point in an embed with its citation, and both buttons lead somewhere', async () => {
    const sent = await bot.slash('keypoints', 'show');
    const [callback] = await bot.responses(sent, 1);
    expect(callbackType(callback)).toBe(4);
    const shown = sentMessage(callback!);
    expect(shown.flags & MessageFlags.Ephemeral).toBe(0);
    const embed = shown.embeds[0]!;
    expect(embed.title).toMatch(/^Key point — /);
    // The quote is a block quote, followed by its citation (author, article, anchor); the author line names the article.
    expect(embed.description).toMatch(/\n> .+\n— Andrew Latham, “Ukraine Has a ‘Secret Back Door’ Into NATO” \(National Security Journal\), [KP]\d+/);
    expect(embed.author?.name).toContain('Ukraine Has a ‘Secret Back Door’ Into NATO');
    const ids = buttonIds(shown);
    expect(ids).toHaveLength(2);
    const [counter, another] = ids as [string, string];
    expect(counter).toMatch(/^kp:counter:/);
    expect(another).toMatch(/^kp:next:/);

    const click = await bot.fake.clickButton({ customId: counter, user: { id: '710000000000000001' } });
    const [counterReply] = await bot.responses(click, 1);
    expect(callbackType(counterReply)).toBe(4);
    const counterMessage = sentMessage(counterReply!);
    expect(textOf(counterMessage)).toMatch(/Counterpoint — (for|against) the motion/);
    expect(buttonIds(counterMessage)).toEqual([another]);

    const next = await bot.fake.clickButton({ customId: another, messageId: bot.fake.channelMessages(CHANNEL).at(-1)!.id as string });
    const [nextReply] = await bot.responses(next, 1);
    expect(callbackType(nextReply)).toBe(4);
    expect(sentMessage(nextReply!).embeds[0]?.title).toMatch(/^Key point — /);
    // Three public messages: the point, the counterpoint, another point. The first is unchanged.
    expect(bot.fake.channelMessages(CHANNEL)).toHaveLength(3);
    expect(buttonIds(bot.fake.channelMessages(CHANNEL)[0]!)).toEqual(ids);
  });
});
