import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { isRude, screened } from '../../../src/core/match/civility.js';
import { shippedPack } from '../../support/core.js';
import { MATCH_CASES_FILE } from './evaluate.js';
import { STUDENT_BLIND_FILE, tuneHalf } from './student-blind.js';

describe('isRude', () => {
  it('catches profanity, slurs in disguise and insults aimed at the person or the bot', () => {
    for (const text of [
      'you are a fucking idiot', 'f*ck this debate', 'what an assh0le', 'shut up', 'stfu bot', 'ur so dumb',
      'you’re such a moron', 'this bot is useless', 'stupid bot', 'kys', 'ur literally brain dead', 'ur mom is inside the tent',
    ]) expect(isRude(text), text).toBe(true);
  });

  it('lets arguments through that call an idea stupid, name war crimes or use a mild word', () => {
    for (const text of [
      'its dumb to think ukraine is in nato', 'you are wrong, article 5 is what counts', 'the war is stupid and pointless',
      'russian soldiers rape civilians, nato cant just watch', 'that would piss off putin for no reason',
      'you would be stupid to provoke russia like that', 'scunthorpe and the assassination of franz ferdinand',
      'Erdoğan and Orbán can block everything', 'the Kursk offensive was a surprise', 'my mom says nato should let them in',
    ]) expect(isRude(text), text).toBe(false);
  });

  it('flags none of the pack’s own words, nor any labelled argument of the fixtures', async () => {
    const { pack } = await shippedPack();
    const cases = JSON.parse(readFileSync(MATCH_CASES_FILE, 'utf8')) as { arguments: { text: string }[] };
    const blind = JSON.parse(readFileSync(MATCH_CASES_FILE.replace('match-cases.json', 'match-cases-blind.json'), 'utf8')) as { arguments: { text: string }[] };
    // Only the tune half of the student set: the held-out half is for the evaluation alone.
    const student = tuneHalf(JSON.parse(readFileSync(STUDENT_BLIND_FILE, 'utf8'))).filter((e) => e.point !== null);
    const texts = [
      ...pack.points.flatMap((p) => [p.claim, p.explanation, ...p.keywords, ...p.synonyms, ...p.quotes.map((q) => q.text), ...pack.examplesOf(p.id)]),
      ...pack.counterpoints.map((c) => c.rebuttal),
      ...pack.article.paragraphs.map((p) => p.text),
      ...cases.arguments.map((a) => a.text), ...blind.arguments.map((a) => a.text), ...student.map((e) => e.text),
    ];
    expect(texts.filter(isRude)).toEqual([]);
  });
});

describe('the screen before obscenity', () => {
  const texts = [
    'you are a fucking idiot', 'f*ck this debate', 'what an assh0le', 'an analysis of article 5', 'scunthorpe united',
    'the assassination of franz ferdinand', 'b1tch', 'sh1t happens', 'ukraine is not a member', 'a cockpit and a bass guitar',
    'fuuuuck', 'p e n i s', 'grape juice and shiitake', 'dickens wrote about it', '', 'nato nato nato',
  ];

  it('answers as obscenity’s own hasMatch does, for clean, rude and whitelisted text alike', () => {
    const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
    const check = screened(matcher);
    const answers = texts.map((t) => [t, check(t)]);
    expect(answers).toEqual(texts.map((t) => [t, matcher.hasMatch(t)]));
    // The set holds both answers, so agreement is not agreement on one of them only.
    expect(new Set(answers.map(([, a]) => a))).toEqual(new Set([true, false]));
  });

  it('falls back to hasMatch alone when the matcher’s parts it reads are not there', () => {
    const asked: string[] = [];
    const stranger = { hasMatch: (t: string) => (asked.push(t), t === 'rude') } as unknown as RegExpMatcher;
    const check = screened(stranger);
    expect([check('rude'), check('fine')]).toEqual([true, false]);
    expect(asked).toEqual(['rude', 'fine']);
  });
});
