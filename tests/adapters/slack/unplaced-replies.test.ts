import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../support/fake-slack/index.js';
import { sureText } from '../../support/debate-texts.js';
import { unplaceableTexts } from '../../support/core.js';
import { errorsLogged, only, responses, slash, textOf, unescapeSlack, useHarness } from './harness.js';

/** On Slack, a rude reply and one that makes no point use up no turn: with two turns, two placed replies still follow both. */

const h = useHarness({ env: { DEBATE_TURN_LIMIT: '2' } });
const MOTION = 'de-facto-member';
const said = (messages: JsonObject[]) => messages.map((m) => unescapeSlack(textOf(m))).join('\n');

describe('/debate reply on Slack, with two turns to use', () => {
  it('answers a rude reply with one private civility line and a pointless one with “I can’t place that”; neither uses the turn', async () => {
    const who = { userId: 'U0CIVIL', userName: 'cora', channelId: 'C0CIVIL' };
    only(responses(h, await slash(h, '/debate', `start motion:${MOTION} side:for`, who)));

    const rude = only(responses(h, await slash(h, '/debate', 'reply you are such an idiot', who)));
    expect(rude.response_type).toBe('ephemeral');
    expect(said([rude]).split('\n')[0]).toMatch(/^Let’s keep it civil\. .*that reply didn’t count as a turn\.$/);

    const [chatter] = await unplaceableTexts(MOTION);
    const unplaced = said(responses(h, await slash(h, '/debate', `reply ${chatter!}`, who)));
    expect(unplaced).toContain('I can’t place that argument');
    expect(unplaced).toContain('That reply didn’t count as a turn.');

    // Both turns are still there: the first placed reply is answered and the debate goes on; the second ends it.
    const { text } = await sureText(MOTION);
    const first = said(responses(h, await slash(h, '/debate', `reply ${text}`, who)));
    expect(first).toMatch(/You argue:|supports my side/);
    expect(first).not.toContain('That was the last reply of this debate.');
    expect(said(responses(h, await slash(h, '/debate', `reply ${text}`, who)))).toContain('That was the last reply of this debate.');
    expect(errorsLogged(h)).toEqual([]);
  });
});
