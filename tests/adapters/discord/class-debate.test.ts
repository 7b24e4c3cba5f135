import { describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import type { RecordedRequest, SentInteraction } from '../../support/fake-discord/index.js';
import { testClock } from '../../support/core.js';
import { unsureText } from '../../support/debate-texts.js';
import { ADMIN, ALICE, BOB, buttonIds, callbackType, CHANNEL, sentMessage, textOf, useStartBot, type Bot } from './harness.js';

const startBot = useStartBot();
const MINUTE = 60_000;
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function answer(bot: Bot, sent: Promise<SentInteraction>): Promise<RecordedRequest> {
  const interaction = await sent;
  const [first] = await bot.responses(interaction, 1);
  return first!;
}

const ephemeral = (r: RecordedRequest) => (sentMessage(r).flags & MessageFlags.Ephemeral) === MessageFlags.Ephemeral;

/** Channel posts (background work) whose text matches. */
function posts(bot: Bot, pattern: RegExp) {
  return bot.fake.channelMessages(CHANNEL).filter((m) => pattern.test(textOf(m)));
}

describe('a class debate on Discord', () => {
  it('runs a rounds debate on a test clock across a restart, announcing each warning and "time" once, and ends with the map as a PNG', async () => {
    // Far ahead of the real clock, so nothing falls due before the test moves time on.
    const clock = testClock(Date.UTC(2031, 2, 3, 10, 0, 0));
    const bot = await startBot({}, {}, clock.now);

    const refused = await answer(bot, bot.slash('debate', 'open', { motion: 'de-facto-member', format: 'rounds' }, ALICE));
    expect(ephemeral(refused)).toBe(true);
    expect(textOf(sentMessage(refused))).toMatch(/Only admins can open a class debate/);

    const lobby = sentMessage(await answer(bot, bot.slash('debate', 'open', { motion: 'de-facto-member', format: 'rounds', minutes: 3, cap: 2 }, ADMIN)));
    expect(lobby.embeds[0]?.title).toMatch(/^Class debate — /);
    const [joinFor, joinAgainst] = buttonIds(lobby);
    expect(joinFor).toMatch(/^cd:join:.+:for$/);

    const joined = await answer(bot, bot.fake.clickButton({ customId: joinFor!, user: ALICE }));
    expect(textOf(sentMessage(joined))).toMatch(/For \(1\)/);
    // A second click has no second effect.
    expect(textOf(sentMessage(await answer(bot, bot.fake.clickButton({ customId: joinFor!, user: ALICE }))))).toMatch(/already on the For side/);
    await answer(bot, bot.fake.clickButton({ customId: joinAgainst!, user: BOB }));

    const notChair = await answer(bot, bot.slash('debate', 'begin', undefined, ALICE));
    expect(ephemeral(notChair)).toBe(true);
    expect(textOf(sentMessage(notChair))).toMatch(/Only the chair/);
    const begun = sentMessage(await answer(bot, bot.slash('debate', 'begin', undefined, ADMIN)));
    expect(textOf(begun)).toMatch(/Round 1 of 6 — Opening, For: 3 minutes left/);

    const switched = await answer(bot, bot.fake.clickButton({ customId: joinFor!, user: BOB }));
    expect(textOf(sentMessage(switched))).toMatch(/stay on the Against side/);

    const said = await answer(bot, bot.slash('debate', 'say', { argument: '@everyone <@710000000000000002> ukraine is basically in nato already, they share intel and plan together' }, ALICE));
    expect(ephemeral(said)).toBe(false);
    expect(sentMessage(said).embeds[0]?.title).toBe('alice — for the motion');
    expect(textOf(sentMessage(said))).toMatch(/Makes the point: /);
    expect(sentMessage(said).allowed_mentions).toEqual({ parse: [] });

    clock.advance(2 * MINUTE);
    bot.runtime.services.wake();
    await bot.fake.waitFor(() => posts(bot, /One minute left in Round 1/).length === 1, 8000);

    // A restart between rounds: the new process reads the deadline from the store.
    await bot.restart();
    clock.advance(MINUTE);
    bot.runtime.services.wake();
    await bot.fake.waitFor(() => posts(bot, /Time! Round 1 of 6/).length === 1, 8000);
    expect(textOf(posts(bot, /Time! Round 1 of 6/)[0]!)).toMatch(/Round 2 of 6 — Opening, Against/);
    bot.runtime.services.wake();
    await bot.restart();
    bot.runtime.services.wake();

    const wrongTurn = await answer(bot, bot.slash('debate', 'say', { argument: 'my side again' }, ALICE));
    expect(textOf(sentMessage(wrongTurn))).toMatch(/the Against side’s turn/);

    const closing = sentMessage(await answer(bot, bot.slash('debate', 'close', undefined, ADMIN)));
    expect(closing.embeds[0]?.title).toMatch(/^Closing vote/);
    const agree = buttonIds(closing).find((id) => id.endsWith(':after:agree'))!;
    await answer(bot, bot.fake.clickButton({ customId: agree, user: BOB }));

    const ended = await bot.slash('debate', 'close', undefined, ADMIN);
    await bot.fake.waitFor(() => bot.fake.interactionResponses(ended.id).some((r) => r.files.length > 0), 15_000);
    const withFile = bot.fake.interactionResponses(ended.id).find((r) => r.files.length > 0)!;
    const recap = sentMessage(withFile);
    expect(recap.embeds[0]?.title).toMatch(/^Class debate recap — /);
    expect(textOf(recap)).toMatch(/Stance shift/);
    const [file] = withFile.files;
    expect(file!.filename).toBe('argument-map-de-facto-member.png');
    expect([...file!.data.subarray(0, 8)]).toEqual(PNG);
    expect(file!.data.length).toBeGreaterThan(60_000);

    // Each announcement went out once, whatever the restarts and extra wake-ups.
    expect(posts(bot, /One minute left/)).toHaveLength(1);
    expect(posts(bot, /Time!/)).toHaveLength(1);
  });

  it('asks an unsure speaker privately which point they meant, and posts the argument in public once they pick', async () => {
    const bot = await startBot();
    await answer(bot, bot.slash('debate', 'open', { motion: 'de-facto-member' }, ADMIN));
    await answer(bot, bot.slash('debate', 'join', { side: 'for' }, ALICE));
    await answer(bot, bot.slash('debate', 'join', { side: 'against' }, BOB));
    await answer(bot, bot.slash('debate', 'begin', undefined, ADMIN));
    const { text, reading } = await unsureText('de-facto-member');
    const asked = await answer(bot, bot.slash('debate', 'say', { argument: text }, ALICE));
    expect(ephemeral(asked)).toBe(true);
    const picks = buttonIds(sentMessage(asked)).filter((id) => id.startsWith('cd:pick:'));
    expect(picks).toHaveLength(reading.candidates.length + 1);

    const question = bot.fake.channelMessages(CHANNEL).find((m) => JSON.stringify(m.components).includes(picks[0]!))!;
    const pick = await bot.fake.clickButton({ customId: picks[0]!, user: ALICE });
    const [updated, posted] = await bot.responses(pick, 2);
    // The private question is replaced in place; the argument goes to the channel as a new message.
    expect(callbackType(updated)).toBe(7);
    expect(ephemeral(posted!)).toBe(false);
    expect(sentMessage(posted!).embeds[0]?.title).toBe('alice — for the motion');
    expect(textOf(sentMessage(posted!))).toContain(text);
    expect(textOf(bot.fake.channelMessages(CHANNEL).find((m) => m.id === question.id)!)).toBe('Posted.');
    // A second click (as from a client that still shows the old buttons) has no second effect.
    const again = await answer(bot, bot.fake.clickButton({ customId: picks[0]!, user: ALICE, messageId: question.id as string }));
    expect(textOf(sentMessage(again))).toMatch(/already posted/);
  });

  it('shows the map of a motion with /keypoints map, as an image', async () => {
    const bot = await startBot();
    const sent = await bot.slash('keypoints', 'map', { motion: 'admit-inside-tent' }, BOB);
    await bot.fake.waitFor(() => bot.fake.interactionResponses(sent.id).some((r) => r.files.length > 0), 15_000);
    const withFile = bot.fake.interactionResponses(sent.id).find((r) => r.files.length > 0)!;
    expect(sentMessage(withFile).embeds[0]?.title).toMatch(/^Argument map — /);
    expect(withFile.files[0]).toMatchObject({ filename: 'argument-map-admit-inside-tent.png', contentType: expect.stringMatching(/image\/png|application\/octet-stream/) });
    expect([...withFile.files[0]!.data.subarray(0, 8)]).toEqual(PNG);
  });
});
