import { beforeEach, describe, expect, it } from 'vitest';
import type { BaseContext, Services } from '../../../src/core/context.js';
import type { Point, Side } from '../../../src/core/pack/schema.js';
import { otherSide } from '../../../src/core/pack/model.js';
import { runChoice, runCommand, runText } from '../../../src/core/dispatch.js';
import { editorialLabel, sideLabel } from '../../../src/core/present.js';
import { MAX_USER_TEXT, type Reply } from '../../../src/core/reply.js';
import type { DebateRecord } from '../../../src/core/store/records.js';
import { loadMatchCases } from '../match/evaluate.js';
import { argumentFor, contextFor, tempDbPath, testServices, unplaceableTexts } from '../../support/core.js';
import { blocksOf, choiceStarting, plain, quoteProblems, texts } from '../../support/replies.js';

let services: Services;
let alice: BaseContext;
beforeEach(async () => {
  services = await testServices({ settings: { debateTurnLimit: 20 } });
  alice = contextFor(services, 'alice', 'debate-hall');
});

const MOTION = 'de-facto-member';

async function start(ctx: BaseContext, side: Side, motion = MOTION): Promise<Reply> {
  const replies = await runCommand(ctx, { command: 'debate', subcommand: 'start', options: { motion, side } });
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

async function argue(ctx: BaseContext, text: string): Promise<Reply[]> {
  return runCommand(ctx, { command: 'debate', subcommand: 'reply', options: { text } });
}

async function active(ctx: BaseContext): Promise<DebateRecord> {
  const d = await services.store.activeDebate(ctx, ctx.user.id);
  if (!d) throw new Error('no active debate');
  return d;
}

/** A point of the user's side (against the bot) that the pack answers with at least `n` counterpoints the bot has not used. */
function userPointWithAnswers(botSide: Side, n: number, motion = MOTION): Point {
  const opening = services.pack.pointsOf(motion, botSide)[0]!;
  const found = services.pack.pointsOf(motion, otherSide(botSide))
    .find((p) => services.pack.answersTo(p.id).filter((c) => c.answer !== opening.id).length >= n);
  if (!found) throw new Error(`no point with ${n} counterpoints`);
  return found;
}

describe('/debate start', () => {
  it('opens with the first point of the bot’s side and records the debate', async () => {
    for (const side of ['for', 'against'] as const) {
      const ctx = contextFor(services, `user-${side}`, 'debate-hall');
      const r = await start(ctx, side);
      const motion = services.pack.motionById.get(MOTION)!;
      const opening = services.pack.pointsOf(MOTION, side)[0]!;
      expect(r.visibility).toBe('public');
      expect(plain(r)).toContain(motion.title);
      expect(plain(r)).toContain(`I argue ${sideLabel(side)}; you argue ${sideLabel(otherSide(side))}`);
      expect(texts(r)).toContain(opening.claim);
      expect(quoteProblems(services.pack, r)).toEqual([]);
      if (opening.source === 'editorial') expect(texts(r)).toContain(editorialLabel(opening));

      const d = await active(ctx);
      expect(d).toMatchObject({ motionId: MOTION, botSide: side, status: 'active', userId: ctx.user.id });
      expect(d.turns).toEqual([{ by: 'bot', kind: 'argue', point: opening.id }]);
      expect(choiceStarting(r, 'debate:reply:').id).toBe(`debate:reply:${d.id}`);
      expect(choiceStarting(r, 'debate:reply:').input?.maxLength).toBe(MAX_USER_TEXT);
      expect(choiceStarting(r, 'debate:end:').id).toBe(`debate:end:${d.id}`);
    }
  });

  it('refuses a second debate by the same person in the same channel; others may start their own', async () => {
    await start(alice, 'for');
    const first = await active(alice);
    const again = await start(alice, 'against', 'integration-strategy');
    expect(again.visibility).toBe('private');
    expect(plain(again)).toMatch(/already have a debate/);
    expect(await active(alice)).toEqual(first);

    const bob = contextFor(services, 'bob', 'debate-hall');
    expect(blocksOf(await start(bob, 'against'), 'choices')).toHaveLength(1);
    expect((await active(bob)).id).not.toBe(first.id);
    const aliceElsewhere = contextFor(services, 'alice', 'other-hall');
    expect(blocksOf(await start(aliceElsewhere, 'against'), 'choices')).toHaveLength(1);
  });

  it('refuses an unknown motion, naming the real ones', async () => {
    const r = await start(alice, 'for', 'no-such-motion');
    expect(r.visibility).toBe('private');
    for (const m of services.pack.motions) expect(plain(r)).toContain(m.id);
    expect(await services.store.activeDebate(alice, 'alice')).toBeNull();
  });

  it('picks a motion and a side when none is given', async () => {
    const [r] = await runText(alice, 'debate', 'start');
    const d = await active(alice);
    expect(services.pack.motionById.has(d.motionId)).toBe(true);
    expect(texts(r!)).toContain(services.pack.pointsOf(d.motionId, d.botSide)[0]!.claim);
  });
});

describe('/debate reply', () => {
  it('rebuts an argument of the user’s side with a linked counterpoint not used yet', async () => {
    await start(alice, 'for');
    const point = userPointWithAnswers('for', 1);
    const opening = services.pack.pointsOf(MOTION, 'for')[0]!;
    const expected = services.pack.answersTo(point.id).find((c) => c.answer !== opening.id)!;
    const answering = services.pack.pointById.get(expected.answer)!;

    const replies = await argue(alice, await argumentFor(point.id));
    expect(replies).toHaveLength(1);
    const all = texts(replies);
    expect(all).toContain(`You argue: ${point.claim}`);
    expect(all).toContain(`My answer: ${expected.rebuttal}`);
    expect(all).toContain(answering.claim);
    expect(answering.side).toBe('for');
    expect(quoteProblems(services.pack, replies)).toEqual([]);
    expect(choiceStarting(replies, 'debate:reply:')).toBeDefined();

    expect((await active(alice)).turns.slice(1)).toEqual([
      { by: 'user', kind: 'argue', point: point.id },
      { by: 'bot', kind: 'rebut', point: answering.id, answers: point.id },
    ]);
  });

  it('answers the same point with a different counterpoint each time, then concedes', async () => {
    await start(alice, 'against');
    const point = userPointWithAnswers('against', 2);
    const text = await argumentFor(point.id);
    // Every linked answer is used once before a concession: first those whose point the bot has not
    // made yet (the pack's order), then the one it opened with, with this point's own rebuttal.
    const made = new Set<string>([services.pack.pointsOf(MOTION, 'against')[0]!.id]);
    const answers = services.pack.answersTo(point.id);
    const available = [...answers.filter((c) => !made.has(c.answer)), ...answers.filter((c) => made.has(c.answer))];

    const rebuttals: string[] = [];
    for (let i = 0; i < available.length; i++) {
      const all = texts(await argue(alice, text));
      const rebuttal = all.find((t) => t.startsWith('My answer: '));
      expect(rebuttal, `reply ${i + 1} should rebut`).toBeDefined();
      rebuttals.push(rebuttal!);
    }
    expect(new Set(rebuttals).size).toBe(available.length);
    expect(rebuttals).toEqual(available.map((c) => `My answer: ${c.rebuttal}`));

    const conceded = await argue(alice, text);
    expect(plain(conceded)).toContain('I have no answer left to that point, so I concede it.');
    expect(plain(conceded)).not.toContain('My answer:');
    expect(blocksOf(conceded, 'quote')).toEqual([]);
    expect((await active(alice)).turns.at(-1)).toEqual({ by: 'bot', kind: 'concede', point: null, answers: point.id });
  });

  it('skips a counterpoint the bot already made', async () => {
    // The bot opens with its first point; a user point the pack answers with that very point gets the next one.
    const botSide: Side = 'for';
    const opening = services.pack.pointsOf(MOTION, botSide)[0]!;
    const point = services.pack.pointsOf(MOTION, otherSide(botSide))
      .find((p) => services.pack.answersTo(p.id)[0]?.answer === opening.id && services.pack.answersTo(p.id).length > 1);
    expect(point, 'the shipped pack has such a point').toBeDefined();
    await start(alice, botSide);
    const replies = await argue(alice, await argumentFor(point!.id));
    expect(texts(replies)).toContain(`My answer: ${services.pack.answersTo(point!.id)[1]!.rebuttal}`);
  });

  it('acknowledges an argument that makes the bot’s side, and rebuts nothing', async () => {
    await start(alice, 'for');
    const botPoint = services.pack.pointsOf(MOTION, 'for')[1]!;
    const replies = await argue(alice, await argumentFor(botPoint.id));
    expect(plain(replies)).toContain(`That argument supports my side, not yours: “${botPoint.claim}”`);
    expect(plain(replies)).toContain(`You are arguing ${sideLabel('against')}`);
    expect(plain(replies)).not.toContain('My answer:');
    expect((await active(alice)).turns.slice(1)).toEqual([{ by: 'user', kind: 'own-goal', point: botPoint.id }]);
  });

  it('says it can’t place an unplaceable argument and suggests points the user has not made', async () => {
    await start(alice, 'for');
    const made = userPointWithAnswers('for', 1);
    await argue(alice, await argumentFor(made.id));
    const [chatter] = await unplaceableTexts(MOTION);
    const replies = await argue(alice, chatter!);
    expect(plain(replies)).toContain('I can’t place that argument');
    const suggestions = blocksOf(replies, 'fields').flatMap((f) => f.fields);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]!.name).toContain(sideLabel('against'));
    const unmade = services.pack.pointsOf(MOTION, 'against').filter((p) => p.id !== made.id);
    for (const p of unmade.slice(0, 3)) expect(suggestions[0]!.value).toContain(p.claim);
    expect(suggestions[0]!.value).not.toContain(made.claim);
    expect((await active(alice)).turns.at(-1)).toEqual({ by: 'user', kind: 'unplaced', point: null });
  });

  it('suggests different unmade points after each miss', async () => {
    await start(alice, 'for');
    const texts = await unplaceableTexts(MOTION);
    const first = blocksOf(await argue(alice, texts[0]!), 'fields')[0]!.fields[0]!.value;
    const second = blocksOf(await argue(alice, texts[1] ?? texts[0]!), 'fields')[0]!.fields[0]!.value;
    expect(second).not.toEqual(first);
  });

  it('asks for a reason when a reply only asserts or denies the motion', async () => {
    await start(alice, 'for');
    const denial = 'ukraine is NOT a member of nato!';
    // Every word of it stands in the motion itself, and it makes no point of the pack.
    expect(services.pack.motionById.get(MOTION)!.statement.toLowerCase()).toMatch(/ukraine.*member.*nato/);
    expect(services.matcher.match(denial, { motion: MOTION })).toBeNull();
    const replies = await argue(alice, denial);
    expect(plain(replies)).toContain('That states a position on the motion, not a reason for it.');
    expect(plain(replies)).not.toContain('I can’t place that argument');
    expect((await active(alice)).turns.at(-1)).toEqual({ by: 'user', kind: 'unplaced', point: null });
  });

  it('names the other motion when an argument belongs there', async () => {
    // Only meaningful for a text that places nothing on this motion but surely makes a point elsewhere.
    // Labelled arguments of the other motions (tests/fixtures/match-cases.json) are tried in turn.
    const { arguments: labelled } = await loadMatchCases();
    const text = labelled.map((a) => a.text).find((t) => {
      const found = services.matcher.match(t);
      // Placed nothing here, not even as a question: one asked about here is offered this motion's points.
      return found !== null && found.motion !== MOTION && services.matcher.judge(t, { motion: MOTION }).outcome === 'none';
    });
    if (!text) throw new Error(`no argument of another motion that makes no point of ${MOTION}`);
    const found = services.matcher.match(text)!;
    await start(alice, 'for');
    const replies = await argue(alice, text);
    expect(plain(replies)).toContain('I can’t place that argument');
    expect(plain(replies)).toContain(`It sounds like a point on another motion (“${services.pack.motionById.get(found.motion)!.statement}”)`);
  });

  it('tells someone without a debate how to start one', async () => {
    const [r] = await argue(alice, 'article 5 is what makes you a member');
    expect(r?.visibility).toBe('private');
    expect(plain(r!)).toContain('/debate start');
  });

  it('takes a reply typed into the Reply button’s box, only from the person debating', async () => {
    const opening = await start(alice, 'for');
    const replyChoice = choiceStarting(opening, 'debate:reply:').id;
    const point = userPointWithAnswers('for', 1);
    const text = await argumentFor(point.id);

    const bob = contextFor(services, 'bob', 'debate-hall');
    const [refused] = await runChoice(bob, { choiceId: replyChoice, text });
    expect(refused?.visibility).toBe('private');
    expect(plain(refused!)).toMatch(/someone else/);
    expect((await active(alice)).turns).toHaveLength(1);

    const [empty] = await runChoice(alice, { choiceId: replyChoice, text: '   ' });
    expect(empty?.visibility).toBe('private');
    expect((await active(alice)).turns).toHaveLength(1);

    const replies = await runChoice(alice, { choiceId: replyChoice, text });
    expect(texts(replies)).toContain(`You argue: ${point.claim}`);
    expect((await active(alice)).turns).toHaveLength(3);
  });
});

describe('the end of a debate', () => {
  it('ends at the turn limit with a recap: points made, points conceded, the best case for the user’s side', async () => {
    services = await testServices({ settings: { debateTurnLimit: 4 } });
    alice = contextFor(services, 'alice', 'debate-hall');
    await start(alice, 'for');
    const point = userPointWithAnswers('for', 1);
    const text = await argumentFor(point.id);
    const debateId = (await active(alice)).id;

    // Argue one point until the bot has nothing left, then once more: the last reply hits the limit.
    const turns: Reply[][] = [];
    for (let i = 0; i < 4; i++) turns.push(await argue(alice, text));
    for (const t of turns.slice(0, 3)) expect(t).toHaveLength(1);
    const last = turns[3]!;
    expect(last).toHaveLength(2);
    expect(choiceStarting(turns[2]!, 'debate:reply:')).toBeDefined();
    expect(blocksOf(last[0]!, 'choices')).toEqual([]);

    const recap = last[1]!;
    expect(plain(recap)).toContain('That was the last reply of this debate.');
    const fields = blocksOf(recap, 'fields').flatMap((f) => f.fields);
    const field = (prefix: string) => fields.find((f) => f.name.startsWith(prefix))!.value;
    const debate = (await services.store.getDebate(debateId))!;
    expect(debate.status).toBe('ended');
    for (const t of debate.turns.filter((t) => t.by === 'bot' && t.point)) {
      expect(field('I argued')).toContain(services.pack.pointById.get(t.point!)!.claim);
    }
    expect(field('You argued')).toContain(point.claim);
    expect(field('Points I could not answer')).toContain(point.claim);
    // The same point conceded twice is listed once.
    expect(field('Points I could not answer').split('\n')).toHaveLength(1);
    expect(field('You argued').split('\n')).toHaveLength(1);

    expect(blocksOf(recap, 'heading').map((h) => h.text)).toContain(`The best case ${sideLabel('against')}`);
    for (const p of services.pack.pointsOf(MOTION, 'against').slice(0, 3)) expect(plain(recap)).toContain(p.claim);
    expect(quoteProblems(services.pack, recap)).toEqual([]);

    expect(await services.store.activeDebate(alice, 'alice')).toBeNull();
    const [after] = await argue(alice, text);
    expect(plain(after!)).toContain('/debate start');
  });

  it('ends on /debate end with a recap, once', async () => {
    await start(alice, 'against');
    const point = userPointWithAnswers('against', 1);
    await argue(alice, await argumentFor(point.id));
    const [chatter] = await unplaceableTexts(MOTION);
    await argue(alice, chatter!);

    const [recap] = await runText(alice, 'debate', 'end');
    expect(recap?.visibility).toBe('public');
    expect(blocksOf(recap!, 'heading')[0]?.text).toContain('Debate recap');
    const fields = blocksOf(recap!, 'fields').flatMap((f) => f.fields);
    expect(fields.find((f) => f.name.startsWith('You argued'))?.value).toContain(point.claim);
    expect(fields.find((f) => f.name === 'Points I could not answer')?.value).toBe('None');
    expect(plain(recap!)).toContain('1 of your replies made no point I could find in the article.');
    expect(plain(recap!)).toContain(`The best case ${sideLabel('for')}`);

    const [again] = await runText(alice, 'debate', 'end');
    expect(again?.visibility).toBe('private');
    expect(blocksOf(again!, 'fields')).toEqual([]);
  });

  it('labels each point in the recap as the article’s (with its anchors) or editorial', async () => {
    const opening = services.pack.pointsOf(MOTION, 'against')[0]!;
    expect(opening.source).toBe('editorial');
    await start(alice, 'against');
    const point = userPointWithAnswers('against', 1);
    await argue(alice, await argumentFor(point.id));
    const [recap] = await runText(alice, 'debate', 'end');
    const fields = blocksOf(recap!, 'fields').flatMap((f) => f.fields);
    const botMade = fields.find((f) => f.name.startsWith('I argued'))!.value.split('\n');
    expect(botMade).toContain(`• ${opening.claim} (editorial)`);
    const anchors = [...new Set(point.quotes.map((q) => q.anchor))].join(', ');
    expect(fields.find((f) => f.name.startsWith('You argued'))!.value).toBe(`• ${point.claim} (${point.source === 'author' ? anchors : 'editorial'})`);
  });

  it('ends through the End button only for the person debating', async () => {
    const opening = await start(alice, 'for');
    const end = choiceStarting(opening, 'debate:end:').id;
    const [refused] = await runChoice(contextFor(services, 'bob', 'debate-hall'), { choiceId: end });
    expect(refused?.visibility).toBe('private');
    expect((await active(alice)).status).toBe('active');
    const [recap] = await runChoice(alice, { choiceId: end });
    expect(blocksOf(recap!, 'heading')[0]?.text).toContain('Debate recap');
    expect(await services.store.activeDebate(alice, 'alice')).toBeNull();
  });
});

describe('/debate case', () => {
  it('gives the strongest case for a side: its first four points, quoted or labelled editorial', async () => {
    for (const motion of services.pack.motions) {
      for (const side of ['for', 'against'] as const) {
        const [r] = await runCommand(alice, { command: 'debate', subcommand: 'case', options: { side, motion: motion.id } });
        expect(blocksOf(r!, 'heading')[0]?.text).toBe(`The case ${sideLabel(side)}`);
        expect(plain(r!)).toContain(motion.statement);
        const points = services.pack.pointsOf(motion.id, side).slice(0, 4);
        points.forEach((p, i) => expect(texts(r!)).toContain(`${i + 1}. ${p.claim}`));
        expect(blocksOf(r!, 'quote').map((q) => q.text)).toEqual(
          points.filter((p) => p.source === 'author').map((p) => p.quotes[0]!.text),
        );
        // Each editorial point is labelled with its sources, as everywhere else it is shown.
        expect(blocksOf(r!, 'footer').map((f) => f.text)).toEqual(
          points.filter((p) => p.source === 'editorial').map((p) => editorialLabel(p)),
        );
        expect(quoteProblems(services.pack, r!)).toEqual([]);
      }
    }
  });

  it('needs a side', async () => {
    const [r] = await runText(alice, 'debate', 'case');
    expect(r?.visibility).toBe('private');
    expect(plain(r!)).toMatch(/needs side/);
  });
});

describe('no early concession (the shipped pack)', () => {
  it('gets none in a six-reply debate of varied arguments on any motion and side, while unused answers remain', async () => {
    for (const motion of services.pack.motions) {
      for (const botSide of ['for', 'against'] as const) {
        const ctx = contextFor(services, `six-${motion.id}-${botSide}`, 'debate-hall');
        await start(ctx, botSide, motion.id);
        const yours = services.pack.pointsOf(motion.id, otherSide(botSide));
        for (let i = 0; i < 6; i++) {
          const point = yours[i % yours.length]!;
          expect(services.pack.answersTo(point.id).length, point.id).toBeGreaterThanOrEqual(3);
          const replies = await argue(ctx, await argumentFor(point.id));
          expect(plain(replies), `${motion.id}, reply ${i + 1} (${point.id})`).toContain('My answer:');
        }
        const turns = (await active(ctx)).turns;
        expect(turns.filter((t) => t.kind === 'concede'), `${motion.id}, bot ${botSide}`).toEqual([]);
        expect(turns.filter((t) => t.kind === 'rebut')).toHaveLength(6);
      }
    }
  }, 60_000);
});

describe('a debate across a restart', () => {
  it('continues with new Services on the same database file', async () => {
    const path = tempDbPath();
    const before = await testServices({ path });
    const ctxBefore = contextFor(before, 'alice', 'debate-hall');
    await runCommand(ctxBefore, { command: 'debate', subcommand: 'start', options: { motion: MOTION, side: 'for' } });
    const point = userPointWithAnswers('for', 1);
    await runCommand(ctxBefore, { command: 'debate', subcommand: 'reply', options: { text: await argumentFor(point.id) } });
    await before.store.close();

    const after = await testServices({ path });
    const ctxAfter = contextFor(after, 'alice', 'debate-hall');
    const d = await after.store.activeDebate(ctxAfter, 'alice');
    expect(d?.turns).toHaveLength(3);
    // The bot remembers what it already said: the same point now gets the next counterpoint or a concession.
    const replies = await runCommand(ctxAfter, { command: 'debate', subcommand: 'reply', options: { text: await argumentFor(point.id) } });
    const usedRebuttal = services.pack.answersTo(point.id).find((c) => c.answer === d!.turns[2]!.point)!.rebuttal;
    expect(plain(replies)).not.toContain(usedRebuttal);
    expect((await after.store.activeDebate(ctxAfter, 'alice'))?.turns).toHaveLength(5);
    const [recap] = await runCommand(ctxAfter, { command: 'debate', subcommand: 'end', options: {} });
    expect(plain(recap!)).toContain(point.claim);
    await after.store.close();
  });
});
