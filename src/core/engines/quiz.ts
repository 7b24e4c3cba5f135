import type { Actor, Services, Where } from '../context.js';
import type { QuizQuestion } from '../pack/schema.js';
import type { QuizAnswer, QuizMode, QuizRecord, QuizReveal } from '../store/records.js';
import { choiceId, newId } from '../ids.js';
import { notice, privateReply, reply, type Block, type Reply } from '../reply.js';
import { quoteBlock } from '../present.js';
import { shuffle } from './shuffle.js';
import { clickOutcome, type ClickOutcome, type QuizClick, type RightOptions } from '../store/quiz-click.js';
import type { Pack } from '../pack/model.js';

export const LETTERS = ['A', 'B', 'C', 'D'];
/** A channel quiz still open this long after it started is treated as abandoned when someone starts another. */
export const ABANDONED_AFTER_MS = 60 * 60 * 1000;
export const MAX_QUESTIONS = 25;

export const EXPIRED = 'This has expired: that quiz question is closed. Start a new quiz with /quiz start.';
const NOT_SCORED = 'You answered this question in an earlier quiz, so it does not score again.';

export interface QuizOptions {
  questions?: number;
  mode?: string;
  /** Channel quizzes only: seconds per question and when answers are revealed (admins). */
  seconds?: number;
  reveal?: string;
}

/** Who starts or stops a quiz, and whether the platform counts them as an admin. */
export interface Player {
  user: Actor;
  isAdmin: boolean;
}

const REFUSALS: Record<Extract<ClickOutcome, { refused: unknown }>['refused'], string> = {
  expired: EXPIRED,
  'not-yours': 'This is someone else’s solo quiz. Start your own with /quiz start.',
  closed: 'This question has closed; the answer is on its way.',
};

/** Each pack question's right option, worked out once per pack (the store's answer statement takes them). */
const rightsByPack = new WeakMap<Pack, RightOptions>();
function rightOptionsOf(pack: Pack): RightOptions {
  let found = rightsByPack.get(pack);
  if (!found) {
    found = Object.fromEntries(pack.quiz.map((q) => [q.id, q.options.findIndex((o) => o.correct)]));
    rightsByPack.set(pack, found);
  }
  return found;
}

function questionOf(services: Services, quiz: QuizRecord, index: number): { q: QuizQuestion; order: number[] } | null {
  const entry = quiz.questions[index];
  const q = entry && services.pack.questionById.get(entry.id);
  return entry && q ? { q, order: entry.order } : null;
}

const secondsOf = (services: Services, quiz: QuizRecord) => quiz.seconds ?? services.settings.quizChannelSeconds;

/** A solo quiz is its player's alone: every reply about it is private. */
function quizReply(quiz: QuizRecord, blocks: Block[], options: { replaceOriginal?: boolean } = {}): Reply {
  return quiz.mode === 'solo' ? privateReply(blocks, options) : reply(blocks, options);
}

function questionReply(services: Services, quiz: QuizRecord, index: number, intro?: string): Reply {
  const found = questionOf(services, quiz, index);
  if (!found) return notice('This quiz refers to a question the content pack no longer has.');
  const { q, order } = found;
  const seconds = secondsOf(services, quiz);
  const footer = quiz.mode === 'solo'
    ? 'Solo quiz: only you see it. Pick your answer.'
    : `Channel quiz: everyone may answer once; ${quiz.reveal === 'end' ? 'this question closes' : 'the answer is revealed'} in ${seconds} s.`;
  return quizReply(quiz, [
    ...(intro ? [{ type: 'text' as const, text: intro }] : []),
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

function clampQuestions(services: Services, asked: number | undefined): number {
  return Math.min(Math.max(asked ?? 5, 1), Math.min(MAX_QUESTIONS, services.pack.quiz.length));
}

export async function startQuiz(services: Services, where: Where, player: Player, options: QuizOptions): Promise<Reply> {
  const { pack, store } = services;
  const channelSettings = options.seconds !== undefined || options.reveal !== undefined;
  if (channelSettings && options.mode === 'solo') {
    return notice('seconds and reveal are settings of a channel quiz: leave them out of a solo quiz, or use mode:channel.');
  }
  const mode: QuizMode = options.mode === 'channel' || channelSettings ? 'channel' : 'solo';
  if (channelSettings && !player.isAdmin) {
    return notice('Only admins can set seconds or reveal for a channel quiz; /quiz start mode:channel uses the defaults.');
  }
  const count = clampQuestions(services, options.questions);
  if (mode === 'solo') {
    // The write refuses a second solo quiz (a unique index), so it goes first and the running quiz is
    // read only when it was refused: a start costs one statement. One that ended in between is gone
    // by the read, and the start is tried again.
    const started = await createAndAsk(services, where, player.user, 'solo', count, { seconds: null, reveal: 'each' });
    if (started) return started;
    const running = await store.activeSoloQuiz(where, player.user.id);
    if (running) return abandonOrCarryOn(running, count);
    return (await createAndAsk(services, where, player.user, 'solo', count, { seconds: null, reveal: 'each' })) ?? alreadySolo();
  }
  const running = await store.activeChannelQuiz(where);
  if (running) {
    // A quiz someone walked away from must not lock the channel for the rest of the term.
    const abandoned = services.now().getTime() - running.createdAt > ABANDONED_AFTER_MS;
    if (!abandoned) return notice('A channel quiz is already running in this channel. Answer it, or stop it with /quiz stop mode:channel.');
    await store.stopQuiz(running.id);
  }
  return (await createAndAsk(services, where, player.user, mode, count, {
    seconds: options.seconds ?? null,
    reveal: options.reveal === 'end' ? 'end' : 'each',
  })) ?? notice('A channel quiz is already running in this channel.');
}

const alreadySolo = () => notice('You already have a solo quiz running: answer it, or stop it with /quiz stop.');

/** Creates the quiz and asks its first question; null when one of its kind is already running there. */
async function createAndAsk(
  services: Services, where: Where, user: Actor, mode: QuizMode, count: number, settings: { seconds: number | null; reveal: QuizReveal },
): Promise<Reply | null> {
  const picked = shuffle(services.pack.quiz, services.random).slice(0, count);
  const now = services.now().getTime();
  const quiz: QuizRecord = {
    id: newId(), ...where, starterId: user.id, mode, status: 'active', current: 0, createdAt: now,
    questions: picked.map((q) => ({ id: q.id, order: shuffle([0, 1, 2, 3], services.random) })),
    deadline: mode === 'channel' ? now + (settings.seconds ?? services.settings.quizChannelSeconds) * 1000 : null,
    seconds: settings.seconds, reveal: settings.reveal,
  };
  if (!(await services.store.createQuiz(quiz))) return null;
  if (mode === 'channel') services.wake();
  return questionReply(services, quiz, 0);
}

/** A second solo quiz asks first: the running one is not thrown away by a stray command. */
function abandonOrCarryOn(running: QuizRecord, count: number): Reply {
  const where = running.channelId;
  return privateReply([
    { type: 'text', text: `You already have a solo quiz running (question ${running.current + 1} of ${running.questions.length}). Abandon it and start a new one of ${count} question${count === 1 ? '' : 's'}?` },
    {
      type: 'choices',
      choices: [
        { id: choiceId('quiz', 'abandon', running.id, count), label: 'Abandon it and start anew', style: 'danger' },
        { id: choiceId('quiz', 'resume', running.id), label: 'Carry on with it', style: 'primary' },
      ],
    },
    { type: 'footer', text: `Answers already given in it are kept. It was started in channel ${where}.` },
  ]);
}

/** The "abandon" choice: stops the player's old solo quiz (if it is still theirs and running) and starts a new one. */
export async function abandonAndStart(services: Services, where: Where, user: Actor, oldQuizId: string, count: number): Promise<Reply[]> {
  const old = await services.store.getQuiz(oldQuizId);
  if (old && old.mode === 'solo' && old.starterId === user.id && old.status === 'active') await services.store.stopQuiz(old.id);
  const running = await services.store.activeSoloQuiz(where, user.id);
  if (running) return [abandonOrCarryOn(running, count)];
  const fresh = (await createAndAsk(services, where, user, 'solo', clampQuestions(services, count), { seconds: null, reveal: 'each' })) ?? alreadySolo();
  return [{ ...fresh, replaceOriginal: true }];
}

/** The "carry on" choice: the running solo quiz's current question again. */
export async function resumeSolo(services: Services, user: Actor, quizId: string): Promise<Reply[]> {
  const quiz = await services.store.getQuiz(quizId);
  if (!quiz || quiz.mode !== 'solo' || quiz.starterId !== user.id || quiz.status !== 'active') return [notice(EXPIRED)];
  return [{ ...questionReply(services, quiz, quiz.current), replaceOriginal: true }];
}

export async function answerQuiz(
  services: Services, user: Actor, quizId: string, questionIndex: number, shown: number,
): Promise<Reply[]> {
  const { store } = services;
  const click: QuizClick = { quizId, question: questionIndex, shown, userId: user.id, userName: user.name, answeredAt: services.now().getTime() };
  // The quiz is read, and the answer and its score written when the click may answer it, in one call.
  const rights = rightOptionsOf(services.pack);
  const { quiz, recorded: recordedNow, counted: countedNow } = await store.answerQuestion(click, rights);
  const outcome = clickOutcome(quiz, click, rights);
  if ('refused' in outcome || !quiz) return [notice(REFUSALS['refused' in outcome ? outcome.refused : 'expired'])];
  const found = questionOf(services, quiz, questionIndex);
  if (!found) return [notice(EXPIRED)];
  const { q, order } = found;
  const right = rightShownIndex(q, order);
  let answer = outcome.answer;
  const alreadyAnswered = notice('You already answered this question: your first answer counts.');
  let counted = countedNow;
  if (!recordedNow) {
    // A solo quiz records the answer, then moves on. A restart between the two would leave it stuck
    // on a question its player has answered: the recorded answer moves it on instead (scoring it
    // again is harmless: it is the scoring answer or it is not).
    const recorded = quiz.mode === 'solo' ? (await store.answersFor(quizId, questionIndex)).find((a) => a.userId === user.id) : undefined;
    if (!recorded) return [alreadyAnswered];
    answer = recorded;
    counted = await store.scoreAnswer(quizId, questionIndex, user.id);
  }

  if (quiz.mode === 'channel') {
    const when = quiz.reveal === 'end' ? 'at the end of the quiz' : 'when the question closes';
    return [privateReply([{ type: 'text', text: `Your answer is in: ${LETTERS[shown]}. The answer is revealed ${when}.${counted ? '' : ` ${NOT_SCORED}`}` }])];
  }
  const last = questionIndex + 1 >= quiz.questions.length;
  // The results are read while the quiz moves on: they read nothing the move changes, and go unused if it loses.
  const [moved, next] = await Promise.all([
    store.advanceQuiz(quiz.id, questionIndex, last ? 'finished' : questionIndex + 1, null),
    last ? summary(services, { ...quiz, status: 'finished' }) : questionReply(services, quiz, questionIndex + 1),
  ]);
  if (!moved) return [recordedNow ? notice(EXPIRED) : alreadyAnswered];
  const verdict = answer.correct
    ? `✅ Right: ${LETTERS[right]}. ${q.options[order[right] ?? 0]?.text}`
    : `❌ Not quite. You chose ${LETTERS[answer.option]}; the answer is ${LETTERS[right]}. ${q.options[order[right] ?? 0]?.text}`;
  const feedback = quizReply(quiz, [
    { type: 'heading', text: `Question ${questionIndex + 1} of ${quiz.questions.length}` },
    { type: 'text', text: q.question },
    { type: 'text', text: verdict },
    ...proofBlocks(services, q),
    ...(counted ? [] : [{ type: 'footer' as const, text: NOT_SCORED }]),
  ], { replaceOriginal: true });
  return [feedback, next];
}

/** A channel question whose time is up, to be revealed once (see src/core/post-once.ts). */
export interface DueReveal {
  quizId: string;
  question: number;
  where: Where;
}

/** Channel questions whose time is up at the services' `now`. */
export async function dueReveals(services: Services, platform: string): Promise<DueReveal[]> {
  const quizzes = await services.store.dueQuizzes(platform, services.now().getTime());
  return quizzes.map((quiz) => ({
    quizId: quiz.id, question: quiz.current, where: { platform: quiz.platform, serverId: quiz.serverId, channelId: quiz.channelId },
  }));
}

/**
 * Closes channel question `index` if it is still open, and returns its reveal (now or at the end),
 * then the next question or the results. Asked again after the question closed (its process died
 * before posting), it returns the same posts from what the store holds: the question's answers are
 * fixed once it closed. Null when the quiz was stopped before the question closed.
 */
export async function revealQuestion(services: Services, quizId: string, index: number): Promise<Reply[] | null> {
  const { store } = services;
  const quiz = await store.getQuiz(quizId);
  if (!quiz || quiz.mode !== 'channel' || index >= quiz.questions.length) return null;
  const last = index + 1 >= quiz.questions.length;
  if (quiz.status === 'active' && quiz.current === index) {
    const deadline = last ? null : services.now().getTime() + secondsOf(services, quiz) * 1000;
    // Only a conditional update closes the question: an answer in flight lands before it or not at all.
    if (!(await store.advanceQuiz(quiz.id, index, last ? 'finished' : index + 1, deadline))) return revealQuestion(services, quizId, index);
  } else {
    const closed = last ? quiz.status === 'finished' : quiz.current > index && quiz.status !== 'stopped';
    if (!closed) return null;
  }
  const asked = { ...quiz, current: index };
  const replies: Reply[] = [];
  if (quiz.reveal === 'end') {
    if (last) replies.push(reply(await allReveals(services, asked)));
    else {
      const answered = (await store.answersFor(quiz.id, index)).length;
      const closed = `Question ${index + 1} closed with ${answered} answer${answered === 1 ? '' : 's'}; the answers are revealed at the end.`;
      replies.push(questionReply(services, asked, index + 1, closed));
    }
  } else {
    replies.push(reply(await revealBlocks(services, asked, index)));
    if (!last) replies.push(questionReply(services, asked, index + 1));
  }
  if (last) replies.push(await summary(services, { ...asked, status: 'finished' }));
  return replies;
}

async function allReveals(services: Services, quiz: QuizRecord): Promise<Block[]> {
  const blocks: Block[] = [];
  for (let i = 0; i < quiz.questions.length; i++) blocks.push(...(await revealBlocks(services, quiz, i)));
  return blocks;
}

/** One question's answer: how many chose each option, who was right (and who first), and the proof. */
async function revealBlocks(services: Services, quiz: QuizRecord, index: number): Promise<Block[]> {
  const found = questionOf(services, quiz, index);
  if (!found) return [{ type: 'text', text: `Question ${index + 1} refers to a question the content pack no longer has.` }];
  const { q, order } = found;
  const right = rightShownIndex(q, order);
  const answers = await services.store.answersFor(quiz.id, index);
  const winners = answers.filter((a) => a.correct);
  const chosen = order.map((opt, shown) => {
    const n = answers.filter((a) => a.option === shown).length;
    return `${LETTERS[shown]}. ${shorten(q.options[opt]?.text ?? '', 60)} — ${n}${shown === right ? ' ✅' : ''}`;
  });
  return [
    { type: 'heading', text: `Answer to question ${index + 1}` },
    { type: 'text', text: `${LETTERS[right]}. ${q.options[order[right] ?? 0]?.text}` },
    {
      type: 'fields',
      fields: [
        { name: 'How the channel answered', value: chosen.join('\n') },
        { name: 'First right', value: winners[0]?.userName ?? 'Nobody this time', inline: true },
        { name: 'Right', value: winners.length ? winners.map((a) => a.userName).join(', ') : 'Nobody this time', inline: true },
        { name: 'Answers', value: String(answers.length), inline: true },
      ],
    },
    ...proofBlocks(services, q),
  ];
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

async function summary(services: Services, quiz: QuizRecord): Promise<Reply> {
  const answers = await services.store.answersFor(quiz.id);
  const byUser = new Map<string, { name: string; right: number; repeated: number }>();
  for (const a of answers) {
    const row = byUser.get(a.userId) ?? { name: a.userName, right: 0, repeated: 0 };
    row.right += a.correct ? 1 : 0;
    row.repeated += a.counted ? 0 : 1;
    byUser.set(a.userId, row);
  }
  const rows = [...byUser.values()].sort((a, b) => b.right - a.right);
  const heading = quiz.status === 'stopped' ? 'Quiz stopped' : 'Quiz finished';
  const line = (r: { name: string; right: number; repeated: number }) =>
    `${r.name}: ${r.right} of ${quiz.questions.length}${r.repeated ? ` (${r.repeated} answered in an earlier quiz, not scored again)` : ''}`;
  return quizReply(quiz, [
    { type: 'heading', text: heading },
    { type: 'text', text: rows.length ? rows.map(line).join('\n') : 'Nobody answered.' },
    { type: 'footer', text: 'A question scores on /quiz leaderboard the first time you answer it.' },
  ]);
}

/**
 * Stops a quiz: the player's own solo quiz, or the channel quiz (its starter or an admin). Without
 * `mode`, the player's solo quiz if they have one, else the channel's.
 */
export async function stopQuiz(services: Services, where: Where, player: Player, mode?: string): Promise<Reply> {
  const solo = mode === 'channel' ? null : await services.store.activeSoloQuiz(where, player.user.id);
  if (mode === 'solo' && !solo) return notice('You have no solo quiz running.');
  const quiz = solo ?? (await services.store.activeChannelQuiz(where));
  if (!quiz) return notice('No quiz is running in this channel.');
  if (quiz.mode === 'channel' && quiz.starterId !== player.user.id && !player.isAdmin) {
    return notice('Only the person who started this channel quiz, or an admin, can stop it.');
  }
  if (!(await services.store.stopQuiz(quiz.id))) return notice('That quiz has already ended.');
  return summary(services, { ...quiz, status: 'stopped' });
}
