import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../support/fake-slack/index.js';
import { unsureText } from '../../support/debate-texts.js';
import { buttonsOf, click, errorsLogged, only, responses, slash, textOf, unescapeSlack, useHarness, type SlackButton } from './harness.js';

/** "Did you mean…?" on Slack: the candidates are buttons; a pick continues the debate, once. */

const h = useHarness();
const MOTION = 'de-facto-member';
const isPublic = (m: JsonObject) => m.response_type === 'in_channel';
const isPrivate = (m: JsonObject) => m.response_type === 'ephemeral';
const picks = (m: JsonObject): SlackButton[] => buttonsOf(m).filter((b) => b.action_id.startsWith('debate:pick:'));

describe('/debate on Slack, when the bot is unsure', () => {
  it('offers the candidates as buttons; a pick continues the debate, a second click and a pick after the end are refused', async () => {
    const who = { userId: 'U0PICK', userName: 'pia', channelId: 'C0PICK' };
    const { text, reading } = await unsureText(MOTION);
    only(responses(h, await slash(h, '/debate', `start motion:${MOTION} side:for`, who)));

    const asked = only(responses(h, await slash(h, '/debate', `reply ${text}`, who)));
    expect(isPublic(asked)).toBe(true);
    expect(unescapeSlack(textOf(asked))).toMatch(/Did you mean/);
    expect(picks(asked).map((b) => b.action_id.split(':').at(-1))).toEqual(reading.candidates.map((c) => c.point));
    for (const b of buttonsOf(asked)) expect(b.text.text.length).toBeLessThanOrEqual(75);
    expect(buttonsOf(asked).map((b) => b.text.text)).toContain('Something else — I’ll rephrase');

    const [first, second] = picks(asked);
    const picked = responses(h, await click(h, first!, who));
    expect(picked.length).toBeGreaterThan(0);
    expect(isPublic(picked[0]!)).toBe(true);
    expect(unescapeSlack(textOf(picked[0]!))).toMatch(/You argue:|supports my side/);
    expect(buttonsOf(picked[0]!).map((b) => b.text.text)).toEqual(['Reply', 'End debate']);

    for (const again of [first!, second!]) {
      const refused = only(responses(h, await click(h, again, who)));
      expect(isPrivate(refused)).toBe(true);
      expect(unescapeSlack(textOf(refused))).toMatch(/moved on|already/);
    }

    const askedAgain = only(responses(h, await slash(h, '/debate', `reply ${text}`, who)));
    only(responses(h, await slash(h, '/debate', 'end', who)));
    const late = only(responses(h, await click(h, picks(askedAgain)[0]!, who)));
    expect(isPrivate(late)).toBe(true);
    expect(unescapeSlack(textOf(late))).toContain('That debate has ended');
    expect(errorsLogged(h)).toEqual([]);
  });
});
