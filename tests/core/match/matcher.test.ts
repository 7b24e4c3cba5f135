import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/core/match/create-matcher.js';
import { zeroWeights } from '../../../src/core/match/tuning.js';
import { SYNTHETIC_TUNING, syntheticPack } from './synthetic-pack.js';

const matcher = createMatcher(syntheticPack(), SYNTHETIC_TUNING);

describe('createMatcher: matching', () => {
  it('finds the point an argument makes, with its motion and side', () => {
    expect(matcher.match('Banning cars would clean up the air and cut asthma')).toMatchObject({
      point: 'cars-for-air',
      motion: 'car-free',
      side: 'for',
      anchors: [],
    });
    expect(matcher.match('delivery vans and plumbers still need to park')?.point).toBe('cars-against-deliveries');
    expect(matcher.match('who pays for maintenance if tickets are free?')?.point).toBe('fares-against-funding');
  });

  it('tolerates typos in longer words', () => {
    expect(matcher.match('pedestrain streets bring more custmers to local shops')?.point).toBe('cars-for-shops');
  });

  it('is unmoved by markup, mentions and emoji around the argument', () => {
    const plain = matcher.match('free buses help poor households with the cost of living');
    const noisy = matcher.match('<@U123> **Free buses** help poor households 🚌🚌 with the cost of living!!! :fire:');
    expect(noisy).toEqual(plain);
  });

  it('ranks best first with scores in 0..1, and honours the limit', () => {
    const ranked = matcher.rank('exhaust fumes and air pollution from traffic');
    expect(ranked.length).toBeGreaterThan(1);
    for (const r of ranked) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    expect(matcher.rank('exhaust fumes and air pollution from traffic', { limit: 1 })).toEqual(ranked.slice(0, 1));
    expect(matcher.match('exhaust fumes and air pollution from traffic')).toEqual(ranked[0]);
    expect(matcher.rank('exhaust fumes and air pollution from traffic', { limit: 0 })).toEqual([]);
    expect(matcher.rank('exhaust fumes and air pollution from traffic', { limit: -3 })).toEqual([]);
  });
});

describe('createMatcher: a close runner-up', () => {
  it('asks, rather than answers, when two points of one side all but tie (tuning.sureMargin)', () => {
    const text = 'exhaust fumes and air pollution from traffic';
    // The synthetic tuning asks for no lead, and answers the first of the two air points.
    expect(matcher.judge(text).outcome).toBe('sure');
    const careful = createMatcher(syntheticPack(), { ...SYNTHETIC_TUNING, sureMargin: 0.15 });
    const asked = careful.judge(text);
    expect(asked.outcome).toBe('unsure');
    expect(asked.candidates.map((c) => c.point)).toEqual(expect.arrayContaining(['cars-for-air', 'fares-for-air']));
  });
});

describe('createMatcher: motion restriction', () => {
  const text = 'exhaust fumes and air pollution';

  it('only returns points of the given motion', () => {
    const all = matcher.rank(text).map((r) => r.point);
    expect(all).toEqual(expect.arrayContaining(['cars-for-air', 'fares-for-air']));
    const transit = matcher.rank(text, { motion: 'free-transit' });
    expect(transit.map((r) => r.point)).toEqual(['fares-for-air']);
    expect(matcher.match(text, { motion: 'car-free' })?.point).toBe('cars-for-air');
  });

  it('returns nothing when the argument belongs to another motion', () => {
    expect(matcher.match('wheelchair users and elderly people depend on cars', { motion: 'free-transit' })).toBeNull();
  });

  it('returns nothing for an unknown motion', () => {
    expect(matcher.match(text, { motion: 'no-such-motion' })).toBeNull();
  });
});

describe('createMatcher: rejection', () => {
  const rejected: [string, string][] = [
    ['empty', ''],
    ['white space', '   \n\t  '],
    ['punctuation', '?!?! ... ---'],
    ['emoji only', '🚗🚗🚗 🔥'],
    ['a mention', '<@U123ABC>'],
    ['only stop words', 'I really think that it is what it is'],
    ['gibberish', 'asdfgh qwerty zxcvb lkjhg'],
    ['keyboard mash', 'jfkdlsa;fjdkls jfdklsajfkld'],
    ['spam', 'BUY CHEAP WATCHES NOW!!! http://spam.example click here, limited offer'],
    ['one topic word repeated', 'cars cars cars cars cars'],
    ['a single topic word', 'traffic'],
    ['a passing mention of the topic', 'I drove my car into the city centre yesterday to buy shoes'],
    ['small talk', 'hello everyone, how is your weekend going?'],
  ];
  it.each(rejected)('rejects %s', (_, text) => {
    expect(matcher.match(text)).toBeNull();
    expect(matcher.rank(text)).toEqual([]);
    expect(matcher.judge(text)).toEqual({ outcome: 'none', match: null, candidates: [], confidence: expect.any(Number) });
  });

  it('survives hostile input', () => {
    const inputs = [
      'x'.repeat(100_000),
      `${'exhaust '.repeat(400)}`,
      Array.from({ length: 600 }, (_, i) => `w${i}q`).join(' '),
      '<'.repeat(5000) + '>'.repeat(5000),
      '\u0000\u200b\ud83d\ude00\ud800',
      'a'.repeat(29) + 'éééé '.repeat(500),
    ];
    for (const text of inputs) {
      expect(() => matcher.rank(text)).not.toThrow();
    }
  });

  it('does not let a repeated word outweigh an argument', () => {
    const once = matcher.match('delivery vans need parking');
    const spammed = matcher.match(`delivery vans need parking ${'parking '.repeat(50)}`);
    expect(spammed).toEqual(once);
  });
});

describe('createMatcher: three outcomes', () => {
  it('is sure of a point the text clearly makes, and reports it as the match', () => {
    const j = matcher.judge('delivery vans and plumbers still need to park');
    expect(j.outcome).toBe('sure');
    expect(j.match?.point).toBe('cars-against-deliveries');
    expect(j.candidates).toEqual([]);
    expect(j.confidence).toBeGreaterThanOrEqual(SYNTHETIC_TUNING.sureAt!);
  });

  it('asks between the few points a vague text may make, best first, and is sure of none', () => {
    const j = matcher.judge('free buses');
    expect(j.outcome).toBe('unsure');
    expect(j.match).toBeNull();
    expect(j.candidates.map((c) => c.point)).toEqual(['fares-for-equity', 'fares-for-air']);
    expect(matcher.match('free buses')).toBeNull();
  });

  it('never answers when the leading candidates argue opposite sides, however confident', () => {
    // A matcher that would be sure of anything still asks when its leaders disagree on the side.
    const eager = createMatcher(syntheticPack(), {
      ...SYNTHETIC_TUNING, sureModel: { bias: 20, weights: zeroWeights() }, pointModel: { bias: 20, weights: zeroWeights() },
    });
    const split = eager.judge('wheelchair users and clean air', { motion: 'car-free' });
    expect(split.outcome).toBe('unsure');
    expect(new Set(split.candidates.map((c) => c.side))).toEqual(new Set(['for', 'against']));
    expect(eager.judge('delivery vans and plumbers still need to park').outcome).toBe('sure');
  });

  it('offers at most maxCandidates, each within candidateRatio of the first', () => {
    const wide = createMatcher(syntheticPack(), { ...SYNTHETIC_TUNING, sureAt: 1.01, askAt: 0, candidateRatio: 0, maxCandidates: 2 });
    const ranked = wide.search('exhaust fumes and air pollution, wheelchair users and parking');
    expect(ranked.length).toBeGreaterThan(2);
    expect(wide.judge('exhaust fumes and air pollution, wheelchair users and parking').candidates).toEqual(ranked.slice(0, 2));
    const narrow = createMatcher(syntheticPack(), { ...SYNTHETIC_TUNING, sureAt: 1.01, askAt: 0, candidateRatio: 0.9 });
    const offered = narrow.judge('exhaust fumes and air pollution, wheelchair users and parking').candidates;
    for (const c of offered) expect(c.score).toBeGreaterThanOrEqual(offered[0]!.score * 0.9 - 0.001);
  });

  it('searches without judging: a single topic word still reaches its points', () => {
    expect(matcher.judge('traffic').outcome).toBe('none');
    expect(matcher.search('traffic').map((r) => r.point)).toEqual(['fares-for-air', 'cars-for-air']);
    expect(matcher.search('traffic', { motion: 'car-free', limit: 1 }).map((r) => r.point)).toEqual(['cars-for-air']);
    expect(matcher.search('')).toEqual([]);
  });
});

describe('createMatcher: the pack’s example arguments', () => {
  const examples = { 'fares-for-equity': ['the bus shouldnt cost a penny for families on benefits', 'single mums cant afford the bus'] };
  const text = 'families on benefits cant afford a single penny';

  it.each(['field', 'documents'] as const)('places a text worded like an example (examples as %s)', (examplesAs) => {
    const without = createMatcher(syntheticPack(), { ...SYNTHETIC_TUNING, examplesAs });
    const withExamples = createMatcher(syntheticPack(undefined, { examples }), {
      ...SYNTHETIC_TUNING, examplesAs, exampleCredit: 1, rankWeights: { coverage: 1, bm25: 0.5, example: 0.5, neighbour: 0 },
    });
    expect(without.search(text).map((r) => r.point)).not.toContain('fares-for-equity');
    expect(withExamples.search(text)[0]?.point).toBe('fares-for-equity');
    expect(withExamples.match(text)?.point).toBe('fares-for-equity');
  });
});
