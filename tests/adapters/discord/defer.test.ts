import { describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import { ALICE, APP, buttonIds, callbackType, CHANNEL, sentMessage, textOf, useBot, useStartBot } from './harness.js';

// With deferAfterMs 0 every answer is deferred first, as it would be when the core is slow; the
// user must end up seeing exactly what an immediate answer shows.

const bot = useBot({}, { deferAfterMs: 0 });

const steps = (rs: { method: string; path: string }[], token: string) =>
  rs.map((r) => `${r.method} ${r.path.replace(token, ':token').replace(/\/interactions\/\d+\//, '/interactions/:id/').replace(/\/messages\/\d+$/, '/messages/:id')}`);

describe('deferred answers on Discord', () => {
  it('defers a command, then edits the placeholder into the public answer', async () => {
    const sent = await bot.slash('keypoints', 'show');
    const responses = await bot.responses(sent, 2);
    expect(callbackType(responses[0])).toBe(5);
    expect(steps(responses, sent.token)).toEqual(['POST /interactions/:id/:token/callback', `PATCH /webhooks/${APP}/:token/messages/@original`]);
    expect(sentMessage(responses[1]!).embeds[0]?.title).toMatch(/^Key point — /);
    const [message] = bot.fake.channelMessages(CHANNEL);
    expect(Number(message!.flags) & MessageFlags.Loading).toBe(0);
    expect(buttonIds(message!)).toHaveLength(2);
  });

  it('replaces a public placeholder with an ephemeral follow-up when the answer is private', async () => {
    const sent = await bot.slash('help', 'show');
    const responses = await bot.responses(sent, 3);
    expect(steps(responses, sent.token)).toEqual([
      'POST /interactions/:id/:token/callback',
      `DELETE /webhooks/${APP}/:token/messages/@original`,
      `POST /webhooks/${APP}/:token`,
    ]);
    expect(sentMessage(responses[2]!).flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    // Nothing public is left behind.
    expect(bot.fake.channelMessages(CHANNEL).every((m) => (Number(m.flags) & MessageFlags.Ephemeral) !== 0)).toBe(true);
  });

  it('defers a vote as an update, then edits the prompt and confirms privately', async () => {
    const [posted] = await bot.responses(await bot.slash('prompt', 'now'), 2).then((rs) => rs.slice(1));
    const promptId = bot.fake.channelMessages(CHANNEL)[0]!.id as string;
    const click = await bot.fake.clickButton({ customId: buttonIds(sentMessage(posted!))[0]!, user: ALICE });
    const responses = await bot.responses(click, 3);
    expect(callbackType(responses[0])).toBe(6);
    expect(steps(responses, click.token)).toEqual([
      'POST /interactions/:id/:token/callback',
      `PATCH /webhooks/${APP}/:token/messages/@original`,
      `POST /webhooks/${APP}/:token`,
    ]);
    expect(textOf(bot.fake.message(promptId)!)).toContain('Agree 1 · Disagree 0 · Not sure 0');
    expect(sentMessage(responses[2]!).flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('defers a click that answers with a new message, then sends it as a follow-up', async () => {
    const [shown] = await bot.responses(await bot.slash('keypoints', 'show'), 2).then((rs) => rs.slice(1));
    const click = await bot.fake.clickButton({ customId: buttonIds(sentMessage(shown!))[0]!, user: ALICE });
    const responses = await bot.responses(click, 2);
    expect(callbackType(responses[0])).toBe(6);
    expect(steps(responses, click.token)).toEqual(['POST /interactions/:id/:token/callback', `POST /webhooks/${APP}/:token`]);
    expect(sentMessage(responses[1]!).flags & MessageFlags.Ephemeral).toBe(0);
    expect(textOf(sentMessage(responses[1]!))).toMatch(/Counterpoint/);
  });
});

describe('an answer later than the defer deadline', () => {
  const startBot = useStartBot();

  it('defers when the core is still working at the deadline, then edits the placeholder into the answer', async () => {
    const bot = await startBot({}, { deferAfterMs: 100 });
    // The dispatcher awaits `ready` before each command: holding it holds the core's answer.
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    (bot.runtime.services as { ready?: () => Promise<void> }).ready = () => held;
    const sent = await bot.slash('keypoints', 'show');
    const [deferred] = await bot.responses(sent, 1);
    expect(callbackType(deferred)).toBe(5);
    release();
    const responses = await bot.responses(sent, 2);
    expect(steps(responses, sent.token)).toEqual(['POST /interactions/:id/:token/callback', `PATCH /webhooks/${APP}/:token/messages/@original`]);
    expect(sentMessage(responses[1]!).embeds[0]?.title).toMatch(/^Key point — /);
  });

  it('answers directly, with no defer, when the core answers before the deadline', async () => {
    const bot = await startBot({}, { deferAfterMs: 60_000 });
    const sent = await bot.slash('keypoints', 'show');
    const [first] = await bot.responses(sent, 1);
    expect(callbackType(first)).toBe(4);
    expect(sentMessage(first!).embeds[0]?.title).toMatch(/^Key point — /);
  });
});
