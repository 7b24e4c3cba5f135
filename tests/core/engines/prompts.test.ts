import { beforeEach, describe, expect, it } from 'vitest';
import type { BaseContext, Services } from '../../../src/core/context.js';
import { runChoice, runText } from '../../../src/core/dispatch.js';
import { createPromptPost, VOTES } from '../../../src/core/engines/prompts.js';
import { movementText, tallyAt } from '../../../src/core/engines/prompt-close.js';
import { promptCloseTask } from '../../../src/core/prompt-close-task.js';
import { duePosts } from '../../support/due-posts.js';
import type { Reply } from '../../../src/core/reply.js';
import type { PromptPostRecord } from '../../../src/core/store/records.js';
import { contextFor, testClock, testServices } from '../../support/core.js';
import { blocksOf, choiceStarting, choicesOf, plain, quoteProblems, texts } from '../../support/replies.js';

/** Runs prompt closing as background work does (leased posts) and returns what it posted. */
const closeDuePrompts = (services: Services, platform: 'shell') => duePosts((poster) => promptCloseTask(services, platform, poster).runDue());

let services: Services;
let alice: BaseContext;
let clock: ReturnType<typeof testClock>;
beforeEach(async () => {
  clock = testClock();
  services = await testServices({ now: clock.now });
  alice = contextFor(services, 'alice', 'agora');
});

/** The stored post a prompt reply is about, read from its vote buttons (`vote:<post>:<vote>`). */
async function postOf(r: Reply): Promise<PromptPostRecord> {
  const postId = choiceStarting(r, 'vote:').id.split(':')[1]!;
  const post = await services.store.getPromptPost(postId);
  if (!post) throw new Error(`no post ${postId}`);
  return post;
}

async function promptNow(ctx: BaseContext): Promise<Reply> {
  const replies = await runText(ctx, 'prompt', 'now');
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

describe('/prompt now', () => {
  it('posts every prompt once before any repeats, then starts over', async () => {
    const all = services.pack.prompts.map((p) => p.id);
    const round: string[] = [];
    for (let i = 0; i < all.length; i++) round.push((await postOf(await promptNow(alice))).promptId);
    expect(new Set(round).size).toBe(all.length);
    expect([...round].sort()).toEqual([...all].sort());
    const again: string[] = [];
    for (let i = 0; i < all.length; i++) again.push((await postOf(await promptNow(alice))).promptId);
    expect([...again].sort()).toEqual([...all].sort());
  });

  it('keeps a rotation per channel', async () => {
    const first = (await postOf(await promptNow(alice))).promptId;
    const second = (await postOf(await promptNow(alice))).promptId;
    expect(second).not.toBe(first);
    expect((await postOf(await promptNow(contextFor(services, 'bob', 'elsewhere')))).promptId).toBe(first);
  });

  it('gives two requests arriving together in one channel different prompts', async () => {
    const bob = contextFor(services, 'bob', 'agora');
    const [a, b] = await Promise.all([promptNow(alice), promptNow(bob)]);
    expect((await postOf(a)).promptId).not.toBe((await postOf(b)).promptId);
  });

  it('names the paragraph of the article each shipped prompt is about', () => {
    for (const p of services.pack.prompts) expect(p.anchors.length, p.id).toBeGreaterThan(0);
  });

  it('shows the question, the stance, the whole paragraph the prompt names, three vote buttons and one to withdraw', async () => {
    for (let i = 0; i < services.pack.prompts.length; i++) {
      const r = await promptNow(alice);
      const post = await postOf(r);
      const prompt = services.pack.promptById.get(post.promptId)!;
      expect(post).toMatchObject({ platform: 'shell', serverId: alice.serverId, channelId: 'agora', scheduleId: null, slot: null });
      expect(r.visibility).toBe('public');
      expect(texts(r)).toContain(prompt.question);
      expect(plain(r)).toContain(prompt.stance);
      expect(blocksOf(r, 'quote').map((q) => [q.citation.anchor, q.text])).toEqual([[prompt.anchors[0], services.pack.anchors.get(prompt.anchors[0]!)]]);
      expect(quoteProblems(services.pack, r)).toEqual([]);
      expect(choicesOf(r).map((c) => c.id)).toEqual([...VOTES.map((v) => `vote:${post.id}:${v.vote}`), `vote:${post.id}:withdraw`]);
      expect(r.thread).toBeUndefined();
    }
  });

  it('shows no quote for a prompt without an anchor, rather than one of its points’ quotes', async () => {
    const quoted = services.pack.points.find((p) => p.quotes.length > 0)!;
    const bare = { id: 'bare', question: 'Is this about a paragraph?', stance: 'It is not.', points: [quoted.id], anchors: [] };
    const pack = { ...services.pack, prompts: [bare], promptById: new Map([[bare.id, bare]]) };
    const r = await promptNow(contextFor({ ...services, pack }, 'alice', 'bare-channel'));
    expect(texts(r)).toContain(bare.question);
    expect(blocksOf(r, 'quote')).toEqual([]);
  });

  it('opens a thread for a scheduled post and keeps its schedule and slot', async () => {
    const created = await createPromptPost(services, alice, { scheduleId: 'sched-1', slot: 1_800_000_000_000 });
    // The whole question: a platform that limits thread names cuts it at a word, with a mark.
    expect(created?.reply.thread?.name).toBe(services.pack.promptById.get(created!.post.promptId)!.question);
    expect(await services.store.getPromptPost(created!.post.id)).toMatchObject({ scheduleId: 'sched-1', slot: 1_800_000_000_000 });
  });
});

describe('votes', () => {
  async function vote(ctx: BaseContext, post: PromptPostRecord, choice: string): Promise<Reply[]> {
    return runChoice(ctx, { choiceId: `vote:${post.id}:${choice}` });
  }

  it('takes one vote per person, lets it change, and shows the tally', async () => {
    const post = await postOf(await promptNow(alice));
    const bob = contextFor(services, 'bob', 'agora');
    const carol = contextFor(services, 'carol', 'agora');

    const first = await vote(alice, post, 'agree');
    expect(first).toHaveLength(2);
    expect(first[0]!.replaceOriginal).toBe(true);
    expect(blocksOf(first[0]!, 'footer')[0]?.text).toMatch(/^Agree 1 · Disagree 0 · Not sure 0 \(1 vote\); you can change or withdraw yours$/);
    expect(first[1]!.visibility).toBe('private');
    expect(plain(first[1]!)).toBe('Your vote: Agree.');

    await vote(bob, post, 'agree');
    await vote(carol, post, 'unsure');
    expect(await services.store.tally(post.id)).toEqual({ agree: 2, disagree: 0, unsure: 1 });

    const changed = await vote(alice, post, 'disagree');
    expect(plain(changed[1]!)).toBe('Your vote: Disagree (changed from Agree).');
    expect(blocksOf(changed[0]!, 'footer')[0]?.text).toMatch(/^Agree 1 · Disagree 1 · Not sure 1 \(3 votes\)/);
    expect(await services.store.tally(post.id)).toEqual({ agree: 1, disagree: 1, unsure: 1 });

    const same = await vote(alice, post, 'disagree');
    expect(plain(same[1]!)).toBe('Your vote: Disagree.');
    expect(await services.store.tally(post.id)).toEqual({ agree: 1, disagree: 1, unsure: 1 });
  });

  it('keeps the updated post’s question and buttons', async () => {
    const r = await promptNow(alice);
    const post = await postOf(r);
    const [updated] = await vote(alice, post, 'unsure');
    expect(texts(updated!)).toEqual(expect.arrayContaining(texts(r).filter((t) => !t.startsWith('Agree '))));
    expect(choicesOf(updated!)).toEqual(choicesOf(r));
  });

  it('answers a vote on an unknown post, or an unknown vote, with the expired notice', async () => {
    const post = await postOf(await promptNow(alice));
    for (const id of ['vote:no-such-post:agree', `vote:${post.id}:maybe`, `vote:${post.id}`, 'vote']) {
      const replies = await runChoice(alice, { choiceId: id });
      expect(replies, id).toHaveLength(1);
      expect(replies[0]!.visibility, id).toBe('private');
      expect(plain(replies), id).toMatch(/expired/i);
    }
    expect(await services.store.tally(post.id)).toEqual({ agree: 0, disagree: 0, unsure: 0 });
  });

  it('answers a vote on a prompt the pack no longer has with the expired notice, and leaves the post alone', async () => {
    const post = await postOf(await promptNow(alice));
    // The teacher removed the prompt from the pack and restarted; the old post's buttons are still there.
    const edited = { ...services.pack, promptById: new Map([...services.pack.promptById].filter(([id]) => id !== post.promptId)) };
    const replies = await runChoice(contextFor({ ...services, pack: edited }, 'alice', 'agora'), { choiceId: `vote:${post.id}:agree` });
    expect(replies).toHaveLength(1);
    expect(replies[0]!.visibility).toBe('private');
    expect(replies[0]!.replaceOriginal).toBeFalsy();
    expect(plain(replies)).toMatch(/expired/i);
    expect(await services.store.tally(post.id)).toEqual({ agree: 0, disagree: 0, unsure: 0 });
  });
});

describe('withdrawing a vote', () => {
  it('takes a vote back, says so, and lets the person vote again', async () => {
    const post = await postOf(await promptNow(alice));
    await runChoice(alice, { choiceId: `vote:${post.id}:disagree` });
    const [updated, said] = await runChoice(alice, { choiceId: `vote:${post.id}:withdraw` });
    expect(updated?.replaceOriginal).toBe(true);
    expect(blocksOf(updated!, 'footer')[0]?.text).toMatch(/^Agree 0 · Disagree 0 · Not sure 0 \(0 votes\)/);
    expect(plain(said!)).toBe('Your vote (Disagree) is withdrawn.');
    expect(await services.store.tally(post.id)).toEqual({ agree: 0, disagree: 0, unsure: 0 });
    const [none] = await runChoice(alice, { choiceId: `vote:${post.id}:withdraw` });
    expect(none?.visibility).toBe('private');
    expect(plain(none!)).toBe('You have no vote on this prompt to withdraw.');
    await runChoice(alice, { choiceId: `vote:${post.id}:agree` });
    expect(await services.store.tally(post.id)).toEqual({ agree: 1, disagree: 0, unsure: 0 });
  });
});

describe('closing a prompt', () => {
  const HOUR = 60 * 60 * 1000;

  it('closes the channel’s open prompt when the next one posts, and posts its result once', async () => {
    const first = await postOf(await promptNow(alice));
    await runChoice(alice, { choiceId: `vote:${first.id}:agree` });
    await runChoice(contextFor(services, 'bob', 'agora'), { choiceId: `vote:${first.id}:disagree` });
    await runChoice(contextFor(services, 'carol', 'agora'), { choiceId: `vote:${first.id}:agree` });
    const elsewhere = await postOf(await promptNow(contextFor(services, 'bob', 'elsewhere')));
    expect(await closeDuePrompts(services, 'shell')).toEqual([]);

    let woken = 0;
    services.wake = () => { woken++; };
    clock.advance(HOUR / 2);
    const second = await postOf(await promptNow(alice));
    expect(woken).toBe(1);
    const closed = await closeDuePrompts(services, 'shell');
    expect(closed.map((c) => c.key)).toEqual([`close:${first.id}`]);
    expect(closed[0]!.where).toEqual({ platform: 'shell', serverId: alice.serverId, channelId: 'agora' });
    const [result] = closed[0]!.replies;
    expect(closed[0]!.replies).toHaveLength(1);
    expect(result?.visibility).toBe('public');
    expect(blocksOf(result!, 'heading')[0]?.text).toBe('Discussion prompt closed: the result');
    expect(texts(result!)).toContain(`${services.pack.promptById.get(first.promptId)!.question}\nAgree or disagree: ${services.pack.promptById.get(first.promptId)!.stance}`);
    expect(blocksOf(result!, 'fields')[0]?.fields.map((f) => `${f.name}: ${f.value}`)).toEqual(['Agree: 2 (67%)', 'Disagree: 1 (33%)', 'Not sure: 0 (0%)']);
    expect(plain(result!)).toContain('3 votes in all; voting on this prompt has closed.');
    expect(await closeDuePrompts(services, 'shell')).toEqual([]);

    // The closed prompt takes no more votes, and says what the final tally was.
    const [refused] = await runChoice(alice, { choiceId: `vote:${first.id}:disagree` });
    expect(refused?.visibility).toBe('private');
    expect(plain(refused!)).toBe('This prompt has closed: votes are no longer taken. Final tally: Agree 2 · Disagree 1 · Not sure 0 (3 votes).');
    expect(plain(await runChoice(alice, { choiceId: `vote:${first.id}:withdraw` }))).toMatch(/has closed/);
    expect(await services.store.tally(first.id)).toEqual({ agree: 2, disagree: 1, unsure: 0 });
    // The new prompt, and the other channel's, are open.
    expect((await runChoice(alice, { choiceId: `vote:${second.id}:agree` }))).toHaveLength(2);
    expect((await runChoice(alice, { choiceId: `vote:${elsewhere.id}:agree` }))).toHaveLength(2);
  });

  it('closes a scheduled prompt after the schedule’s duration, with how the vote moved since the first hour in its thread', async () => {
    const admin = contextFor(services, 'teacher', 'agora', { isAdmin: true });
    await runText(admin, 'prompt', 'schedule daily time:9am timezone:kyiv closes_after:3h');
    const [schedule] = await services.store.listSchedules('shell', admin.serverId);
    expect(schedule).toMatchObject({ closeAfterMinutes: 180, timeZone: 'Europe/Kyiv', cron: '0 9 * * *' });
    const created = await createPromptPost(services, alice, { scheduleId: schedule!.id, slot: clock.now().getTime() });
    const post = created!.post;
    expect(post.closesAt).toBe(clock.now().getTime() + 3 * HOUR);
    await services.store.setPromptMessage(post.id, 'msg-42');
    const voter = (name: string) => contextFor(services, name, 'agora');
    await runChoice(voter('alice'), { choiceId: `vote:${post.id}:agree` });
    await runChoice(voter('bob'), { choiceId: `vote:${post.id}:agree` });
    clock.advance(HOUR + 1);
    await runChoice(voter('bob'), { choiceId: `vote:${post.id}:disagree` });
    await runChoice(voter('carol'), { choiceId: `vote:${post.id}:unsure` });
    await runChoice(voter('dave'), { choiceId: `vote:${post.id}:disagree` });
    await runChoice(voter('alice'), { choiceId: `vote:${post.id}:withdraw` });

    clock.advance(2 * HOUR - 2);
    expect(await closeDuePrompts(services, 'shell')).toEqual([]);
    expect(await services.store.nextPromptClose('shell')).toBe(post.closesAt);
    clock.advance(1);
    const [closed] = await closeDuePrompts(services, 'shell');
    const [result, thread] = closed!.replies;
    expect(blocksOf(result!, 'fields')[0]?.fields.map((f) => f.value)).toEqual(['0 (0%)', '2 (67%)', '1 (33%)']);
    expect(result?.threadOf).toBeUndefined();
    expect(thread?.threadOf).toBe('msg-42');
    expect(plain(thread!)).toBe(
      'After the first hour: Agree 2 · Disagree 0 · Not sure 0 (2 votes). At the close: Agree 0 · Disagree 2 · Not sure 1 (3 votes). '
      + 'Since the first hour: Agree −2, Disagree +2, Not sure +1.',
    );
  });

  it('tallies the standing votes at any moment from the history', () => {
    const history = [
      { userId: 'a', vote: 'agree' as const, at: 1 }, { userId: 'b', vote: 'agree' as const, at: 2 },
      { userId: 'a', vote: 'disagree' as const, at: 3 }, { userId: 'b', vote: null, at: 4 },
    ];
    expect(tallyAt(history, 0)).toEqual({ agree: 0, disagree: 0, unsure: 0 });
    expect(tallyAt(history, 2)).toEqual({ agree: 2, disagree: 0, unsure: 0 });
    expect(tallyAt(history, 3)).toEqual({ agree: 1, disagree: 1, unsure: 0 });
    expect(tallyAt(history, 4)).toEqual({ agree: 0, disagree: 1, unsure: 0 });
    const post = { createdAt: 0 } as PromptPostRecord;
    expect(movementText(history, post, 30 * 60 * 1000)).toBe('It closed within its first hour. Final tally: Agree 0 · Disagree 1 · Not sure 0 (1 vote).');
    expect(movementText(history, post, 2 * HOUR)).toContain('Nothing moved after the first hour.');
  });
});
