import { beforeAll, describe, expect, it } from 'vitest';
import type { Matcher } from '../../../src/core/match/matcher.js';
import { readReply } from '../../../src/core/match/read-reply.js';
import type { Pack } from '../../../src/core/pack/model.js';
import { shippedPack } from '../../support/core.js';

/** The order in which a debate reads a reply (src/core/match/read-reply.ts). The line was written for this test. */
describe('a reply that fits a point of the debated motion and, better, one of another motion', () => {
  let pack: Pack;
  let matcher: Matcher;
  beforeAll(async () => ({ pack, matcher } = await shippedPack()));

  const text = 'integrating them without admitting them is a halfway house that cant last';

  it('is asked about in the debate, with the point meant among the choices, not named as off-motion', () => {
    // The premise: across the pack it is surely the front-door motion's point, in this motion only a question.
    expect(matcher.match(text)?.motion).toBe('front-door');
    expect(matcher.judge(text, { motion: 'integration-strategy' }).outcome).toBe('unsure');
    const reading = readReply(matcher, text, pack.motionById.get('integration-strategy'));
    expect(reading.elsewhere).toBeNull();
    expect(reading.outcome).toBe('unsure');
    expect(reading.candidates.map((c) => c.point)).toContain('int-against-unsustainable');
  });

  it('is answered as the other motion’s point in that motion’s debate', () => {
    const reading = readReply(matcher, text, pack.motionById.get('front-door'));
    expect(reading.outcome).toBe('sure');
    expect(reading.match?.point).toBe('fd-for-halfway-unsustainable');
  });
});
