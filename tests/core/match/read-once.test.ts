import { describe, expect, it } from 'vitest';
import { shippedPack } from '../../support/core.js';
import { loadMatchCases } from './evaluate.js';

// matcher.read(text) searches the index once and judges in any scope from that one search; it must
// decide exactly what judge(text, scope) and match(text, scope) decide, each searching on its own.
describe('matcher.read', () => {
  it('judges a text in a motion and across the pack exactly as judge and match do', async () => {
    const { pack, matcher } = await shippedPack();
    const cases = await loadMatchCases();
    const texts = [...cases.arguments.map((a) => a.text), ...cases.offTopic, '', '!!!'];
    const scopes = [undefined, ...pack.motions.map((m) => m.id)];
    let sure = 0;
    for (const text of texts) {
      const reading = matcher.read(text);
      for (const motion of scopes) {
        const judged = matcher.judge(text, { motion });
        expect(reading.judge({ motion }), `${text} in ${motion ?? 'the pack'}`).toEqual(judged);
        expect(reading.match({ motion })).toEqual(matcher.match(text, { motion }));
        if (judged.outcome === 'sure') sure += 1;
      }
    }
    // The cases reach every outcome, so the comparison covers sure, unsure and none alike.
    expect(sure).toBeGreaterThan(0);
  });
});
