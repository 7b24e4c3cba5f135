import { beforeEach, describe, expect, it } from 'vitest';
import type { BaseContext, Services } from '../../../src/core/context.js';
import { runChoice, runCommand, runText } from '../../../src/core/dispatch.js';
import { quizRevealTask, revealKind } from '../../../src/core/background.js';
import { revealQuestion } from '../../../src/core/engines/quiz.js';
import { postRecoveryTask } from '../../../src/core/post-once.js';
import { duePosts } from '../../support/due-posts.js';
import type { Reply } from '../../../src/core/reply.js';
import type { QuizRecord } from '../../../src/core/store/records.js';
import { createServices } from '../../../src/core/services.js';
import { contextFor, seededRandom, shippedPack, tempDbPath, testClock, testServices } from '../../support/core.js';
import { blocksOf, choicesOf, plain, quoteProblems, texts } from '../../support/replies.js';

/** Runs the channel-quiz reveal as background work does (leased posts) and returns what it posted. */
const revealDue = (services: Services, platform: 'shell' | 'discord') => duePosts((poster) => quizRevealTask(services, platform, poster).runDue());

const DAY = 24 * 60 * 60 * 1000;

let clock: ReturnType<typeof testClock>;
let services: Services;
let alice: BaseContext;
let bob: BaseContext;
beforeEach(async () => {
  clock = testClock();
  services = await testServices({ now: clock.now });
  alice = contextFor(services, 'alice', 'quiz-room');
  bob = contextFor(services, 'bob', 'quiz-room');
});

async function startQuiz(ctx: BaseContext, options: Record<string, string | number> = {}): Promise<{ reply: Reply; quiz: QuizRecord }> {
  const replies = await runCommand(ctx, { command: 'quiz', subcommand: 'start', options });
  expect(replies).toHaveLength(1);
  const channel = options.mode === 'channel' || options.seconds !== undefined || options.reveal !== undefined;
  const quiz = channel ? await ctx.services.store.activeChannelQuiz(ctx) : await ctx.services.store.activeSoloQuiz(ctx, ctx.user.id);
  if (!quiz) throw new Error(`no quiz started: ${plain(replies)}`);
  return { reply: replies[0]!, quiz };
}

/** The shown position of the right option of question `index`, read from the pack and the stored order. */
function rightOption(quiz: QuizRecord, index: number): number {
  const entry = quiz.questions[index]!;
  const q = services.pack.questionById.get(entry.id)!;
  return entry.order.findIndex((opt) => q.options[opt]!.correct);
}

const wrongOption = (quiz: QuizRecord, index: number) => (rightOption(quiz, index) + 1) % 4;
const answerId = (quiz: QuizRecord, index: number, option: number) => `quiz:a:${quiz.id}:${index}:${option}`;

async function click(ctx: BaseContext, id: string): Promise<Reply[]> {
  return runChoice(ctx, { choiceId: id });
}

describe('solo quiz', () => {
  it('starts with distinct questions from the pack, each with its options shuffled', async () => {
    const { reply, quiz } = await startQuiz(alice, { questions: 10 });
    expect(quiz).toMatchObject({ mode: 'solo', starterId: 'alice', current: 0, status: 'active', deadline: null });
    const ids = quiz.questions.map((q) => q.id);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
    for (const q of quiz.questions) {
      expect(services.pack.questionById.has(q.id)).toBe(true);
      expect([...q.order].sort()).toEqual([0, 1, 2, 3]);
    }
    const first = services.pack.questionById.get(ids[0]!)!;
    expect(blocksOf(reply, 'heading')[0]?.text).toBe('Question 1 of 10');
    expect(texts(reply)).toContain(first.question);
    expect(choicesOf(reply).map((c) => c.id)).toEqual([0, 1, 2, 3].map((o) => answerId(quiz, 0, o)));
    expect(choicesOf(reply).map((c) => c.label.slice(3))).toEqual(
      quiz.questions[0]!.order.map((o) => first.options[o]!.text.slice(0, 77)),
    );
  });

  it('asks five questions by default and never more than the pack has', async () => {
    expect((await startQuiz(alice)).quiz.questions).toHaveLength(5);
    await runText(alice, 'quiz', 'stop');
    const all = await startQuiz(alice, { questions: 25 });
    expect(all.quiz.questions).toHaveLength(Math.min(25, services.pack.quiz.length));
    expect(new Set(all.quiz.questions.map((q) => q.id)).size).toBe(all.quiz.questions.length);
  });

  it('shuffles: different random sources give different orders', async () => {
    const orders = new Set<string>();
    for (const seed of [1, 2, 3, 4]) {
      const s = await testServices({ random: seededRandom(seed) });
      const { quiz } = await startQuiz(contextFor(s, 'alice', 'quiz-room'));
      orders.add(quiz.questions.map((q) => q.id).join(','));
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('answers a right answer with feedback, the proving quote, and the next question', async () => {
    const { quiz } = await startQuiz(alice, { questions: 2 });
    const q = services.pack.questionById.get(quiz.questions[0]!.id)!;
    const replies = await click(alice, answerId(quiz, 0, rightOption(quiz, 0)));
    expect(replies).toHaveLength(2);
    const [feedback, next] = replies;
    expect(feedback!.replaceOriginal).toBe(true);
    expect(plain(feedback!)).toContain('✅ Right');
    expect(texts(feedback!)).toContain(q.explanation);
    expect(blocksOf(feedback!, 'quote')).toEqual([expect.objectContaining({ text: q.quote.text, citation: expect.objectContaining({ anchor: q.quote.anchor }) })]);
    expect(quoteProblems(services.pack, feedback!)).toEqual([]);
    expect(blocksOf(next!, 'heading')[0]?.text).toBe('Question 2 of 2');
    expect(choicesOf(next!)[0]?.id).toBe(answerId(quiz, 1, 0));
    expect(await services.store.answersFor(quiz.id, 0)).toEqual([expect.objectContaining({ userId: 'alice', correct: true })]);
  });

  it('answers a wrong answer with the right one and the quote; the last answer brings the score', async () => {
    const { quiz } = await startQuiz(alice, { questions: 1 });
    const q = services.pack.questionById.get(quiz.questions[0]!.id)!;
    const right = rightOption(quiz, 0);
    const replies = await click(alice, answerId(quiz, 0, wrongOption(quiz, 0)));
    const [feedback, summary] = replies;
    expect(plain(feedback!)).toContain('❌ Not quite');
    const rightText = q.options.find((o) => o.correct)!.text;
    expect(plain(feedback!)).toContain(`the answer is ${'ABCD'[right]}. ${rightText}`);
    expect(blocksOf(feedback!, 'quote')[0]?.text).toBe(q.quote.text);
    expect(blocksOf(summary!, 'heading')[0]?.text).toBe('Quiz finished');
    expect(plain(summary!)).toContain('alice: 0 of 1');
    expect((await services.store.getQuiz(quiz.id))?.status).toBe('finished');
  });

  it('counts a double click once', async () => {
    const { quiz } = await startQuiz(alice, { questions: 3 });
    const id = answerId(quiz, 0, rightOption(quiz, 0));
    const [first, second] = await Promise.all([click(alice, id), click(alice, id)]);
    const replies = [first!, second!];
    expect(replies.filter((r) => r.length === 2)).toHaveLength(1);
    const other = replies.find((r) => r.length !== 2)!;
    expect(other).toHaveLength(1);
    expect(other[0]!.visibility).toBe('private');
    expect(await services.store.answersFor(quiz.id)).toHaveLength(1);
    expect((await services.store.getQuiz(quiz.id))?.current).toBe(1);

    // A later click on the same button is stale too.
    const [late] = await click(alice, id);
    expect(plain(late!)).toMatch(/expired/i);
    expect(await services.store.answersFor(quiz.id)).toHaveLength(1);
  });

  it('does not let someone else answer a solo quiz', async () => {
    const { quiz } = await startQuiz(alice);
    const [r] = await click(bob, answerId(quiz, 0, rightOption(quiz, 0)));
    expect(r?.visibility).toBe('private');
    expect(plain(r!)).toMatch(/someone else’s solo quiz/);
    expect(await services.store.answersFor(quiz.id)).toEqual([]);
    expect((await services.store.getQuiz(quiz.id))?.current).toBe(0);
  });

  it('answers stale and forged choice ids with the expired notice, recording nothing', async () => {
    const { quiz } = await startQuiz(alice, { questions: 3 });
    const forged = [
      answerId({ ...quiz, id: 'no-such-quiz' }, 0, 0),
      answerId(quiz, 1, 0),
      answerId(quiz, 2, rightOption(quiz, 2)),
      answerId(quiz, 7, 0),
      answerId(quiz, 0, 7),
      answerId(quiz, 0, 4),
      `quiz:a:${quiz.id}:x:1`,
      `quiz:a:${quiz.id}:0:b`,
      `quiz:a:${quiz.id}:-1:0`,
      `quiz:a:${quiz.id}:0:1.5`,
      `quiz:a:${quiz.id}:0`,
      `quiz:a:${quiz.id}`,
      'quiz:a',
      `quiz:a:${quiz.id}:0:${'1'.repeat(100)}`,
      `quiz:a:${quiz.id}:0:0:${'x'.repeat(100)}`,
    ];
    for (const id of forged) {
      const replies = await click(alice, id);
      expect(replies, id).toHaveLength(1);
      expect(replies[0]!.visibility, id).toBe('private');
      expect(plain(replies), id).toMatch(/expired/i);
    }
    expect(await services.store.answersFor(quiz.id)).toEqual([]);
    expect((await services.store.getQuiz(quiz.id))?.current).toBe(0);

    // Once the quiz has moved on, the first question's buttons are stale.
    await click(alice, answerId(quiz, 0, 0));
    const [stale] = await click(alice, answerId(quiz, 0, 1));
    expect(plain(stale!)).toMatch(/expired/i);
    expect(await services.store.answersFor(quiz.id)).toHaveLength(1);
  });

  it('shows each option whole on its button: cutting to a platform’s limit is the adapter’s job', async () => {
    const { pack, matcher } = await shippedPack();
    const original = pack.quiz[0]!;
    // The pack allows options of up to 80 characters; with "A. " in front a label is longer than that.
    const longest = 'Ukraine is treated as a member in all but name, without the Article 5 guarantee';
    const question = { ...original, options: original.options.map((o, i) => (i === 0 ? { ...o, text: longest } : o)) };
    const onlyThis = { ...pack, quiz: [question], questionById: new Map([[question.id, question]]) };
    const ctx = contextFor(createServices({ pack: onlyThis, matcher, store: services.store, now: clock.now }), 'alice', 'quiz-room');
    const { reply } = await startQuiz(ctx, { questions: 1 });
    expect(choicesOf(reply).map((c) => c.label)).toContainEqual(expect.stringMatching(new RegExp(`^[ABCD]\\. ${longest}$`)));
  });

  it('moves on when a restart came between recording the answer and moving on; the first answer counts', async () => {
    const { quiz } = await startQuiz(alice, { questions: 2 });
    // The process that recorded this answer stopped before the quiz moved to question 2.
    await services.store.recordAnswer({
      quizId: quiz.id, question: 0, questionId: quiz.questions[0]!.id, userId: 'alice', userName: 'alice', option: rightOption(quiz, 0), correct: true, answeredAt: clock.now().getTime(),
    });
    const [feedback, next] = await click(alice, answerId(quiz, 0, wrongOption(quiz, 0)));
    expect(plain(feedback!)).toContain('✅ Right');
    expect(blocksOf(next!, 'heading')[0]?.text).toBe('Question 2 of 2');
    expect((await services.store.getQuiz(quiz.id))?.current).toBe(1);
    expect(await services.store.answersFor(quiz.id)).toHaveLength(1);
  });

  it('continues after a restart: new Services on the same database file', async () => {
    const path = tempDbPath();
    const before = await testServices({ path, now: clock.now });
    const { quiz } = await startQuiz(contextFor(before, 'alice', 'quiz-room'), { questions: 2 });
    await click(contextFor(before, 'alice', 'quiz-room'), answerId(quiz, 0, rightOption(quiz, 0)));
    await before.store.close();

    const after = await testServices({ path, now: clock.now });
    const ctx = contextFor(after, 'alice', 'quiz-room');
    const [feedback, summary] = await click(ctx, answerId(quiz, 1, rightOption(quiz, 1)));
    expect(plain(feedback!)).toContain('✅ Right');
    expect(plain(summary!)).toContain('alice: 2 of 2');
    await after.store.close();
  });
});

describe('solo quizzes beside each other and a channel quiz', () => {
  it('keeps a solo quiz private: the question, the verdict and the result', async () => {
    const { reply, quiz } = await startQuiz(alice, { questions: 1 });
    expect(reply.visibility).toBe('private');
    const [verdict, result] = await click(alice, answerId(quiz, 0, rightOption(quiz, 0)));
    expect(verdict).toMatchObject({ visibility: 'private', replaceOriginal: true });
    expect(result?.visibility).toBe('private');
    expect(plain(result!)).toContain('alice: 1 of 1');
  });

  it('runs several students’ solo quizzes and a channel quiz in one channel at once', async () => {
    const host = contextFor(services, 'teacher', 'quiz-room', { isAdmin: true });
    const channel = await startQuiz(host, { mode: 'channel', questions: 2 });
    const mine = await startQuiz(alice, { questions: 2 });
    const theirs = await startQuiz(bob, { questions: 2 });
    expect(new Set([channel.quiz.id, mine.quiz.id, theirs.quiz.id]).size).toBe(3);
    expect(channel.reply.visibility).toBe('public');

    // Each answers their own, and both answer the channel quiz too.
    const [aliceVerdict] = await click(alice, answerId(mine.quiz, 0, rightOption(mine.quiz, 0)));
    expect(plain(aliceVerdict!)).toContain('✅ Right');
    const [bobVerdict] = await click(bob, answerId(theirs.quiz, 0, wrongOption(theirs.quiz, 0)));
    expect(plain(bobVerdict!)).toContain('❌ Not quite');
    expect(plain(await click(alice, answerId(channel.quiz, 0, 0)))).toMatch(/Your answer is in/);
    expect(plain(await click(bob, answerId(channel.quiz, 0, 1)))).toMatch(/Your answer is in/);
    // Nobody answers someone else's solo quiz.
    expect(plain(await click(bob, answerId(mine.quiz, 1, 0)))).toMatch(/someone else’s solo quiz/);

    expect((await services.store.getQuiz(mine.quiz.id))?.current).toBe(1);
    expect((await services.store.getQuiz(theirs.quiz.id))?.current).toBe(1);
    expect((await services.store.answersFor(channel.quiz.id, 0)).map((a) => a.userId)).toEqual(['alice', 'bob']);
  });

  it('asks before a second solo quiz abandons the first; carrying on shows its question again', async () => {
    const { quiz } = await startQuiz(alice, { questions: 3 });
    await click(alice, answerId(quiz, 0, rightOption(quiz, 0)));
    const [asked] = await runText(alice, 'quiz', 'start questions:2');
    expect(asked?.visibility).toBe('private');
    expect(plain(asked!)).toContain('You already have a solo quiz running (question 2 of 3)');
    const [abandon, carryOn] = choicesOf(asked!);
    expect(abandon).toMatchObject({ id: `quiz:abandon:${quiz.id}:2`, label: 'Abandon it and start anew' });
    expect(carryOn).toMatchObject({ id: `quiz:resume:${quiz.id}`, label: 'Carry on with it' });
    expect((await services.store.getQuiz(quiz.id))?.status).toBe('active');

    const [again] = await click(alice, carryOn!.id);
    expect(again).toMatchObject({ visibility: 'private', replaceOriginal: true });
    expect(blocksOf(again!, 'heading')[0]?.text).toBe('Question 2 of 3');
    expect(choicesOf(again!)[0]?.id).toBe(answerId(quiz, 1, 0));

    // Nobody else can abandon Alice's quiz with her button.
    const [notBobs] = await click(bob, abandon!.id);
    expect(blocksOf(notBobs!, 'heading')[0]?.text).toBe('Question 1 of 2');
    expect((await services.store.getQuiz(quiz.id))?.status).toBe('active');

    const [fresh] = await click(alice, abandon!.id);
    expect(fresh).toMatchObject({ visibility: 'private', replaceOriginal: true });
    expect(blocksOf(fresh!, 'heading')[0]?.text).toBe('Question 1 of 2');
    expect((await services.store.getQuiz(quiz.id))?.status).toBe('stopped');
    const now = await services.store.activeSoloQuiz(alice, 'alice');
    expect(now?.id).not.toBe(quiz.id);
    expect(now?.questions).toHaveLength(2);
    // The old buttons are stale, and a repeated abandon click asks again rather than throwing away the new quiz.
    expect(plain(await click(alice, carryOn!.id))).toMatch(/expired/);
    const [repeat] = await click(alice, abandon!.id);
    expect(choicesOf(repeat!).map((c) => c.id)).toContain(`quiz:resume:${now!.id}`);
    expect((await services.store.activeSoloQuiz(alice, 'alice'))?.id).toBe(now!.id);
  });

  it('refuses a second channel quiz while one runs, but lets one abandoned for over an hour be replaced', async () => {
    const { quiz } = await startQuiz(alice, { mode: 'channel', questions: 3 });
    await click(bob, answerId(quiz, 0, rightOption(quiz, 0)));
    const [refused] = await runText(bob, 'quiz', 'start mode:channel');
    expect(refused?.visibility).toBe('private');
    expect(plain(refused!)).toMatch(/A channel quiz is already running in this channel/);
    clock.advance(61 * 60 * 1000);
    const { quiz: fresh } = await startQuiz(bob, { mode: 'channel' });
    expect(fresh.id).not.toBe(quiz.id);
    expect((await services.store.getQuiz(quiz.id))?.status).toBe('stopped');
    expect(await services.store.answersFor(quiz.id)).toHaveLength(1);
  });

  it('stops your own solo quiz, or the channel quiz (its starter or an admin only)', async () => {
    const channel = await startQuiz(alice, { mode: 'channel' });
    const bobs = await startQuiz(bob);
    const [ownFirst] = await runText(bob, 'quiz', 'stop');
    expect(ownFirst?.visibility).toBe('private');
    expect(blocksOf(ownFirst!, 'heading')[0]?.text).toBe('Quiz stopped');
    expect((await services.store.getQuiz(bobs.quiz.id))?.status).toBe('stopped');
    expect((await services.store.getQuiz(channel.quiz.id))?.status).toBe('active');

    const [refused] = await runText(bob, 'quiz', 'stop');
    expect(plain(refused!)).toMatch(/Only the person who started this channel quiz, or an admin/);
    expect(plain((await runText(bob, 'quiz', 'stop mode:solo'))[0]!)).toMatch(/You have no solo quiz running/);

    const admin = contextFor(services, 'carol', 'quiz-room', { isAdmin: true });
    await startQuiz(admin);
    const [stopped] = await runText(admin, 'quiz', 'stop mode:channel');
    expect(stopped?.visibility).toBe('public');
    expect(blocksOf(stopped!, 'heading')[0]?.text).toBe('Quiz stopped');
    expect((await services.store.getQuiz(channel.quiz.id))?.status).toBe('stopped');
    expect(await services.store.activeSoloQuiz(admin, 'carol')).not.toBeNull();
    const [none] = await runText(alice, 'quiz', 'stop');
    expect(plain(none!)).toMatch(/No quiz is running/);
  });
});

describe('channel quiz', () => {
  const seconds = 20;

  beforeEach(async () => {
    services = await testServices({ now: clock.now, settings: { quizChannelSeconds: seconds } });
    alice = contextFor(services, 'alice', 'quiz-room');
    bob = contextFor(services, 'bob', 'quiz-room');
  });

  it('takes everyone’s first answer, reveals once after the deadline with counts per option, then asks the next question', async () => {
    const { reply, quiz } = await startQuiz(alice, { questions: 2, mode: 'channel' });
    expect(quiz.deadline).toBe(clock.now().getTime() + seconds * 1000);
    expect(plain(reply)).toContain(`revealed in ${seconds} s`);

    const carol = contextFor(services, 'carol', 'quiz-room');
    const [aliceIn] = await click(alice, answerId(quiz, 0, rightOption(quiz, 0)));
    expect(aliceIn?.visibility).toBe('private');
    expect(plain(aliceIn!)).toMatch(/Your answer is in/);
    clock.advance(1);
    await click(bob, answerId(quiz, 0, wrongOption(quiz, 0)));
    clock.advance(1);
    await click(carol, answerId(quiz, 0, rightOption(quiz, 0)));
    const [bobAgain] = await click(bob, answerId(quiz, 0, rightOption(quiz, 0)));
    expect(plain(bobAgain!)).toMatch(/first answer counts/);
    const answers = await services.store.answersFor(quiz.id, 0);
    expect(answers.map((a) => [a.userId, a.correct])).toEqual([['alice', true], ['bob', false], ['carol', true]]);

    // Nothing is revealed before the deadline.
    clock.advance(seconds * 1000 - 3);
    expect(await revealDue(services, 'shell')).toEqual([]);

    clock.advance(2);
    const [late] = await click(contextFor(services, 'dave', 'quiz-room'), answerId(quiz, 0, rightOption(quiz, 0)));
    expect(plain(late!)).toMatch(/closed/);
    const posts = await revealDue(services, 'shell');
    expect(posts).toHaveLength(1);
    const { where, replies } = posts[0]!;
    expect(where).toEqual({ platform: 'shell', serverId: alice.serverId, channelId: 'quiz-room' });
    const [reveal, next] = replies;
    expect(reveal?.visibility).toBe('public');
    const q = services.pack.questionById.get(quiz.questions[0]!.id)!;
    expect(plain(reveal!)).toContain(q.options.find((o) => o.correct)!.text);
    const fields = Object.fromEntries(blocksOf(reveal!, 'fields').flatMap((f) => f.fields).map((f) => [f.name, f.value]));
    const right = rightOption(quiz, 0);
    const wrong = wrongOption(quiz, 0);
    const counts = fields['How the channel answered']!.split('\n');
    expect(counts).toHaveLength(4);
    expect(counts[right]).toMatch(new RegExp(`^${'ABCD'[right]}\\. .+ — 2 ✅$`));
    expect(counts[wrong]).toMatch(new RegExp(`^${'ABCD'[wrong]}\\. .+ — 1$`));
    expect(counts.filter((_, i) => i !== right && i !== wrong).every((c) => c.endsWith(' — 0'))).toBe(true);
    expect(fields['First right']).toBe('alice');
    expect(fields.Right).toBe('alice, carol');
    expect(fields.Answers).toBe('3');
    expect(blocksOf(reveal!, 'quote')[0]?.text).toBe(q.quote.text);
    expect(quoteProblems(services.pack, reveal!)).toEqual([]);
    expect(blocksOf(next!, 'heading')[0]?.text).toBe('Question 2 of 2');

    // A second run finds nothing more to reveal.
    expect(await revealDue(services, 'shell')).toEqual([]);
    const moved = await services.store.getQuiz(quiz.id);
    expect(moved).toMatchObject({ current: 1, deadline: clock.now().getTime() + seconds * 1000 });

    // Buttons of the revealed question are stale now.
    const [stale] = await click(contextFor(services, 'erin', 'quiz-room'), answerId(quiz, 0, 0));
    expect(plain(stale!)).toMatch(/expired/i);

    await click(bob, answerId(quiz, 1, rightOption(quiz, 1)));
    clock.advance(seconds * 1000 + 1);
    const final = await revealDue(services, 'shell');
    expect(final).toHaveLength(1);
    const [lastReveal, results] = final[0]!.replies;
    expect(blocksOf(lastReveal!, 'fields')[0]?.fields.find((f) => f.name === 'First right')?.value).toBe('bob');
    expect(blocksOf(results!, 'heading')[0]?.text).toBe('Quiz finished');
    expect(plain(results!)).toContain('alice: 1 of 2');
    expect(plain(results!)).toContain('bob: 1 of 2');
    expect(plain(results!)).toContain('carol: 1 of 2');
    expect(await services.store.getQuiz(quiz.id)).toMatchObject({ status: 'finished', deadline: null });
    expect(await services.store.nextQuizDeadline('shell')).toBeNull();
    expect(await revealDue(services, 'shell')).toEqual([]);
  });

  it('takes an admin’s seconds per question and reveals every answer at the end', async () => {
    const admin = contextFor(services, 'teacher', 'quiz-room', { isAdmin: true });
    const { reply, quiz } = await startQuiz(admin, { questions: 2, seconds: 45, reveal: 'end' });
    expect(quiz).toMatchObject({ mode: 'channel', seconds: 45, reveal: 'end', deadline: clock.now().getTime() + 45_000 });
    expect(plain(reply)).toContain('this question closes in 45 s');
    expect(plain(await click(alice, answerId(quiz, 0, rightOption(quiz, 0))))).toContain('revealed at the end of the quiz');

    clock.advance(20_001);
    expect(await revealDue(services, 'shell')).toEqual([]);
    clock.advance(25_000);
    const [closed] = await revealDue(services, 'shell');
    expect(closed!.replies).toHaveLength(1);
    const next = closed!.replies[0]!;
    expect(plain(next)).toContain('Question 1 closed with 1 answer; the answers are revealed at the end.');
    expect(blocksOf(next, 'heading')[0]?.text).toBe('Question 2 of 2');
    expect(blocksOf(next, 'quote')).toEqual([]);
    expect((await services.store.getQuiz(quiz.id))?.deadline).toBe(clock.now().getTime() + 45_000);

    await click(bob, answerId(quiz, 1, wrongOption(quiz, 1)));
    clock.advance(45_001);
    const [end] = await revealDue(services, 'shell');
    const [reveals, results] = end!.replies;
    expect(blocksOf(reveals!, 'heading').map((h) => h.text)).toEqual(['Answer to question 1', 'Answer to question 2']);
    expect(blocksOf(reveals!, 'quote')).toHaveLength(2);
    expect(quoteProblems(services.pack, reveals!)).toEqual([]);
    expect(blocksOf(reveals!, 'fields').map((f) => f.fields.find((x) => x.name === 'First right')?.value)).toEqual(['alice', 'Nobody this time']);
    expect(blocksOf(results!, 'heading')[0]?.text).toBe('Quiz finished');
  });

  it('leaves seconds and reveal to admins, and to channel quizzes', async () => {
    const [notAdmin] = await runText(alice, 'quiz', 'start seconds:30');
    expect(plain(notAdmin!)).toMatch(/Only admins can set seconds or reveal/);
    const admin = contextFor(services, 'teacher', 'quiz-room', { isAdmin: true });
    expect(plain(await runText(admin, 'quiz', 'start mode:solo reveal:end'))).toMatch(/settings of a channel quiz/);
    expect(plain(await runText(admin, 'quiz', 'start seconds:601'))).toMatch(/from 1 to 600/);
    expect(await services.store.activeChannelQuiz(admin)).toBeNull();
    expect(await services.store.activeSoloQuiz(admin, 'teacher')).toBeNull();
  });

  it('reveals a question whose process died after closing it once, when another takes the lease over', async () => {
    const { quiz } = await startQuiz(alice, { questions: 2, mode: 'channel' });
    await click(bob, answerId(quiz, 0, rightOption(quiz, 0)));
    clock.advance(seconds * 1000 + 1);
    const now = clock.now().getTime();
    // The dead process took the lease and closed the question, and posted nothing.
    const key = `reveal:${quiz.id}:0`;
    expect(await services.store.takePostLease({ key, platform: 'shell', holder: 'dead', now, expiresAt: now + 30_000 })).toBe('fresh');
    expect(await revealQuestion(services, quiz.id, 0)).toHaveLength(2);
    expect(await services.store.getQuiz(quiz.id)).toMatchObject({ current: 1 });
    const recover = () => duePosts((poster) => postRecoveryTask(services, 'shell', poster, [revealKind(services)]).runDue());
    expect(await recover()).toEqual([]);

    clock.advance(30_000);
    const [taken] = await recover();
    expect(taken?.key).toBe(key);
    const [reveal, next] = taken!.replies;
    expect(blocksOf(reveal!, 'fields')[0]?.fields.find((f) => f.name === 'First right')?.value).toBe('bob');
    expect(blocksOf(next!, 'heading')[0]?.text).toBe('Question 2 of 2');
    expect(await services.store.getPostLease(key)).toMatchObject({ state: 'posted' });
    expect(await recover()).toEqual([]);
    // The question was closed once: the quiz is on question 2, not past it.
    expect(await services.store.getQuiz(quiz.id)).toMatchObject({ current: 1, status: 'active' });
  });

  it('reveals once when two instances share the database', async () => {
    const path = tempDbPath();
    const one = await testServices({ path, now: clock.now, settings: { quizChannelSeconds: seconds } });
    const two = await testServices({ path, now: clock.now, settings: { quizChannelSeconds: seconds } });
    const { quiz } = await startQuiz(contextFor(one, 'alice', 'quiz-room'), { questions: 2, mode: 'channel' });
    await click(contextFor(two, 'bob', 'quiz-room'), answerId(quiz, 0, rightOption(quiz, 0)));
    clock.advance(seconds * 1000 + 1);

    const posts = (await Promise.all([revealDue(one, 'shell'), revealDue(two, 'shell')])).flat();
    expect(posts).toHaveLength(1);
    expect(blocksOf(posts[0]!.replies[0]!, 'fields')[0]?.fields.find((f) => f.name === 'First right')?.value).toBe('bob');
    expect([...(await revealDue(one, 'shell')), ...(await revealDue(two, 'shell'))]).toEqual([]);
    expect((await two.store.getQuiz(quiz.id))?.current).toBe(1);
    await one.store.close();
    await two.store.close();
  });

  it('reveals only the platform it is asked for', async () => {
    const { quiz } = await startQuiz(alice, { mode: 'channel' });
    clock.advance(seconds * 1000 + 1);
    expect(await revealDue(services, 'discord')).toEqual([]);
    expect(await revealDue(services, 'shell')).toHaveLength(1);
    expect((await services.store.getQuiz(quiz.id))?.current).toBe(1);
  });

  it('wakes background work when a channel quiz starts, so it can plan the reveal', async () => {
    let woken = 0;
    services.wake = () => { woken++; };
    await startQuiz(alice, { mode: 'channel' });
    expect(woken).toBe(1);
  });
});

describe('scoring and the leaderboard', () => {
  /** Services whose pack has only the given questions (by position in the shipped pack), so a quiz asks exactly those. */
  async function withQuestions(indexes: number[]): Promise<void> {
    const { pack, matcher } = await shippedPack();
    const quiz = indexes.map((i) => pack.quiz[i]!);
    const only = { ...pack, quiz, questionById: new Map(quiz.map((q) => [q.id, q])) };
    services = createServices({ pack: only, matcher, store: services.store, now: clock.now, random: seededRandom(7) });
    alice = contextFor(services, 'alice', 'quiz-room');
    bob = contextFor(services, 'bob', 'quiz-room');
  }

  /** A solo quiz of every question the pack has, answered right or wrong by `right(questionId)`. */
  async function soloRound(ctx: BaseContext, right: (questionId: string) => boolean): Promise<Reply[]> {
    const { quiz } = await startQuiz(ctx, { questions: 25 });
    let last: Reply[] = [];
    for (const [i, q] of quiz.questions.entries()) {
      last = await click(ctx, answerId(quiz, i, right(q.id) ? rightOption(quiz, i) : wrongOption(quiz, i)));
    }
    return last;
  }

  it('scores a question the first time a student answers it: five retakes do not farm points', async () => {
    await withQuestions([0, 1, 2, 3, 4]);
    const first = services.pack.quiz[0]!.id;
    await soloRound(alice, (id) => id === first);
    for (let i = 0; i < 5; i++) {
      const last = await soloRound(alice, () => true);
      expect(plain(last)).toContain('alice: 5 of 5 (5 answered in an earlier quiz, not scored again)');
    }
    await soloRound(bob, () => true);
    // A retake still shows the explanation and the quote, and says it does not score.
    const { quiz } = await startQuiz(alice, { questions: 1 });
    const q = services.pack.questionById.get(quiz.questions[0]!.id)!;
    const [verdict] = await click(alice, answerId(quiz, 0, rightOption(quiz, 0)));
    expect(texts(verdict!)).toContain(q.explanation);
    expect(blocksOf(verdict!, 'quote')[0]?.text).toBe(q.quote.text);
    expect(plain(verdict!)).toContain('You answered this question in an earlier quiz, so it does not score again.');

    const [board] = await runText(alice, 'quiz', 'leaderboard period:all');
    const lines = blocksOf(board!, 'text')[0]!.text.split('\n');
    expect(lines).toEqual(['🥇 bob — 5 points · 5 answered · 100% right', '🥈 alice — 1 point · 5 answered · 20% right']);
    expect(plain(board!)).toContain('retakes do not score again');
  });

  it('a channel quiz answer to a question answered before does not score, and says so', async () => {
    await withQuestions([0]);
    await soloRound(alice, () => false);
    const { quiz } = await startQuiz(bob, { mode: 'channel', questions: 1 });
    expect(plain(await click(alice, answerId(quiz, 0, rightOption(quiz, 0))))).toContain('does not score again');
    expect(plain(await click(bob, answerId(quiz, 0, rightOption(quiz, 0))))).not.toContain('does not score');
  });

  it('shows this week by default, this month or all of the season, for the server or this channel', async () => {
    // Thursday 26 Nov 2026, noon UTC: the week began on Monday the 23rd, the month on the 1st.
    await withQuestions([0, 1, 2]);
    const [q0, q1, q2] = services.pack.quiz.map((q) => q.id);
    clock.set(Date.UTC(2026, 10, 2, 12));
    await soloRound(alice, () => true);
    clock.set(Date.UTC(2026, 10, 23, 0, 30));
    await soloRound(contextFor(services, 'bob', 'other-room'), (id) => id !== q2);
    clock.set(Date.UTC(2026, 10, 26, 12));
    await soloRound(contextFor(services, 'carol', 'other-room'), (id) => id === q0 || id === q1);

    const lines = async (text: string) => blocksOf((await runText(alice, 'quiz', `leaderboard ${text}`))[0]!, 'text')[0]!.text.split('\n');
    const [week] = await runText(alice, 'quiz', 'leaderboard');
    expect(blocksOf(week!, 'heading')[0]?.text).toBe('Quiz leaderboard — this server, this week');
    expect(await lines('')).toEqual(['🥇 bob — 2 points · 3 answered · 67% right', '🥈 carol — 2 points · 3 answered · 67% right']);
    expect(await lines('period:month')).toEqual([
      '🥇 alice — 3 points · 3 answered · 100% right', '🥈 bob — 2 points · 3 answered · 67% right', '🥉 carol — 2 points · 3 answered · 67% right',
    ]);
    expect(await lines('scope:channel period:all')).toEqual(['🥇 alice — 3 points · 3 answered · 100% right']);
    const [channelWeek] = await runText(alice, 'quiz', 'leaderboard scope:channel');
    expect(blocksOf(channelWeek!, 'heading')[0]?.text).toBe('Quiz leaderboard — this channel, this week');
    expect(plain(channelWeek!)).toMatch(/No scores here yet/);
    // The week starts on Monday in the configured time zone: in New York it was still Sunday at 00:30 UTC.
    const newYork = createServices({ pack: services.pack, matcher: services.matcher, store: services.store, now: clock.now, settings: { defaultTimeZone: 'America/New_York' } });
    const [nyWeek] = await runText(contextFor(newYork, 'alice', 'quiz-room'), 'quiz', 'leaderboard');
    expect(blocksOf(nyWeek!, 'text')[0]!.text.split('\n')).toEqual(['🥇 carol — 2 points · 3 answered · 67% right']);
  });

  it('keeps servers apart and says so when nobody has scored', async () => {
    await withQuestions([0]);
    await soloRound(alice, () => true);
    const elsewhere = contextFor(services, 'alice', 'quiz-room', { serverId: 'server-2' });
    const [r] = await runText(elsewhere, 'quiz', 'leaderboard period:all');
    expect(plain(r!)).toMatch(/No scores here yet/);
  });

  it('starts a new season after an admin confirms; the old one stays viewable', async () => {
    await withQuestions([0, 1]);
    await soloRound(alice, () => true);
    expect(plain(await runText(alice, 'quiz', 'season'))).toMatch(/Only admins/);
    const teacher = contextFor(services, 'teacher', 'quiz-room', { isAdmin: true });
    const [confirm] = await runText(teacher, 'quiz', 'season');
    expect(confirm?.visibility).toBe('private');
    expect(blocksOf(confirm!, 'heading')[0]?.text).toBe('Start season 2?');
    const [start, keep] = choicesOf(confirm!);
    expect(start).toMatchObject({ id: 'quiz:season:2', style: 'danger' });
    expect(keep).toMatchObject({ id: 'quiz:keep:1' });
    expect(plain(await click(teacher, keep!.id))).toMatch(/Season 1 goes on/);
    expect(await services.store.listSeasons('shell', teacher.serverId)).toEqual([]);
    // A student pressing the teacher's button changes nothing.
    expect(plain(await click(alice, start!.id))).toMatch(/Only admins/);

    clock.advance(60_000);
    const [done, announced] = await click(teacher, start!.id);
    expect(done).toMatchObject({ visibility: 'private', replaceOriginal: true });
    expect(announced?.visibility).toBe('public');
    expect(plain(announced!)).toContain('Quiz season 2 has begun');
    // A second click, or an old confirmation, starts nothing more.
    expect(plain(await click(teacher, start!.id))).toMatch(/already in season 2/);
    expect(await services.store.listSeasons('shell', teacher.serverId)).toHaveLength(1);

    expect(plain(await runText(alice, 'quiz', 'leaderboard period:all'))).toMatch(/No scores here yet/);
    await soloRound(alice, () => false);
    await soloRound(bob, () => true);
    expect(blocksOf((await runText(alice, 'quiz', 'leaderboard period:all'))[0]!, 'text')[0]!.text.split('\n'))
      .toEqual(['🥇 bob — 2 points · 2 answered · 100% right', '🥈 alice — 0 points · 2 answered · 0% right']);
    const [old] = await runText(alice, 'quiz', 'leaderboard period:all season:1');
    expect(blocksOf(old!, 'heading')[0]?.text).toBe('Quiz leaderboard — this server, season 1');
    expect(blocksOf(old!, 'text')[0]!.text).toBe('🥇 alice — 2 points · 2 answered · 100% right');
    expect(plain(old!)).toMatch(/Season 1, from the start to /);
    expect(plain(await runText(alice, 'quiz', 'leaderboard season:3'))).toMatch(/There is no season 3: this server is in season 2/);
  });
});
