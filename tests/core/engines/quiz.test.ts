import { beforeEach, describe, expect, it } from 'vitest';
import type { BaseContext, Services } from '../../../src/core/context.js';
import { runChoice, runCommand, runText } from '../../../src/core/dispatch.js';
import { revealDue } from '../../../src/core/engines/quiz.js';
import type { Reply } from '../../../src/core/reply.js';
import type { QuizRecord } from '../../../src/core/store/records.js';
import { createServices } from '../../../src/core/services.js';
import { contextFor, seededRandom, shippedPack, tempDbPath, testClock, testServices } from '../../support/core.js';
import { blocksOf, choicesOf, plain, quoteProblems, texts } from '../../support/replies.js';

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
  const quiz = await ctx.services.store.activeQuiz(ctx);
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
      quizId: quiz.id, question: 0, userId: 'alice', userName: 'alice', option: rightOption(quiz, 0), correct: true, answeredAt: clock.now().getTime(),
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

describe('/quiz start and stop', () => {
  it('refuses a second quiz in a channel while one runs', async () => {
    const { quiz } = await startQuiz(alice);
    const [r] = await runText(bob, 'quiz', 'start');
    expect(r?.visibility).toBe('private');
    expect(plain(r!)).toMatch(/already running/);
    expect((await services.store.activeQuiz(alice))?.id).toBe(quiz.id);
  });

  it('lets a new quiz replace one abandoned for over an hour, and keeps the abandoned answers', async () => {
    const { quiz } = await startQuiz(alice, { questions: 3 });
    await click(alice, answerId(quiz, 0, rightOption(quiz, 0)));
    clock.advance(59 * 60 * 1000);
    expect(plain((await runText(bob, 'quiz', 'start'))[0]!)).toMatch(/already running/);
    clock.advance(2 * 60 * 1000);
    const { quiz: fresh } = await startQuiz(bob);
    expect(fresh.id).not.toBe(quiz.id);
    expect((await services.store.getQuiz(quiz.id))?.status).toBe('stopped');
    expect(await services.store.answersFor(quiz.id)).toHaveLength(1);
  });

  it('lets only the starter or an admin stop a quiz', async () => {
    const { quiz } = await startQuiz(alice);
    const [refused] = await runText(bob, 'quiz', 'stop');
    expect(refused?.visibility).toBe('private');
    expect(plain(refused!)).toMatch(/Only the person who started this quiz, or an admin/);
    expect((await services.store.getQuiz(quiz.id))?.status).toBe('active');

    const admin = contextFor(services, 'carol', 'quiz-room', { isAdmin: true });
    const [stopped] = await runText(admin, 'quiz', 'stop');
    expect(blocksOf(stopped!, 'heading')[0]?.text).toBe('Quiz stopped');
    expect((await services.store.getQuiz(quiz.id))?.status).toBe('stopped');

    await startQuiz(alice);
    const [own] = await runText(alice, 'quiz', 'stop');
    expect(blocksOf(own!, 'heading')[0]?.text).toBe('Quiz stopped');
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

  it('takes everyone’s first answer, reveals once after the deadline, then asks the next question', async () => {
    const { reply, quiz } = await startQuiz(alice, { questions: 2, mode: 'channel' });
    expect(quiz.deadline).toBe(clock.now().getTime() + seconds * 1000);
    expect(plain(reply)).toContain(`revealed in ${seconds} s`);

    const [aliceIn] = await click(alice, answerId(quiz, 0, rightOption(quiz, 0)));
    expect(aliceIn?.visibility).toBe('private');
    expect(plain(aliceIn!)).toMatch(/Your answer is in/);
    await click(bob, answerId(quiz, 0, wrongOption(quiz, 0)));
    const [bobAgain] = await click(bob, answerId(quiz, 0, rightOption(quiz, 0)));
    expect(plain(bobAgain!)).toMatch(/first answer counts/);
    const answers = await services.store.answersFor(quiz.id, 0);
    expect(answers.map((a) => [a.userId, a.correct])).toEqual([['alice', true], ['bob', false]]);

    // Nothing is revealed before the deadline.
    clock.advance(seconds * 1000 - 1);
    expect(await revealDue(services, 'shell')).toEqual([]);

    clock.advance(2);
    const [late] = await click(contextFor(services, 'dave', 'quiz-room'), answerId(quiz, 0, rightOption(quiz, 0)));
    expect(plain(late!)).toMatch(/closed/);
    const posts = await revealDue(services, 'shell');
    expect(posts).toHaveLength(1);
    const { where, replies } = posts[0]!;
    expect(where).toEqual({ platform: 'shell', serverId: alice.serverId, channelId: 'quiz-room' });
    const [reveal, next] = replies;
    const q = services.pack.questionById.get(quiz.questions[0]!.id)!;
    expect(plain(reveal!)).toContain(q.options.find((o) => o.correct)!.text);
    const fields = blocksOf(reveal!, 'fields').flatMap((f) => f.fields);
    expect(fields).toEqual([{ name: 'Right', value: 'alice' }, { name: 'Answers', value: '2' }]);
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
    expect(blocksOf(lastReveal!, 'fields')[0]?.fields[0]).toEqual({ name: 'Right', value: 'bob' });
    expect(blocksOf(results!, 'heading')[0]?.text).toBe('Quiz finished');
    expect(plain(results!)).toContain('alice: 1 of 2');
    expect(plain(results!)).toContain('bob: 1 of 2');
    expect(await services.store.getQuiz(quiz.id)).toMatchObject({ status: 'finished', deadline: null });
    expect(await services.store.nextQuizDeadline('shell')).toBeNull();
    expect(await revealDue(services, 'shell')).toEqual([]);
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
    expect(blocksOf(posts[0]!.replies[0]!, 'fields')[0]?.fields[0]).toEqual({ name: 'Right', value: 'bob' });
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

describe('/quiz leaderboard', () => {
  async function soloRound(ctx: BaseContext, right: boolean) {
    const { quiz } = await startQuiz(ctx, { questions: 1 });
    await click(ctx, answerId(quiz, 0, right ? rightOption(quiz, 0) : wrongOption(quiz, 0)));
  }

  it('ranks this week’s answers by default; answers older than 7 days count only for all time', async () => {
    await soloRound(alice, true);
    await soloRound(alice, true);
    clock.advance(8 * DAY);
    await soloRound(bob, true);
    await soloRound(bob, false);

    const [week] = await runText(alice, 'quiz', 'leaderboard');
    expect(blocksOf(week!, 'heading')[0]?.text).toMatch(/last 7 days/);
    expect(plain(week!)).toContain('bob — 1 right of 2 answered');
    expect(plain(week!)).not.toContain('alice');

    const [all] = await runText(alice, 'quiz', 'leaderboard all');
    expect(blocksOf(all!, 'heading')[0]?.text).toMatch(/all time/);
    const lines = blocksOf(all!, 'text')[0]!.text.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('alice — 2 right of 2 answered');
    expect(lines[1]).toContain('bob — 1 right of 2 answered');
  });

  it('keeps servers apart and says so when nobody has answered', async () => {
    await soloRound(alice, true);
    const elsewhere = contextFor(services, 'alice', 'quiz-room', { serverId: 'server-2' });
    const [r] = await runText(elsewhere, 'quiz', 'leaderboard all');
    expect(plain(r!)).toMatch(/No answers yet/);
  });
});
