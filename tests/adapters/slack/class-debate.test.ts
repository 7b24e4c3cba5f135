import { describe, expect, it } from 'vitest';
import { blockActionBody, type JsonObject } from '../../support/fake-slack/index.js';
import { testClock } from '../../support/core.js';
import { button, click, only, resend, responses, slash, submitView, textOf, useHarness } from './harness.js';

const clock = testClock(Date.UTC(2031, 5, 1, 9, 0, 0));
const h = useHarness({ env: { SLACK_ADMIN_USERS: 'U0CHAIR' }, now: clock.now });
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const MINUTE = 60_000;

const isPublic = (m: JsonObject) => m.response_type === 'in_channel';
const chair = (channelId: string) => ({ userId: 'U0CHAIR', userName: 'chair', channelId });

describe('a class debate on Slack', () => {
  it('opens, takes sides and arguments (typed and through the Say box), closes with a vote and shares the map as a PNG', async () => {
    const where = 'C0CLASS1';
    const ada = { userId: 'U0ADA', userName: 'ada', channelId: where };
    const ben = { userId: 'U0BEN', userName: '<!channel> ben', channelId: where };

    const refused = only(responses(h, await slash(h, '/debate', 'open de-facto-member', ada)));
    expect(isPublic(refused)).toBe(false);
    expect(textOf(refused)).toMatch(/Only admins can open a class debate/);

    const lobby = only(responses(h, await slash(h, '/debate', 'open de-facto-member', chair(where))));
    expect(isPublic(lobby)).toBe(true);
    expect(textOf(lobby)).toMatch(/^Class debate — /);

    // A join that Slack delivers twice (a retry) has one effect.
    const joinFor = button(lobby, 'Join For');
    const body = blockActionBody({ actionId: joinFor.action_id, value: joinFor.value, responseUrl: h.fake.responseUrl('join-twice'), ...ada });
    await Promise.all([resend(h, body), resend(h, body, { retryNum: 1, retryReason: 'http_timeout' })]);
    expect(h.fake.responses('join-twice').map((r) => textOf(r.body))).toEqual([expect.stringMatching(/For \(1\)/), expect.stringMatching(/You are on the For side/)]);
    await click(h, button(lobby, 'Join Against'), ben);
    await click(h, button(lobby, 'Disagree'), ben);

    only(responses(h, await slash(h, '/debate', 'begin', chair(where))));
    const said = only(responses(h, await slash(h, '/debate', 'say ukraine is basically in nato already, they share intel and plan together &lt;!here&gt;', ada)));
    expect(isPublic(said)).toBe(true);
    expect(textOf(said)).toMatch(/^ada — for the motion/);
    expect(textOf(said)).toMatch(/Makes the point: /);
    expect(textOf(said)).toContain('&lt;!here&gt;');
    expect(textOf(said)).not.toContain('<!here>');

    // A private hint for Ben's side first, then Ben answers through the Say box.
    const hint = only(responses(h, await click(h, button(said, /^Hint for Against/), ben)));
    expect(isPublic(hint)).toBe(false);
    expect(textOf(hint)).toMatch(/^Hint for your side/);

    const opened = await click(h, button(said, 'Say'), ben);
    const view = h.fake.successfulCalls('views.open').at(-1)!.body.view as JsonObject;
    await submitView(h, String(view.private_metadata), {
      rostrum_text_block: { rostrum_text_input: { type: 'plain_text_input', value: 'getting weapons and training from nato doesnt make you a member' } },
    }, ben);
    const answered = only(responses(h, opened));
    expect(isPublic(answered)).toBe(true);
    expect(textOf(answered)).toMatch(/^&lt;!channel&gt; ben — against the motion/);
    expect(textOf(answered)).toMatch(/Answers: /);

    const board = only(responses(h, await slash(h, '/debate', 'board', ada)));
    expect(textOf(board)).toMatch(/For: 1 point made/);

    const closing = only(responses(h, await slash(h, '/debate', 'close', chair(where))));
    await click(h, button(closing, 'Agree'), ben);
    const before = h.fake.files.length;
    const recap = only(responses(h, await click(h, button(closing, /^End the vote/), chair(where))));
    expect(textOf(recap)).toMatch(/^Class debate recap — /);
    expect(textOf(recap)).toMatch(/Disagree +█{12} +1 → ░{12} +0/);
    const upload = await h.fake.waitFor((f) => f.files.slice(before).find((u) => u.completed));
    expect(upload).toMatchObject({ filename: 'argument-map-de-facto-member.png', channel: where });
    expect(upload.data!.length).toBe(upload.length);
    expect([...upload.data!.subarray(0, 8)]).toEqual(PNG);
    expect(upload.altText).toMatch(/^Argument map: /);
  });

  it('runs the rounds on the clock, posting each announcement into the channel once', async () => {
    const where = 'C0CLASS2';
    only(responses(h, await slash(h, '/debate', 'open integration-strategy rounds minutes:2', chair(where))));
    await slash(h, '/debate', 'join for', { userId: 'U0FOR', userName: 'f', channelId: where });
    await slash(h, '/debate', 'join against', { userId: 'U0AGAINST', userName: 'a', channelId: where });
    only(responses(h, await slash(h, '/debate', 'begin', chair(where))));
    const posted = (pattern: RegExp) => h.fake.successfulCalls('chat.postMessage').filter((c) => c.body.channel === where && pattern.test(String(c.body.text)));

    clock.advance(MINUTE);
    h.runtime.services.wake();
    await h.fake.waitFor(() => posted(/One minute left in Round 1/).length > 0, 8000);
    clock.advance(MINUTE);
    h.runtime.services.wake();
    await h.fake.waitFor(() => posted(/Time! Round 1 of 6/).length > 0, 8000);
    h.runtime.services.wake();
    await h.settled();
    expect(posted(/One minute left/)).toHaveLength(1);
    expect(posted(/Time!/)).toHaveLength(1);
    expect(String(posted(/Time!/)[0]!.body.text)).toMatch(/Round 2 of 6 — Opening, Against/);
    only(responses(h, await slash(h, '/debate', 'cancel', chair(where))));
  });
});
