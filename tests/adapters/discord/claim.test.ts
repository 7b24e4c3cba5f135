import { describe, expect, it } from 'vitest';
import type { RecordedRequest, SentInteraction } from '../../support/fake-discord/index.js';
import { holdClaims } from '../../support/held-claims.js';
import { until } from '../../support/until.js';
import { ALICE, buttonIds, callbackType, sentMessage, useStartBot, type Bot } from './harness.js';

/**
 * Two instances on one database under the default sharding both receive every interaction, and
 * Discord takes the first acknowledgement from either. Only the instance that claims an interaction
 * may send anything for it; the other sends nothing, not even a defer.
 */

const startBot = useStartBot();

/** Every request the bot sent for an interaction, refused ones (40060) included. */
const everything = (bot: Bot, sent: SentInteraction): RecordedRequest[] => bot.fake.interactionResponses(sent.id, { includeFailed: true });
const callbacks = (bot: Bot, sent: SentInteraction) => everything(bot, sent).filter((r) => r.path.endsWith('/callback'));

describe('an interaction received by two instances', () => {
  it('is answered by the instance that claims it; the other, whose claim is slower than its defer, sends no callback at all', async () => {
    const bot = await startBot({}, {}, undefined, { everySession: true });
    // The second instance would defer after 50 ms; its database takes 600 ms to answer the claim.
    const slow = await bot.another({ deferAfterMs: 50 });
    holdClaims(slow.runtime.services, 600);

    const sent = await bot.slash('keypoints', 'show');
    await bot.responses(sent, 1);
    await until(() => slow.log.entries.some((e) => e.msg === 'interaction not claimed here; sent nothing'), 8000, 'the slow instance to lose its claim');

    const all = everything(bot, sent);
    expect(all.map((r) => r.status)).toEqual([204]);
    expect(callbackType(all[0])).toBe(4);
    expect(sentMessage(all[0]!).embeds[0]?.title).toMatch(/^Key point — /);
    expect(slow.log.entries.find((e) => e.msg === 'interaction not claimed here; sent nothing')?.obj).toMatchObject({ claim: 'lost' });
    expect(bot.log.entries.filter((e) => e.level === 'error')).toEqual([]);
  });

  it('counts a click once and answers it once, whichever instance wins', async () => {
    const bot = await startBot({}, {}, undefined, { everySession: true });
    const other = await bot.another();
    const [posted] = await bot.responses(await bot.slash('prompt', 'now'), 1);
    const votes = buttonIds(sentMessage(posted!));

    const clicks = [];
    for (const [n, user] of ['alice', 'bob', 'carol', 'dave', 'erin'].entries()) {
      clicks.push(await bot.fake.clickButton({ customId: votes[n % 2]!, user: { id: `71000000000000010${n}`, username: user } }));
    }
    for (const click of clicks) await bot.responses(click, 2);
    // Room for a late second answer to show itself.
    await new Promise((r) => setTimeout(r, 300));

    for (const click of clicks) {
      expect(callbacks(bot, click).map((r) => r.status), `click ${click.id}`).toEqual([204]);
      expect(everything(bot, click).every((r) => r.status < 300)).toBe(true);
    }
    const postId = votes[0]!.split(':')[1]!;
    expect(await bot.runtime.services.store.tally(postId)).toEqual({ agree: 3, disagree: 2, unsure: 0 });
    expect([...bot.log.entries, ...other.log.entries].filter((e) => e.level === 'error')).toEqual([]);
  });
});

describe('a request claim slower than the claim timeout', () => {
  it('leaves the interaction unanswered rather than risk a second answer, and logs why', async () => {
    const bot = await startBot({}, { claimTimeoutMs: 100, deferAfterMs: 50 });
    const held = holdClaims(bot.runtime.services);
    const sent = await bot.slash('keypoints', 'show', {}, ALICE);
    await until(() => bot.log.entries.some((e) => e.msg?.includes('did not answer the request claim in time')), 8000, 'the claim to time out');
    held.release();
    await until(() => bot.log.entries.some((e) => e.msg?.includes('came through late')), 8000, 'the late claim to land');

    expect(everything(bot, sent)).toEqual([]);
    expect(bot.log.entries.find((e) => e.msg === 'interaction not claimed here; sent nothing')?.obj).toMatchObject({ claim: 'timed-out' });
  });

  it('defers at once when a slow claim has used up the time before the defer', async () => {
    const bot = await startBot({}, { claimTimeoutMs: 5000, deferAfterMs: 200 });
    holdClaims(bot.runtime.services, 400);
    const sent = await bot.slash('keypoints', 'show');
    const responses = await bot.responses(sent, 2);
    expect(callbackType(responses[0])).toBe(5);
    expect(sentMessage(responses[1]!).embeds[0]?.title).toMatch(/^Key point — /);
  });
});
