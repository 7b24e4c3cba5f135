import { beforeEach, describe, expect, it } from 'vitest';
import type { BaseContext, Services } from '../../../src/core/context.js';
import { runChoice, runCommand } from '../../../src/core/dispatch.js';
import { editorialLabel, pointLine } from '../../../src/core/present.js';
import type { Reply } from '../../../src/core/reply.js';
import type { Poster } from '../../../src/core/poster.js';
import { runDueClassDebates } from '../../../src/core/engines/class-debate/clock.js';
import { ROUNDS } from '../../../src/core/engines/class-debate/rounds.js';
import { argumentFor, contextFor, tempDbPath, testClock, testServices, unplaceableTexts } from '../../support/core.js';
import { blocksOf, choiceStarting, choicesOf, plain, quoteProblems } from '../../support/replies.js';
import { unsureText } from '../../support/debate-texts.js';

const MOTION = 'de-facto-member';
const MINUTE = 60_000;

let clock: ReturnType<typeof testClock>;
let services: Services;
let teacher: BaseContext;
let alice: BaseContext;
let bob: BaseContext;
let carol: BaseContext;

function people(s: Services) {
  teacher = contextFor(s, 'teacher', 'room-9', { isAdmin: true });
  alice = contextFor(s, 'alice', 'room-9');
  bob = contextFor(s, 'bob', 'room-9');
  carol = contextFor(s, 'carol', 'room-9');
}

beforeEach(async () => {
  clock = testClock();
  services = await testServices({ now: clock.now });
  people(services);
});

const debate = (ctx: BaseContext, subcommand: string, options: Record<string, string | number> = {}) =>
  runCommand(ctx, { command: 'debate', subcommand, options });

async function openDebate(options: Record<string, string | number> = {}): Promise<Reply> {
  const [lobby] = await debate(teacher, 'open', { motion: MOTION, ...options });
  return lobby!;
}

async function click(ctx: BaseContext, r: Reply | Reply[], prefix: string, text?: string): Promise<Reply[]> {
  return runChoice(ctx, { choiceId: choiceStarting(r, prefix).id, ...(text !== undefined ? { text } : {}) });
}

/** Posts a rounds or open debate with alice for and bob against, begun. */
async function begun(options: Record<string, string | number> = {}): Promise<Reply> {
  await openDebate(options);
  await debate(alice, 'join', { side: 'for' });
  await debate(bob, 'join', { side: 'against' });
  const [start] = await debate(teacher, 'begin');
  return start!;
}

function recordingPoster() {
  const posts: Reply[] = [];
  const poster: Poster = { post: async (_where, r) => { posts.push(r); return { messageId: null }; } };
  return { posts, poster };
}

describe('opening a class debate', () => {
  it('is for admins unless the server lets everyone, and one per channel', async () => {
    expect(plain(await debate(alice, 'open', { motion: MOTION }))).toMatch(/Only admins can open a class debate/);
    expect(plain(await debate(alice, 'access', { who: 'everyone' }))).toMatch(/Only admins/);
    await debate(teacher, 'access', { who: 'everyone' });
    const [lobby] = await debate(alice, 'open', { motion: MOTION, format: 'rounds', minutes: 2, cap: 1 });
    expect(plain(lobby!)).toMatch(/Chair: alice/);
    expect(plain(lobby!)).toMatch(/rounds — opening, rebuttal and closing, 2 minutes each/);
    expect(choicesOf(lobby!).map((c) => c.label)).toEqual(['Join For', 'Join Against', 'Agree', 'Disagree', 'Not sure']);
    expect(plain(await debate(teacher, 'open', { motion: MOTION }))).toMatch(/already has a class debate running/);
    // The one-to-one debate keeps working beside it.
    expect(plain(await debate(carol, 'start', { motion: MOTION, side: 'for' }))).toMatch(/My opening point/);
  });

  it('lets people switch sides and change their opening vote until the debate begins, then not', async () => {
    const lobby = await openDebate();
    const joined = await runChoice(alice, { choiceId: choiceStarting(lobby, 'cd:join:').id });
    expect(joined[0]?.replaceOriginal).toBe(true);
    expect(plain(joined[0]!)).toMatch(/For \(1\): alice/);
    expect(plain(joined[1]!)).toMatch(/You are on the For side/);
    expect(plain(await runChoice(alice, { choiceId: choiceStarting(lobby, 'cd:join:').id }))).toMatch(/already on the For side/);
    expect(plain(await debate(alice, 'join', { side: 'against' }))).toMatch(/You switched sides/);
    await debate(bob, 'join', { side: 'for' });
    const agree = choicesOf(lobby).find((c) => c.label === 'Agree')!.id;
    const disagree = choicesOf(lobby).find((c) => c.label === 'Disagree')!.id;
    await runChoice(carol, { choiceId: agree });
    expect(plain(await runChoice(carol, { choiceId: disagree }))).toMatch(/Your opening vote: Disagree \(changed from Agree\)/);
    // A vote that arrives twice counts once.
    await runChoice(alice, { choiceId: agree });
    await runChoice(alice, { choiceId: agree });

    expect(plain(await debate(alice, 'begin'))).toMatch(/Only the chair \(teacher\) or an admin/);
    const [start] = await debate(teacher, 'begin');
    expect(plain(start!)).toMatch(/Agree 1 · Disagree 1 · Not sure 0/);
    expect(plain(await debate(alice, 'join', { side: 'for' }))).toMatch(/stay on the Against side/);
    expect(plain(await runChoice(carol, { choiceId: agree }))).toMatch(/opening vote closed/);
    // Carol only voted: she may still take a side once it runs.
    expect(plain(await debate(carol, 'join', { side: 'for' }))).toMatch(/You are on the For side/);
    const members = await services.store.classDebateMembers((await services.store.runningClassDebate(teacher))!.id);
    expect(members.map((m) => [m.userId, m.side, m.before])).toEqual(expect.arrayContaining([
      ['alice', 'against', 'agree'], ['bob', 'for', null], ['carol', 'for', 'disagree'],
    ]));
  });

  it('does not begin with a side empty', async () => {
    const lobby = await openDebate();
    await click(alice, lobby, 'cd:join:');
    expect(plain(await debate(teacher, 'begin'))).toMatch(/Nobody is on the Against side/);
  });
});

describe('arguing', () => {
  it('posts each argument under its speaker, tagged with the point and the author’s verbatim words', async () => {
    await begun();
    const authorPoint = services.pack.pointsOf(MOTION, 'for').find((p) => p.source === 'author')!;
    const [post] = await debate(alice, 'say', { argument: await argumentFor(authorPoint.id) });
    expect(post!.visibility).toBe('public');
    expect(blocksOf(post!, 'heading')[0]!.text).toBe('alice — for the motion');
    expect(plain(post!)).toContain(`Makes the point: ${authorPoint.claim}`);
    const quote = blocksOf(post!, 'quote')[0]!;
    expect(quote.citation.anchor).toBe(authorPoint.quotes[0]!.anchor);
    expect(quoteProblems(services.pack, post!)).toEqual([]);
    expect(choicesOf(post!).map((c) => c.label)).toEqual(['Say', 'Hint for Against (private)', 'Scoreboard']);

    const editorial = services.pack.pointsOf(MOTION, 'against').find((p) => p.source === 'editorial' && services.pack.answersTo(authorPoint.id).some((c) => c.answer === p.id))!;
    const [answer] = await debate(bob, 'say', { argument: await argumentFor(editorial.id) });
    expect(plain(answer!)).toContain(`Makes the point: ${editorial.claim}`);
    expect(plain(answer!)).toContain(`Answers: ${authorPoint.claim}`);
    expect(blocksOf(answer!, 'footer').map((f) => f.text)).toContain(editorialLabel(editorial));
    expect(blocksOf(answer!, 'quote')).toEqual([]);

    const [untagged] = await debate(alice, 'say', { argument: (await unplaceableTexts(MOTION))[0]! });
    expect(plain(untagged!)).not.toMatch(/Makes the point/);
    expect(choicesOf(untagged!).map((c) => c.label)).toEqual(['Say', 'Scoreboard']);
  });

  it('refuses people without a side, keeps one effect for a repeat, and keeps to the cap', async () => {
    await begun({ cap: 2 });
    expect(plain(await debate(carol, 'say', { argument: 'nato is a club' }))).toMatch(/Join a side first/);
    const text = await argumentFor(services.pack.pointsOf(MOTION, 'for')[0]!.id);
    expect((await debate(alice, 'say', { argument: text }))[0]!.visibility).toBe('public');
    expect(plain(await debate(alice, 'say', { argument: text }))).toMatch(/already made that argument/);
    await debate(alice, 'say', { argument: 'a second thought about weapons and training' });
    expect(plain(await debate(alice, 'say', { argument: 'and a third one' }))).toMatch(/made your 2 arguments for this round/);
    const args = await services.store.classArguments((await services.store.runningClassDebate(teacher))!.id);
    expect(args).toHaveLength(2);
  });

  it('gives the answering side a private hint: the strongest counterpoint it has not made', async () => {
    await begun();
    const point = services.pack.pointsOf(MOTION, 'for')[0]!;
    const [post] = await debate(alice, 'say', { argument: await argumentFor(point.id) });
    expect(plain(await click(alice, post!, 'cd:hint:'))).toMatch(/Hints are for the Against side/);
    const [h] = await click(bob, post!, 'cd:hint:');
    expect(h!.visibility).toBe('private');
    const strongest = services.pack.answersTo(point.id)[0]!;
    expect(plain(h!)).toContain(services.pack.pointById.get(strongest.answer)!.claim);
    expect(plain(h!)).toContain(strongest.rebuttal);
    expect(quoteProblems(services.pack, h!)).toEqual([]);
  });

  it('asks the speaker privately which point an argument makes when unsure, and posts it once with the pick', async () => {
    await begun();
    const { text, reading } = await unsureText(MOTION);
    const [ask, ...rest] = await debate(alice, 'say', { argument: text });
    expect(rest).toEqual([]);
    expect(ask!.visibility).toBe('private');
    const picks = choicesOf(ask!).filter((c) => c.id.startsWith('cd:pick:'));
    expect(picks.map((c) => c.label)).toEqual([...reading.candidates.map((c) => services.pack.pointById.get(c.point)!.claim), 'Something else — post it without a point']);
    const d = (await services.store.runningClassDebate(teacher))!;
    expect((await services.store.classArguments(d.id)).map((a) => a.status)).toEqual(['pending']);

    expect(plain(await runChoice(bob, { choiceId: picks[0]!.id }))).toMatch(/for the person who made the argument/);
    const [done, post] = await runChoice(alice, { choiceId: picks[0]!.id });
    expect(done).toMatchObject({ visibility: 'private', replaceOriginal: true });
    expect(post!.visibility).toBe('public');
    expect(plain(post!)).toContain(text);
    expect(plain(post!)).toContain(services.pack.pointById.get(reading.candidates[0]!.point)!.claim);
    // A double click, or the other choice clicked after, has no second effect.
    expect(plain(await runChoice(alice, { choiceId: picks[0]!.id }))).toMatch(/already posted/);
    expect(plain(await runChoice(alice, { choiceId: picks.at(-1)!.id }))).toMatch(/already posted/);
    expect(await services.store.classArguments(d.id)).toMatchObject([{ status: 'posted', point: reading.candidates[0]!.point }]);
  });

  it('posts an argument untagged when its speaker says it is something else, and refuses a pick once the round has moved on', async () => {
    await begun({ format: 'rounds', minutes: 2 });
    const { text } = await unsureText(MOTION);
    const [ask] = await debate(alice, 'say', { argument: text });
    const [, post] = await runChoice(alice, { choiceId: choicesOf(ask!).at(-1)!.id });
    expect(plain(post!)).not.toMatch(/Makes the point/);
    const [late] = await debate(alice, 'say', { argument: `${text} again` });
    clock.advance(2 * MINUTE);
    await runDueClassDebates(services, 'shell', recordingPoster().poster);
    expect(plain(await runChoice(alice, { choiceId: choicesOf(late!)[0]!.id }))).toMatch(/moved on/);
  });

  it('does not post a rude argument', async () => {
    await begun();
    expect(plain(await debate(alice, 'say', { argument: 'you are such an idiot' }))).toMatch(/keep it civil/);
    expect(await services.store.classArguments((await services.store.runningClassDebate(teacher))!.id)).toEqual([]);
  });

  it('says the Say box’s text as an argument', async () => {
    const start = await begun();
    const said = await click(alice, start, 'cd:say:', await argumentFor(services.pack.pointsOf(MOTION, 'for')[1]!.id));
    expect(plain(said)).toMatch(/alice — for the motion/);
    expect(plain(await click(alice, start, 'cd:say:', '   '))).toMatch(/Type your argument/);
  });
});

describe('closing', () => {
  it('only the chair or an admin closes or cancels; the vote, then the recap with the shift, the points and the map', async () => {
    const lobby = await openDebate();
    const vote = (ctx: BaseContext, r: Reply, label: string) => runChoice(ctx, { choiceId: choicesOf(r).find((c) => c.label === label)!.id });
    await click(alice, lobby, 'cd:join:');
    await debate(bob, 'join', { side: 'against' });
    await vote(alice, lobby, 'Agree');
    await vote(bob, lobby, 'Disagree');
    await vote(carol, lobby, 'Disagree');
    await debate(teacher, 'begin');
    const forPoint = services.pack.pointsOf(MOTION, 'for')[0]!;
    await debate(alice, 'say', { argument: await argumentFor(forPoint.id) });

    expect(plain(await debate(bob, 'close'))).toMatch(/Only the chair/);
    expect(plain(await debate(bob, 'cancel'))).toMatch(/Only the chair/);
    const [closing] = await debate(teacher, 'close');
    expect(plain(closing!)).toMatch(/Closing vote/);
    expect(plain(await debate(alice, 'say', { argument: 'too late' }))).toMatch(/arguments are over/);
    await vote(alice, closing!, 'Agree');
    await vote(bob, closing!, 'Agree');
    await vote(carol, closing!, 'Not sure');
    expect(plain(await click(bob, closing!, 'cd:recap:'))).toMatch(/Only the chair/);
    const [recap] = await click(teacher, closing!, 'cd:recap:');
    const text = plain(recap!);
    // One scale for both votes: the largest count (2) fills a bar.
    expect(text).toMatch(/Agree +█{6}░{6}  1 → █{12}  2  \(\+1\)/);
    expect(text).toMatch(/Disagree +█{12}  2 → ░{12}  0  \(−2\)/);
    expect(text).toMatch(/Not sure +░{12}  0 → █{6}░{6}  1  \(\+1\)/);
    expect(text).toMatch(/3 before → 3 after; 2 of those who voted both times changed their mind/);
    expect(text).toContain(`For: 1 point made: ${pointLine(forPoint)} — alice — unanswered`);
    expect(text).toMatch(/Standing unanswered: • /);
    const [map] = recap!.attachments ?? [];
    expect(map).toMatchObject({ name: `argument-map-${MOTION}.svg`, mediaType: 'image/svg+xml' });
    expect(String(map!.content)).toMatch(new RegExp(`data-point="${forPoint.id}" data-side="for" data-made="true" data-unanswered="true"`));
    expect(map!.text).toContain(`[made · UNANSWERED] ${forPoint.claim}`);
    // A second click, or a second close, does not post it again.
    expect(plain(await click(teacher, closing!, 'cd:recap:'))).toMatch(/already out/);
    expect(plain(await debate(teacher, 'close'))).toMatch(/no class debate running/);
  });

  it('cancels without a recap, freeing the channel', async () => {
    await openDebate();
    expect(plain(await debate(teacher, 'cancel'))).toMatch(/cancelled by teacher/);
    expect(await services.store.runningClassDebate(teacher)).toBeNull();
    expect(plain(await openDebate())).toMatch(/Class debate/);
  });
});

describe('the rounds clock', () => {
  it('announces the warning and “time” once each, across a restart, and keeps turns', async () => {
    const path = tempDbPath();
    services = await testServices({ path, now: clock.now });
    people(services);
    await begun({ format: 'rounds', minutes: 3 });
    const { posts, poster } = recordingPoster();

    expect(plain(await debate(bob, 'say', { argument: 'my turn?' }))).toMatch(/the For side’s turn \(Round 1 of 6 — Opening, For\)/);
    clock.advance(2 * MINUTE);
    await runDueClassDebates(services, 'shell', poster);
    await runDueClassDebates(services, 'shell', poster);
    expect(posts.map(plain)).toEqual([expect.stringMatching(/One minute left in Round 1 of 6 — Opening, For/)]);

    // A restart between rounds: a new process on the same database carries on.
    await services.store.close();
    services = await testServices({ path, now: clock.now });
    people(services);
    clock.advance(MINUTE);
    await runDueClassDebates(services, 'shell', poster);
    await runDueClassDebates(services, 'shell', poster);
    expect(posts).toHaveLength(2);
    expect(plain(posts[1]!)).toMatch(/Time! Round 1 of 6 — Opening, For is over/);
    expect(plain(posts[1]!)).toMatch(/Round 2 of 6 — Opening, Against: 3 minutes left/);
    expect(plain(await debate(alice, 'say', { argument: 'still mine?' }))).toMatch(/the Against side’s turn/);
    expect((await debate(bob, 'say', { argument: await argumentFor(services.pack.pointsOf(MOTION, 'against')[0]!.id) }))[0]!.visibility).toBe('public');

    // Run every remaining round out; each round brings one warning and one "time".
    for (let r = 1; r < ROUNDS.length; r++) {
      clock.advance(2 * MINUTE);
      await runDueClassDebates(services, 'shell', poster);
      clock.advance(MINUTE);
      await runDueClassDebates(services, 'shell', poster);
      await runDueClassDebates(services, 'shell', poster);
    }
    const texts = posts.map(plain);
    expect(texts.filter((t) => /One minute left/.test(t))).toHaveLength(ROUNDS.length);
    expect(texts.filter((t) => /^== Time!/.test(t))).toHaveLength(ROUNDS.length);
    expect(texts.at(-1)).toMatch(/That was the last round/);
    expect(plain(await debate(alice, 'say', { argument: 'after the end' }))).toMatch(/rounds are over/);
    await services.store.close();
  });

  it('closes a debate left open for a day, with its recap, once', async () => {
    await begun();
    const { posts, poster } = recordingPoster();
    clock.advance(24 * 60 * MINUTE);
    await runDueClassDebates(services, 'shell', poster);
    await runDueClassDebates(services, 'shell', poster);
    expect(posts).toHaveLength(1);
    expect(plain(posts[0]!)).toMatch(/left open for a day, so it closed itself/);
    expect(posts[0]!.attachments?.[0]?.name).toMatch(/argument-map/);
    expect(await services.store.runningClassDebate(teacher)).toBeNull();
  });

  it('ends the closing vote on the clock', async () => {
    await begun();
    await debate(teacher, 'close');
    const { posts, poster } = recordingPoster();
    clock.advance(60_000);
    await runDueClassDebates(services, 'shell', poster);
    expect(posts).toHaveLength(0);
    clock.advance(60_000);
    await runDueClassDebates(services, 'shell', poster);
    expect(posts.map(plain)).toEqual([expect.stringMatching(/The closing vote has closed/)]);
  });
});
