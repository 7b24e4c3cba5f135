import type { Actor, Services, Where } from '../context.js';
import type { QuizQuestion } from '../pack/schema.js';
import type { QuizAnswer, QuizMode, QuizRecord } from '../store/records.js';
import { choiceId, newId } from '../ids.js';
import { notice, privateReply, reply, type Block, type Reply } from '../reply.js';
import { quoteBlock } from '../present.js';
import { shuffle } from './shuffle.js';

const LETTERS = ['A', 'B', 'C', 'D'];
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** A quiz still open this long after it started is treated as abandoned when someone starts another. */
export const ABANDONED_AFTER_MS = 60 * 60 * 1000;

export const EXPIRED = 'This has expired: that quiz question is closed. Start a new quiz with /quiz start.';

/** A reply bound for a channel from background work (a channel quiz's reveal and next question). */
export interface ChannelPost {
  quizId: string;
  where: Where;
  replies: Reply[];
}

function questionOf(services: Services, quiz: QuizRecord, index: number): { q: QuizQuestion; order: number[] } | null {
  const entry = quiz.questions[index];
  const q = entry && services.pack.questionById.get(entry.id);
  return entry && q ? { q, order: entry.order } : null;
}

function questionReply(services: Services, quiz: QuizRecord, index: number): Reply {
  const found = questionOf(services, quiz, index);
  if (!found) return notice('This quiz refers to a question the content pack no longer has.');
  const { q, order } = found;
  const footer = quiz.mode === 'solo'
    ? 'Solo quiz: pick your answer.'
    : `Channel quiz: everyone may answer once; the answer is revealed in ${services.settings.quizChannelSeconds} s.`;
  return reply([
    { type: 'heading', text: `Question ${index + 1} of ${quiz.questions.length}` },
    { type: 'text', text: q.question },
    {
      type: 'choices',
      choices: order.map((opt, shown) => ({
        id: choiceId('quiz', 'a', quiz.id, index, shown),
        label: `${LETTERS[shown]}. ${q.options[opt]?.text ?? ''}`,
        style: 'secondary' as const,
      })),
    },
    { type: 'footer', text: footer },
  ]);
}

function rightShownIndex(q: QuizQuestion, order: number[]): number {
  return order.findIndex((opt) => q.options[opt]?.correct);
}

function proofBlocks(services: Services, q: QuizQuestion): Block[] {
  return [{ type: 'text', text: q.explanation }, quoteBlock(services.pack, q.quote)];
}

export async function startQuiz(
  services: Services, where: Where, user: Actor, options: { questions?: number; mode?: string },
): Promise<Reply> {
  const { pack, store } = services;
  const mode: QuizMode = options.mode === 'channel' ? 'channel' : 'solo';
  const count = Math.min(Math.max(options.questions ?? 5, 1), Math.min(25, pack.quiz.length));
  const running = await store.activeQuiz(where);
  if (running) {
    // A quiz someone walked away from must not lock the channel for the rest of the term.
    const abandoned = services.now().getTime() - running.createdAt > ABANDONED_AFTER_MS;
    if (!abandoned) return notice('A quiz is already running in this channel. Finish it, or stop it with /quiz stop.');
    await store.stopQuiz(running.id);
  }
  const picked = shuffle(pack.quiz, services.random).slice(0, count);
  const now = services.now().getTime();
  const quiz: QuizRecord = {
    id: newId(), ...where, starterId: user.id, mode, status: 'active', current: 0, createdAt: now,
    questions: picked.map((q) => ({ id: q.id, order: shuffle([0, 1, 2, 3], services.random) })),
    deadline: mode === 'channel' ? now + services.settings.quizChannelSeconds * 1000 : null,
  };
  if (!(await store.createQuiz(quiz))) return notice('A quiz is already running in this channel.');
  if (mode === 'channel') services.wake();
  return questionReply(services, quiz, 0);
}

export async function answerQuiz(
  services: Services, user: Actor, quizId: string, questionIndex: number, shown: number,
): Promise<Reply[]> {
  const { store } = services;
  const quiz = await store.getQuiz(quizId);
  if (!quiz || quiz.status !== 'active' || quiz.current !== questionIndex || !(shown >= 0 && shown < 4)) return [notice(EXPIRED)];
  const found = questionOf(services, quiz, questionIndex);
  if (!found) return [notice(EXPIRED)];
  const { q, order } = found;
  const now = services.now().getTime();
  if (quiz.mode === 'solo' && user.id !== quiz.starterId) {
    return [notice('This is someone else’s solo quiz. Start your own with /quiz start.')];
  }
  if (quiz.mode === 'channel' && quiz.deadline !== null && now > quiz.deadline) return [notice('This question has closed; the answer is on its way.')];
  const right = rightShownIndex(q, order);
  let answer: QuizAnswer = { quizId, question: questionIndex, userId: user.id, userName: user.name, option: shown, correct: shown === right, answeredAt: now };
  const alreadyAnswered = notice('You already answered this question: your first answer counts.');
  const recordedNow = await store.recordAnswer(answer);
  if (!recordedNow) {
    // A solo quiz records the answer, then moves on. A restart between the two would leave it stuck
    // on a question its player has answered: the recorded answer moves it on instead.
    const recorded = quiz.mode === 'solo' ? (await store.answersFor(quizId, questionIndex)).find((a) => a.userId === user.id) : undefined;
    if (!recorded) return [alreadyAnswered];
    answer = recorded;
  }

  if (quiz.mode === 'channel') {
    return [privateReply([{ type: 'text', text: `Your answer is in: ${LETTERS[shown]}. The answer is revealed when the question closes.` }])];
  }
  const last = questionIndex + 1 >= quiz.questions.length;
  if (!(await store.advanceQuiz(quiz.id, questionIndex, last ? 'finished' : questionIndex + 1, null))) {
    return [recordedNow ? notice(EXPIRED) : alreadyAnswered];
  }
  const verdict = answer.correct
    ? `✅ Right: ${LETTERS[right]}. ${q.options[order[right] ?? 0]?.text}`
    : `❌ Not quite. You chose ${LETTERS[answer.option]}; the answer is ${LETTERS[right]}. ${q.options[order[right] ?? 0]?.text}`;
  const feedback = reply([
    { type: 'heading', text: `Question ${questionIndex + 1} of ${quiz.questions.length}` },
    { type: 'text', text: q.question },
    { type: 'text', text: verdict },
    ...proofBlocks(services, q),
  ], { replaceOriginal: true });
  const next = last ? await summary(services, { ...quiz, status: 'finished' }) : questionReply(services, quiz, questionIndex + 1);
  return [feedback, next];
}

/** Closes every channel question whose time is up: the reveal, then the next question or the results. */
export async function revealDue(services: Services, platform: string): Promise<ChannelPost[]> {
  const now = services.now().getTime();
  const posts: ChannelPost[] = [];
  for (const quiz of await services.store.dueQuizzes(platform, now)) {
    const index = quiz.current;
    const last = index + 1 >= quiz.questions.length;
    const deadline = last ? null : now + services.settings.quizChannelSeconds * 1000;
    // Only the process whose conditional update wins posts the reveal: no double reveals.
    if (!(await services.store.advanceQuiz(quiz.id, index, last ? 'finished' : index + 1, deadline))) continue;
    const where: Where = { platform: quiz.platform, serverId: quiz.serverId, channelId: quiz.channelId };
    const replies = [await revealReply(services, quiz, index)];
    replies.push(last ? await summary(services, { ...quiz, status: 'finished' }) : questionReply(services, quiz, index + 1));
    posts.push({ quizId: quiz.id, where, replies });
  }
  return posts;
}

async function revealReply(services: Services, quiz: QuizRecord, index: number): Promise<Reply> {
  const found = questionOf(services, quiz, index);
  if (!found) return notice('This quiz refers to a question the content pack no longer has.');
  const { q, order } = found;
  const right = rightShownIndex(q, order);
  const answers = await services.store.answersFor(quiz.id, index);
  const winners = answers.filter((a) => a.correct).map((a) => a.userName);
  return reply([
    { type: 'heading', text: `Answer to question ${index + 1}` },
    { type: 'text', text: `${LETTERS[right]}. ${q.options[order[right] ?? 0]?.text}` },
    { type: 'fields', fields: [{ name: 'Right', value: winners.length ? winners.join(', ') : 'Nobody this time' }, { name: 'Answers', value: String(answers.length) }] },
    ...proofBlocks(services, q),
  ]);
}

async function summary(services: Services, quiz: QuizRecord): Promise<Reply> {
  const answers = await services.store.answersFor(quiz.id);
  const byUser = new Map<string, { name: string; right: number }>();
  for (const a of answers) {
    const row = byUser.get(a.userId) ?? { name: a.userName, right: 0 };
    row.right += a.correct ? 1 : 0;
    byUser.set(a.userId, row);
  }
  const rows = [...byUser.values()].sort((a, b) => b.right - a.right);
  const heading = quiz.status === 'stopped' ? 'Quiz stopped' : 'Quiz finished';
  return reply([
    { type: 'heading', text: heading },
    {
      type: 'text',
      text: rows.length
        ? rows.map((r) => `${r.name}: ${r.right} of ${quiz.questions.length}`).join('\n')
        : 'Nobody answered.',
    },
    { type: 'footer', text: 'Scores count towards /quiz leaderboard.' },
  ]);
}

export async function stopQuiz(services: Services, where: Where, user: Actor, isAdmin: boolean): Promise<Reply> {
  const quiz = await services.store.activeQuiz(where);
  if (!quiz) return notice('No quiz is running in this channel.');
  if (quiz.starterId !== user.id && !isAdmin) return notice('Only the person who started this quiz, or an admin, can stop it.');
  if (!(await services.store.stopQuiz(quiz.id))) return notice('That quiz has already ended.');
  return summary(services, { ...quiz, status: 'stopped' });
}

export async function leaderboard(services: Services, where: Where, period: string | undefined): Promise<Reply> {
  const week = period !== 'all';
  const since = week ? services.now().getTime() - WEEK_MS : 0;
  const rows = await services.store.leaderboard(where.platform, where.serverId, since, 10);
  const medal = (i: number) => ['🥇', '🥈', '🥉'][i] ?? `${i + 1}.`;
  return reply([
    { type: 'heading', text: week ? 'Quiz leaderboard — last 7 days' : 'Quiz leaderboard — all time' },
    {
      type: 'text',
      text: rows.length
        ? rows.map((r, i) => `${medal(i)} ${r.userName} — ${r.correct} right of ${r.answered} answered`).join('\n')
        : 'No answers yet. Start a quiz with /quiz start.',
    },
  ]);
}
