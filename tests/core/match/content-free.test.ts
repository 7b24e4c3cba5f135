import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/match/analyse.js';
import { asksTheBot, isBareList, makesNoClaim, onlyTopicAndVerdict } from '../../../src/core/match/content-free.js';
import { createMatcher } from '../../../src/core/match/create-matcher.js';
import type { Matcher } from '../../../src/core/match/matcher.js';
import { readReply } from '../../../src/core/match/read-reply.js';
import { zeroWeights } from '../../../src/core/match/tuning.js';
import type { Pack } from '../../../src/core/pack/model.js';
import { shippedPack } from '../../support/core.js';
import { SYNTHETIC_TUNING, syntheticPack } from './synthetic-pack.js';

/**
 * Replies that make no claim (src/core/match/content-free.ts). The lines here were written for
 * this test, in the style of the tune halves of the student sets; none is taken from a blind set.
 */
describe('a bare list', () => {
  it('is names or keywords in a row, with nothing linking them', () => {
    expect(isBareList('biden, orban, erdogan, article 5, vilnius')).toBe(true);
    expect(isBareList('himars / patriots / f-16s / bradleys')).toBe(true);
    expect(isBareList('putin; escalation; red lines')).toBe(true);
    expect(isBareList('kursk\nbakhmut\nthe donbas')).toBe(true);
    expect(isBareList('sanctions and tanks and the baltics')).toBe(true);
  });

  it('is not a list once a word or a symbol relates its items', () => {
    // A verb, a preposition, a negation: there is a claim.
    expect(isBareList('himars and patriots are cheaper than sending us troops')).toBe(false);
    expect(isBareList('weapons for kyiv, training for its army, intel every day')).toBe(false);
    expect(isBareList('no article 5, no seat, no vote')).toBe(false);
    // Symbols students use as predicates.
    expect(isBareList('tanks + shells > us troops in poland')).toBe(false);
    expect(isBareList('armed ukraine = safer baltics, poland, finland')).toBe(false);
    expect(isBareList('tanks &gt; troops, aid, sanctions')).toBe(false);
  });

  it('needs three short items: two are as often a phrase, and a long item is a clause', () => {
    expect(isBareList('russia bad, ukraine good')).toBe(false);
    expect(isBareList('patriots, f-16s, long range strike missiles from the uk')).toBe(false);
    expect(isBareList('ukraine')).toBe(false);
  });
});

describe('only the topic, a verdict or talk about the debate', () => {
  const topic = new Set(analyse('ukraine nato russia member'));
  const terms = (text: string) => [...new Set(analyse(text))];

  it('says nothing beyond the topic', () => {
    expect(onlyTopicAndVerdict(terms('nato bad'), topic)).toBe(true);
    expect(onlyTopicAndVerdict(terms('ukraine good russia bad, simple as that'), topic)).toBe(true);
    expect(onlyTopicAndVerdict(terms('interesting debate about nato tbh'), topic)).toBe(true);
    expect(onlyTopicAndVerdict(terms('whats the motion even about, the ukraine one?'), topic)).toBe(true);
  });

  it('makes a claim once a word is neither', () => {
    expect(onlyTopicAndVerdict(terms('nato is scared of russia'), topic)).toBe(false);
    expect(onlyTopicAndVerdict(terms('ukraine has the right to be a member'), topic)).toBe(false);
    expect(onlyTopicAndVerdict(terms('russia bad because it invaded'), topic)).toBe(false);
    // No terms at all is not this rule's business (it matches nothing anyway).
    expect(onlyTopicAndVerdict([], topic)).toBe(false);
    expect(makesNoClaim('yes', [], topic)).toBe(false);
  });
});

describe('a question to the bot', () => {
  it('asks to explain, define or name something short, and says nothing else', () => {
    for (const text of [
      'can u explain the bucharest thing', 'whats a reassurance force', 'what does de facto even mean?', 'who is latham',
      'explain article 5 pls', 'could someone tell me about the reassurance force thing', 'ok what are himars',
      'nato stands for north atlantic treaty organisation right',
      // The same asked as a statement.
      'i have no idea what a reassurance force is', 'idk what de facto means', "i don't really get what article 5 even means",
    ]) expect(asksTheBot(text), text).toBe(true);
  });

  it('is not a rhetorical question that argues, nor a question that goes on', () => {
    for (const text of [
      'what does ukraine gain from a statement with no guarantee?', 'whats the difference? art 5 = each ally chooses anyway',
      'can you explain why nato would fight for a country it wont let in', 'what is nato without the us', 'who is going to defend them',
      'what does ukraine even gain', 'who is latham to say that, he doesnt live in kyiv',
      'i dont know what nato would do if russia attacked', 'nobody knows what article 5 means for ukraine',
    ]) expect(asksTheBot(text), text).toBe(false);
  });
});

describe('the matcher in a debate refuses a reply that makes no claim', () => {
  // Sure of anything and never refusing: only the new rule can say "none".
  const eager = createMatcher(syntheticPack(), {
    ...SYNTHETIC_TUNING, sureModel: { bias: 20, weights: zeroWeights() }, pointModel: { bias: 20, weights: zeroWeights() },
  });

  it('refuses a bare list and a bare verdict on the topic, however sure it would be', () => {
    expect(eager.judge('exhaust fumes, wheelchair users, delivery vans', { motion: 'car-free' }).outcome).toBe('none');
    expect(eager.judge('cars bad, honestly', { motion: 'car-free' }).outcome).toBe('none');
    expect(eager.judge('free transit is a great idea', { motion: 'free-transit' }).outcome).toBe('none');
  });

  it('still answers the same words when they make a claim', () => {
    expect(eager.judge('exhaust fumes make wheelchair users ill', { motion: 'car-free' }).outcome).toBe('sure');
    expect(eager.judge('cars are bad for asthma', { motion: 'car-free' }).outcome).toBe('sure');
  });

  it('leaves judging without a motion alone: there is no debate whose topic it could be', () => {
    expect(eager.judge('exhaust fumes, wheelchair users, delivery vans').outcome).not.toBe('none');
  });
});

describe('the shipped pack: content-free replies are refused, near arguments are not', () => {
  let pack: Pack;
  let matcher: Matcher;
  beforeAll(async () => {
    ({ pack, matcher } = await shippedPack());
  });
  const read = (motion: string, text: string) => readReply(matcher, text, pack.motionById.get(motion));

  it.each([
    ['front-door', 'biden, orban, erdogan, article 5, vilnius'],
    ['admit-inside-tent', 'putin; escalation; red lines'],
    ['de-facto-member', 'intel sharing, ramstein, nato standard shells'],
    ['admit-inside-tent', 'facts, nato should admit it'],
    ['front-door', 'ukraine in nato good, russia bad'],
    ['integration-strategy', 'the approach is terrible'],
    ['integration-strategy', 'can you explain the strategy one again'],
    ['admit-inside-tent', 'what even is the tent thing'],
    ['de-facto-member', 'interesting point tbh'],
    // Answered (sure) before questions to the bot and "oppose" were recognised.
    ['integration-strategy', 'whats a reassurance force'],
    ['de-facto-member', 'nato stands for north atlantic treaty organisation'],
    ['front-door', 'i oppose the motion'],
  ])('refuses (%s) "%s"', (motion, text) => {
    const r = read(motion, text);
    expect(r.outcome).toBe('none');
    expect(r.candidates).toEqual([]);
  });

  it.each([
    ['front-door', 'ukraine has the right to join nato, putin doesnt get a veto'],
    ['integration-strategy', 'himars and patriots are cheaper than sending us troops'],
    ['de-facto-member', 'no article 5, no seat at the table, so not a member'],
    ['admit-inside-tent', 'saying it out loud would provoke putin'],
  ])('still places (%s) "%s"', (motion, text) => {
    expect(read(motion, text).outcome).toBe('sure');
  });
});
