import { describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import { ADMIN, ALICE, BOB, buttonIds, callbackType, CHANNEL, sentMessage, textOf, useBot } from './harness.js';

const bot = useBot();

async function postPrompt(): Promise<{ messageId: string; votes: string[] }> {
  const sent = await bot.slash('prompt', 'now');
  const [posted] = await bot.responses(sent, 1);
  expect(callbackType(posted)).toBe(4);
  const message = sentMessage(posted!);
  expect(message.embeds[0]?.title).toBe('Discussion prompt');
  return { messageId: bot.fake.channelMessages(CHANNEL).at(-1)!.id as string, votes: buttonIds(message) };
}

/** Clicks a vote; returns the updated prompt's footer (the tally) and the private confirmation. */
async function vote(customId: string, user = ALICE): Promise<{ tally: string; confirmation: string; flags: number }> {
  const click = await bot.fake.clickButton({ customId, user });
  const [update, followUp] = await bot.responses(click, 2);
  expect(callbackType(update)).toBe(7);
  expect(followUp!.path).toMatch(/^\/webhooks\//);
  const updated = sentMessage(update!);
  return { tally: updated.embeds.at(-1)?.footer?.text ?? '', confirmation: textOf(sentMessage(followUp!)), flags: sentMessage(followUp!).flags };
}

describe('/prompt on Discord', () => {
  it('posts a prompt whose vote buttons update the tally in place and confirm privately, a changed vote included', async () => {
    const { messageId, votes } = await postPrompt();
    const [agree, disagree, unsure] = votes as [string, string, string];
    expect(votes.map((id) => id.split(':').at(-1))).toEqual(['agree', 'disagree', 'unsure', 'withdraw']);

    const first = await vote(agree, ALICE);
    expect(first.tally).toMatch(/^Agree 1 · Disagree 0 · Not sure 0 \(1 vote\);/);
    expect(first.confirmation).toBe('Your vote: Agree.');
    expect(first.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);

    const changed = await vote(disagree, ALICE);
    expect(changed.tally).toMatch(/^Agree 0 · Disagree 1 · Not sure 0 \(1 vote\);/);
    expect(changed.confirmation).toBe('Your vote: Disagree (changed from Agree).');

    const other = await vote(unsure, BOB);
    expect(other.tally).toMatch(/^Agree 0 · Disagree 1 · Not sure 1 \(2 votes\);/);
    // The prompt message itself shows the latest tally and keeps its buttons.
    const stored = bot.fake.message(messageId)!;
    expect(textOf(stored)).toContain('Agree 0 · Disagree 1 · Not sure 1');
    expect(buttonIds(stored)).toEqual(votes);
  });

  it('rides out a 429 on the vote’s update: retried by discord.js, counted once', async () => {
    const { votes } = await postPrompt();
    const limited = bot.fake.failNext({ method: 'POST', pathPattern: /\/callback$/, status: 429, retryAfter: 0.3 });
    const click = await bot.fake.clickButton({ customId: votes[0]!, user: ALICE });
    const [update] = await bot.responses(click, 2);
    expect(limited.hits).toBe(1);
    expect(bot.fake.interactionResponses(click.id, { includeFailed: true }).map((r) => r.status)).toEqual([429, 204, 200]);
    expect(sentMessage(update!).embeds.at(-1)?.footer?.text).toMatch(/^Agree 1 · Disagree 0 · Not sure 0 \(1 vote\);/);
    // One effect: the next vote sees exactly one earlier vote.
    const second = await vote(votes[0]!, BOB);
    expect(second.tally).toMatch(/^Agree 2 · Disagree 0 · Not sure 0 \(2 votes\);/);
  });

  it('keeps the schedule subcommands to people with Manage Server, leaving /prompt now open to all', async () => {
    const refused = await bot.slash('prompt', 'schedule', { cadence: 'daily', time: '09:00', timezone: 'Europe/Kyiv' }, ALICE);
    const [no] = await bot.responses(refused, 1);
    expect(sentMessage(no!).flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(textOf(sentMessage(no!))).toMatch(/Only admins can use \/prompt schedule/);

    const allowed = await bot.slash('prompt', 'schedule', { cadence: 'daily', time: '09:00', timezone: 'Europe/Kyiv' }, ADMIN);
    const [yes] = await bot.responses(allowed, 1);
    expect(textOf(sentMessage(yes!))).not.toMatch(/Only admins/);
    expect(textOf(sentMessage(yes!))).toMatch(/Europe\/Kyiv/);
  });
});
