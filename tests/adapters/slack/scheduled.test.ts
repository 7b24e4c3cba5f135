import { describe, expect, it } from 'vitest';
import { THREAD_INVITE } from '../../../adapters/slack/poster.js';
import type { ApiCall, JsonObject } from '../../support/fake-slack/index.js';
import { until } from '../../support/until.js';
import { buttonsOf, errorsLogged, only, quoteIn, responses, slash, textOf, unescapeSlack, useHarness } from './harness.js';

/** A scheduled prompt end to end: created with a signed /prompt schedule, posted by the background loop. */

const ADMIN = 'U0BOSS';
const h = useHarness({ env: { SLACK_ADMIN_USERS: ADMIN } });

const postsTo = (channel: string): ApiCall[] => h.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);

/** Schedules prompts daily at 09:00 Kyiv time in `channel` as the admin; returns the schedule's id. */
async function schedule(channel: string): Promise<string> {
  const where = { channelId: channel, userId: ADMIN };
  const saved = only(responses(h, await slash(h, '/prompt', 'schedule cadence:daily time:09:00 timezone:Europe/Kyiv', where)));
  expect(textOf(saved)).toMatch(/^Discussion prompts scheduled/);
  const schedules = await h.runtime.services.store.listSchedules('slack', h.fake.teamId);
  const made = schedules.find((s) => s.channelId === channel);
  expect(made).toMatchObject({ cron: expect.any(String), timeZone: 'Europe/Kyiv', paused: false });
  return made!.id;
}

/** Makes the schedule's next slot due now instead of waiting for 09:00 in Kyiv, and wakes the scheduler. */
async function dueNow(id: string): Promise<number> {
  const slot = Date.now();
  await h.runtime.services.store.updateSchedule(id, { nextRun: slot });
  h.runtime.services.wake();
  return slot;
}

describe('a scheduled prompt on Slack', () => {
  it('posts a due slot into the schedule’s channel with its prompt, quote, votes and a thread, once', async () => {
    const channel = 'C0SCHEDULED';
    const id = await schedule(channel);
    expect(postsTo(channel)).toEqual([]);
    const slot = await dueNow(id);

    const [post, reply] = await h.fake.waitFor(() => postsTo(channel).length >= 2 && postsTo(channel));
    expect(post!.ok).toBe(true);
    const message = post!.body as JsonObject;
    const ts = String(post!.response.ts);

    // Vote buttons for one post record, which knows its schedule, slot, prompt and Slack message.
    const buttons = buttonsOf(message);
    expect(buttons.map((b) => b.text.text)).toEqual(['Agree', 'Disagree', 'Not sure', 'Withdraw my vote']);
    const postIds = [...new Set(buttons.map((b) => b.action_id.split(':')[1]))];
    expect(postIds).toHaveLength(1);
    const { pack, store } = h.runtime.services;
    const record = await until(async () => {
      const r = await store.getPromptPost(postIds[0]!);
      return r?.messageId ? r : undefined;
    });
    expect(record).toMatchObject({ scheduleId: id, slot, channelId: channel, messageId: ts });

    // That prompt's question and stance, and the quote it is about with its citation right under it.
    const prompt = pack.promptById.get(record.promptId)!;
    const text = unescapeSlack(textOf(message));
    expect(text).toMatch(/^Discussion prompt/);
    expect(text).toContain(prompt.question);
    expect(text).toContain(`Agree or disagree: ${prompt.stance}`);
    const quote = quoteIn(message);
    expect(quote.citation).toMatch(/^\*[KP]\d+\* · Andrew Latham, “Ukraine Has a ‘Secret Back Door’ Into NATO”/);
    expect(pack.anchors.get(quote.anchor)).toContain(quote.text);

    // The discussion thread: a reply under the post itself.
    expect(reply!.ok).toBe(true);
    expect(reply!.body).toMatchObject({ channel, thread_ts: ts, text: THREAD_INVITE });

    // The schedule moved on past the slot, and the slot is claimed for good.
    expect((await store.getSchedule(id))!.nextRun).toBeGreaterThan(slot);
    const lease = await until(async () => {
      const l = await store.getPostLease(`sched:${id}:${slot}`);
      return l?.state === 'posted' && l;
    }, 10_000, 'the slot marked posted');
    expect(lease).toMatchObject({ state: 'posted', messageId: ts });
    // Even with nextRun set back to that slot (a crash before moving on, a second instance), waking
    // again makes the scheduler take the slot up, find it posted, move on and post nothing more.
    await store.updateSchedule(id, { nextRun: slot });
    h.runtime.services.wake();
    await until(() => h.log.entries.find((e) => e.msg === 'slot already taken elsewhere'));
    expect(postsTo(channel)).toHaveLength(2);
    expect((await store.getSchedule(id))!.nextRun).toBeGreaterThan(slot);
    expect(errorsLogged(h)).toEqual([]);
  });

  it('pauses the schedule when its channel is gone, and /prompt list says why', async () => {
    const channel = 'C0GONE';
    const id = await schedule(channel);
    h.fake.failNext({ method: 'chat.postMessage', error: 'channel_not_found' });
    const slot = await dueNow(id);

    const paused = await until(async () => {
      const s = await h.runtime.services.store.getSchedule(id);
      return s?.paused ? s : undefined;
    });
    expect(paused.pauseReason).toMatch(/^the channel is gone/);
    expect(paused.nextRun).toBeGreaterThan(slot);
    // One attempt, refused; no thread reply under a post that never went out.
    expect(postsTo(channel).map((c) => c.response.error)).toEqual(['channel_not_found']);

    const list = only(responses(h, await slash(h, '/prompt', 'list', { channelId: 'C0ELSEWHERE', userId: 'U0MEMBER' })));
    const listed = unescapeSlack(textOf(list));
    expect(listed).toContain(`${id} — daily at 09:00 in channel ${channel}`);
    expect(listed).toContain(`Paused: ${paused.pauseReason}. Resume with /prompt resume ${id}.`);
    expect(errorsLogged(h)).toEqual([]);
  });
});
