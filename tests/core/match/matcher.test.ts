import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../../src/core/match/create-matcher.js';
import { syntheticPack } from './synthetic-pack.js';

const matcher = createMatcher(syntheticPack());

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
