import { beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '../../../src/core/pack/model.js';
import type { Matcher } from '../../../src/core/match/matcher.js';
import { shippedPack } from '../../support/core.js';
import { evaluate, loadMatchCases, percent, splitCases, type MatchCases } from './evaluate.js';

/** The matcher against the real pack and the hand-labelled debate lines. */
describe('matcher evaluation (content/latham-nato, tests/fixtures/match-cases.json)', () => {
  let pack: Pack;
  let matcher: Matcher;
  let cases: MatchCases;

  beforeAll(async () => {
    ({ pack, matcher } = await shippedPack());
    cases = await loadMatchCases();
  });

  it('labels only points that exist', () => {
    const unknown = cases.arguments.filter((c) => !pack.pointById.has(c.point)).map((c) => c.point);
    expect(unknown).toEqual([]);
  });

  it('matches labelled arguments and rejects off-topic lines', () => {
    const full = evaluate(matcher, cases);
    const { tuning, heldOut } = splitCases(cases);
    const tuned = evaluate(matcher, tuning);
    const held = evaluate(matcher, heldOut);
    console.log(
      [
        `match accuracy (sure and right) ${percent(full.accuracy)} (${cases.arguments.length - full.misses.length}/${cases.arguments.length}),` +
          ` sure or offered ${percent(full.offered)}, sure and wrong ${percent(full.wrong)},` +
          ` off-topic rejection ${percent(full.rejection)} (${cases.offTopic.length - full.falseAccepts.length}/${cases.offTopic.length})`,
        `  tuning part: accuracy ${percent(tuned.accuracy)}, sure or offered ${percent(tuned.offered)}, rejection ${percent(tuned.rejection)}`,
        `  held-out part: accuracy ${percent(held.accuracy)}, sure or offered ${percent(held.offered)}, rejection ${percent(held.rejection)}`,
        ...full.misses.map((m) => `  miss: "${m.text}" → ${m.got ?? 'none'} (${m.score ?? '-'}), labelled ${m.expected}`),
        ...full.falseAccepts.map((f) => `  false accept: "${f.text}" → ${f.got} (${f.score})`),
      ].join('\n'),
    );
    // The matcher now asks ("Did you mean…?") where it used to guess: what it is sure of must be right,
    // and the right point must be answered or offered.
    expect(full.accuracy).toBeGreaterThanOrEqual(0.8);
    expect(full.offered).toBeGreaterThanOrEqual(OFFERED_FLOOR);
    expect(full.wrong).toBeLessThanOrEqual(WRONG_CEILING);
    expect(full.rejection).toBeGreaterThanOrEqual(0.95);
  });

  it('rejects lines that name Ukraine, Russia or NATO in passing but argue nothing', () => {
    // Written for this test, apart from the fixture, to check rejection beyond the labelled set.
    const lines = [
      'I had amazing borscht in Kyiv last summer',
      'Russia is a very big country with cold winters',
      'The war in Ukraine is really sad',
      'Ukraine NATO Russia',
      'the flight to Kyiv was cancelled because of the weather',
      'Putin was born in Leningrad in 1952',
      'Chernobyl is in Ukraine and the HBO show was excellent',
      'the football match between Ukraine and England was great',
      'my dad works in defense contracting, lots of paperwork',
      'weapons in video games are so overpowered lately',
      'can we talk about something else please',
    ];
    expect(lines.filter((line) => matcher.match(line) !== null)).toEqual([]);
  });

  // A known miss since the examples were indexed: "club" is how one point puts it ("NATO is no longer
  // just a club"), and the lexical matcher cannot tell a school club from that one. It fails here on
  // purpose; this test starts failing (and should become a plain one) when the matcher gets it right.
  it.fails('rejects a passing use of a point’s own keyword (known miss: “model NATO club”)', () => {
    expect(matcher.match('our school has a model NATO club that meets on fridays')).toBeNull();
  });

  it('finds each labelled argument within its own motion', () => {
    const restricted = cases.arguments.filter((c) => {
      const motion = pack.pointById.get(c.point)?.motion;
      return matcher.rank(c.text, { motion }).every((r) => r.motion === motion);
    });
    expect(restricted.length).toBe(cases.arguments.length);
  });

  it('does better, never worse, when told the motion', () => {
    const hits = (withMotion: boolean) =>
      cases.arguments.filter((c) => {
        const motion = withMotion ? pack.pointById.get(c.point)?.motion : undefined;
        return matcher.match(c.text, { motion })?.point === c.point;
      }).length;
    expect(hits(true)).toBeGreaterThanOrEqual(hits(false));
  });
});

// Measured when the matcher was last calibrated: sure or offered 96.3%, sure and wrong 0.9% (full set).
const OFFERED_FLOOR = 0.92;
const WRONG_CEILING = 0.03;
