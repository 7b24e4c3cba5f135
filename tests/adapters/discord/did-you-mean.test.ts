import { describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import { unsureText } from '../../support/debate-texts.js';
import { ALICE, buttonIds, callbackType, sentMessage, textOf, useBot } from './harness.js';

/** "Did you mean…?" on Discord: the candidates are buttons; a pick continues the debate, once. */

const bot = useBot();
const MOTION = 'de-facto-member';
const ephemeral = (flags: number) => (flags & MessageFlags.Ephemeral) === MessageFlags.Ephemeral;

describe('/debate on Discord, when the bot is unsure', () => {
  it('offers the candidates as buttons; a pick continues the debate, a second click and a pick after the end are refused', async () => {
    const { text, reading } = await unsureText(MOTION);
    await bot.responses(await bot.slash('debate', 'start', { motion: MOTION, side: 'for' }), 1);

    const [askedResponse] = await bot.responses(await bot.slash('debate', 'reply', { text }), 1);
    const asked = sentMessage(askedResponse!);
    expect(ephemeral(asked.flags)).toBe(false);
    expect(textOf(asked)).toMatch(/Did you mean/);
    const ids = buttonIds(asked);
    const picks = ids.filter((id) => id.startsWith('debate:pick:'));
    expect(picks.map((id) => id.split(':').at(-1))).toEqual(reading.candidates.map((c) => c.point));
    expect(ids.filter((id) => id.startsWith('debate:reply:'))).toHaveLength(1);
    // One row: up to three candidates and "Something else", each label within Discord's 80 characters.
    expect(asked.components).toHaveLength(1);
    for (const b of asked.components[0]!.components) expect(String(b.label).length).toBeLessThanOrEqual(80);

    const [pickedResponse] = await bot.responses(await bot.fake.clickButton({ customId: picks[0]!, user: ALICE }), 1);
    expect(callbackType(pickedResponse)).toBe(4);
    const picked = sentMessage(pickedResponse!);
    expect(ephemeral(picked.flags)).toBe(false);
    expect(textOf(picked)).toMatch(/You argue:|supports my side/);
    expect(buttonIds(picked)[0]).toMatch(/^debate:reply:/);

    for (const again of [picks[0]!, picks[1]!]) {
      const [refused] = await bot.responses(await bot.fake.clickButton({ customId: again, user: ALICE }), 1);
      expect(ephemeral(sentMessage(refused!).flags)).toBe(true);
      expect(textOf(sentMessage(refused!))).toMatch(/moved on|already/);
    }

    const [againResponse] = await bot.responses(await bot.slash('debate', 'reply', { text }), 1);
    const laterPick = buttonIds(sentMessage(againResponse!)).find((id) => id.startsWith('debate:pick:'))!;
    await bot.responses(await bot.slash('debate', 'end'), 1);
    const [late] = await bot.responses(await bot.fake.clickButton({ customId: laterPick, user: ALICE }), 1);
    expect(ephemeral(sentMessage(late!).flags)).toBe(true);
    expect(textOf(sentMessage(late!))).toContain('That debate has ended');
  });
});
