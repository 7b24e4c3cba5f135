import { beforeEach, describe, expect, it } from 'vitest';
import type { BaseContext, Services } from '../../../src/core/context.js';
import { runChoice, runCommand } from '../../../src/core/dispatch.js';
import { MAX_CHOICE_ID, type Reply } from '../../../src/core/reply.js';
import type { DebateRecord } from '../../../src/core/store/records.js';
import { contextFor, tempDbPath } from '../../support/core.js';
import { choicesOf, plain, texts } from '../../support/replies.js';
import { debateServices, DEBATE_COUNTERPOINTS, USER_ARGUMENTS, VAGUE } from './debate-pack.js';

/** The debate's reading of replies (ask, pick, refuse, civility, turns), on a synthetic pack. */
let services: Services;
let alice: BaseContext;
beforeEach(async () => {
  services = await debateServices();
  alice = contextFor(services, 'alice', 'debate-hall');
});

const MOTION = 'car-free';

async function start(ctx: BaseContext = alice): Promise<DebateRecord> {
  await runCommand(ctx, { command: 'debate', subcommand: 'start', options: { motion: MOTION, side: 'for' } });
  return debate(ctx);
}

async function debate(ctx: BaseContext = alice): Promise<DebateRecord> {
  const d = await ctx.services.store.activeDebate(ctx, ctx.user.id);
  if (!d) throw new Error('no active debate');
  return d;
}

const argue = (text: string, ctx: BaseContext = alice) => runCommand(ctx, { command: 'debate', subcommand: 'reply', options: { text } });
const picks = (r: Reply[]) => choicesOf(r).filter((c) => c.id.startsWith('debate:pick:'));

describe('a reply the matcher is unsure of', () => {
  it('asks “Did you mean…?” with a stateless choice per candidate and a way to rephrase, and records nothing', async () => {
    const d = await start();
    const judged = services.matcher.judge(VAGUE, { motion: MOTION });
    expect(judged.outcome).toBe('unsure');
    const asked = await argue(VAGUE);
    expect(plain(asked)).toMatch(/Did you mean/);
    expect(plain(asked)).not.toMatch(/supports my side|My answer:|can’t place/);
    expect(picks(asked).map((c) => c.id)).toEqual(judged.candidates.map((c) => `debate:pick:${d.id}:${d.turns.length}:${c.point}`));
    for (const c of choicesOf(asked)) expect(c.id.length).toBeLessThanOrEqual(MAX_CHOICE_ID);
    for (const c of judged.candidates) expect(texts(asked).join('\n')).toContain(services.pack.pointById.get(c.point)!.claim);
    const rephrase = choicesOf(asked).find((c) => c.label === 'Something else — I’ll rephrase');
    expect(rephrase?.id).toBe(`debate:reply:${d.id}`);
    expect(rephrase?.input?.title).toBe('Your argument');
    expect((await debate()).turns).toEqual(d.turns);
  });

  it('asks rather than say “that supports my side” when the leading candidates argue opposite sides', async () => {
    await start();
    const judged = services.matcher.judge(VAGUE, { motion: MOTION });
    expect(new Set(judged.candidates.map((c) => c.side))).toEqual(new Set(['for', 'against']));
    expect(plain(await argue(VAGUE))).not.toContain('supports my side');
  });

  it('continues exactly as if the picked point had been matched', async () => {
    const d = await start();
    const asked = await argue(VAGUE);
    const pick = picks(asked).find((c) => c.id.endsWith(':cars-against-access'))!;
    const picked = await runChoice(alice, { choiceId: pick.id });

    // A second debater types the point outright: the bot's answer and the record are the same.
    const bob = contextFor(services, 'bob', 'debate-hall');
    const twin = await start(bob);
    const typed = await argue(USER_ARGUMENTS['cars-against-access']!, bob);
    expect(plain(picked).replaceAll(d.id, 'ID')).toBe(plain(typed).replaceAll(twin.id, 'ID'));
    expect((await debate()).turns.slice(1)).toEqual((await debate(bob)).turns.slice(1));
    expect(texts(picked)).toContain(`You argue: ${services.pack.pointById.get('cars-against-access')!.claim}`);
  });

  it('takes a pick of a point of the bot’s side as an own goal, as a typed one would be', async () => {
    await start();
    const pick = picks(await argue(VAGUE)).find((c) => c.id.endsWith(':cars-for-air'))!;
    expect(plain(await runChoice(alice, { choiceId: pick.id }))).toContain('That argument supports my side, not yours');
    expect((await debate()).turns.at(-1)).toEqual({ by: 'user', kind: 'own-goal', point: 'cars-for-air' });
  });

  it('has one effect for a double click: the second pick is refused politely', async () => {
    await start();
    const [first, second] = picks(await argue(VAGUE));
    await runChoice(alice, { choiceId: first!.id });
    const after = (await debate()).turns;
    for (const again of [first!, second!]) {
      const [refused] = await runChoice(alice, { choiceId: again.id });
      expect(refused?.visibility).toBe('private');
      expect(plain(refused!)).toMatch(/moved on|already/);
    }
    expect((await debate()).turns).toEqual(after);
  });

  it('has one effect when two clicks race (the second write loses)', async () => {
    await start();
    const [first, second] = picks(await argue(VAGUE));
    const both = await Promise.all([runChoice(alice, { choiceId: first!.id }), runChoice(alice, { choiceId: second!.id })]);
    const placed = both.filter((r) => plain(r).includes('You argue:') || plain(r).includes('supports my side'));
    expect(placed).toHaveLength(1);
    expect((await debate()).turns.filter((t) => t.by === 'user')).toHaveLength(1);
  });

  it('refuses politely a pick for a debate that has moved on, or ended', async () => {
    await start();
    const [pick] = picks(await argue(VAGUE));
    await argue(USER_ARGUMENTS['cars-against-jobs']!);
    const [movedOn] = await runChoice(alice, { choiceId: pick!.id });
    expect(plain(movedOn!)).toContain('The debate has moved on since I asked');

    const [pickNow] = picks(await argue(VAGUE));
    await runCommand(alice, { command: 'debate', subcommand: 'end', options: {} });
    const [ended] = await runChoice(alice, { choiceId: pickNow!.id });
    expect(ended?.visibility).toBe('private');
    expect(plain(ended!)).toContain('That debate has ended');
  });

  it('lets only the person debating pick, and treats a forged pick as expired', async () => {
    const d = await start();
    const [pick] = picks(await argue(VAGUE));
    const [intruder] = await runChoice(contextFor(services, 'bob', 'debate-hall'), { choiceId: pick!.id });
    expect(plain(intruder!)).toMatch(/someone else/);
    for (const forged of [`debate:pick:${d.id}:1:no-such-point`, `debate:pick:${d.id}:x:cars-against-access`, `debate:pick:nope:1:cars-against-access`, `debate:pick:${d.id}:1:fares-for-air`]) {
      const [r] = await runChoice(alice, { choiceId: forged });
      expect(plain(r!), forged).toMatch(/expired/);
    }
    expect((await debate()).turns).toEqual(d.turns);
  });

  it('takes a pick after a restart, on new Services over the same database', async () => {
    const path = tempDbPath();
    const before = await debateServices({ path });
    const ctx = contextFor(before, 'alice', 'debate-hall');
    await start(ctx);
    const [pick] = picks(await argue(VAGUE, ctx));
    await before.store.close();
    const after = await debateServices({ path });
    const replies = await runChoice(contextFor(after, 'alice', 'debate-hall'), { choiceId: pick!.id });
    expect(plain(replies)).toMatch(/You argue:|supports my side/);
    await after.store.close();
  });
});

describe('replies that place nothing', () => {
  it('answers a rude reply with one calm, private line, and records no turn', async () => {
    const d = await start();
    for (const rude of ['you are such an idiot', 'this is fucking pointless', `shut up, ${USER_ARGUMENTS['cars-against-jobs']}`]) {
      const [r, ...rest] = await argue(rude);
      expect(rest).toEqual([]);
      expect(r?.visibility).toBe('private');
      expect(plain(r!)).toContain('Let’s keep it civil');
      expect(plain(r!)).not.toMatch(/You argue:|Did you mean/);
    }
    expect((await debate()).turns).toEqual(d.turns);
  });

  it('names another motion’s point, and says it did not count', async () => {
    await start();
    const r = await argue('free buses help poor households with the cost of living');
    expect(plain(r)).toContain('I can’t place that argument');
    expect(plain(r)).toContain('It sounds like a point on another motion (“Make public transport free.”)');
    expect(plain(r)).toContain('That reply didn’t count as a turn.');
  });

  it('counts only placed arguments towards the turn limit', async () => {
    services = await debateServices({ settings: { debateTurnLimit: 2 } });
    alice = contextFor(services, 'alice', 'debate-hall');
    await start();
    for (const text of ['what is for lunch', 'asdf qwerty', 'you are an idiot', VAGUE, 'the weather is nice today']) {
      const replies = await argue(text);
      expect(replies, text).toHaveLength(1);
    }
    expect((await argue(USER_ARGUMENTS['cars-against-jobs']!))).toHaveLength(1);
    const last = await argue(USER_ARGUMENTS['cars-against-cost']!);
    expect(last).toHaveLength(2);
    expect(plain(last[1]!)).toContain('That was the last reply of this debate.');
    // The three unplaced replies are in the recap; the rude one and the question asked were never recorded.
    expect(plain(last[1]!)).toContain('3 of your replies made no point I could find in the article.');
  });
});

describe('concessions', () => {
  it('gets none in a six-reply debate of varied arguments while unused answers remain', async () => {
    await start();
    const order = ['cars-against-access', 'cars-against-deliveries', 'cars-against-jobs', 'cars-against-cost', 'cars-against-access', 'cars-against-jobs'];
    for (const point of order) {
      const r = await argue(USER_ARGUMENTS[point]!);
      expect(plain(r), point).toContain('My answer:');
      expect(plain(r), point).not.toContain('I concede');
    }
    const turns = (await debate()).turns;
    expect(turns.filter((t) => t.kind === 'concede')).toEqual([]);
    // Every rebuttal given was a different answer to the point it answered.
    const given = turns.filter((t) => t.kind === 'rebut').map((t) => `${t.answers}→${t.point}`);
    expect(new Set(given).size).toBe(given.length);
  });

  it('concedes a point only once every answer to it has been used on it', async () => {
    await start();
    const point = 'cars-against-deliveries';
    const answers = DEBATE_COUNTERPOINTS.filter((c) => c.point === point);
    expect(answers.length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < answers.length; i++) expect(plain(await argue(USER_ARGUMENTS[point]!))).toContain('My answer:');
    const rebuttals = (await debate()).turns.filter((t) => t.kind === 'rebut').map((t) => t.point);
    expect(new Set(rebuttals)).toEqual(new Set(answers.map((c) => c.answer)));
    expect(plain(await argue(USER_ARGUMENTS[point]!))).toContain('I have no answer left to that point, so I concede it.');
  });

  it('prefers an answer whose point it has not made yet', async () => {
    const d = await start();
    const opening = d.turns[0]!.point;
    await argue(USER_ARGUMENTS['cars-against-access']!);
    const rebut = (await debate()).turns.at(-1)!;
    expect(rebut.kind).toBe('rebut');
    expect(rebut.point).not.toBe(opening);
  });
});
