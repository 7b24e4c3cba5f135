import type { ChoiceHandler } from './commands/spec.js';
import { counterpointReply, showKeyPoint } from './engines/keypoints.js';
import { DEBATE_REPLY_INPUT, endDebate } from './engines/debate.js';
import { pickDebatePoint, replyToDebate } from './engines/debate-reply.js';
import { abandonAndStart, answerQuiz, EXPIRED, resumeSolo } from './engines/quiz.js';
import { keepSeason, startSeason } from './engines/leaderboard.js';
import { vote } from './engines/prompts.js';
import { notice, type TextInput } from './reply.js';
import { CLASS_DEBATE_CHOICES, CLASS_DEBATE_INPUTS } from './engines/class-debate/choices.js';

const expired = notice('This has expired: this button no longer leads anywhere.');

const integer = (s: string | undefined) => (s !== undefined && /^\d{1,3}$/.test(s) ? Number(s) : NaN);

/**
 * What each choice-id prefix means. Ids are stateless (`kp:counter:<point>`), so any process can
 * handle a click after a restart; an id that names nothing is answered with "this has expired".
 */
export const CHOICE_HANDLERS: Record<string, ChoiceHandler> = {
  'kp:counter': async (ctx, [pointId]) => {
    const r = pointId ? counterpointReply(ctx.services, pointId) : null;
    return [r ?? expired];
  },
  'kp:next': async (ctx, [motion]) => [
    await showKeyPoint(ctx.services, ctx, { motion: motion && ctx.services.pack.motionById.has(motion) ? motion : undefined }),
  ],
  'debate:reply': async (ctx, [debateId]) => {
    if (!debateId) return [expired];
    if (!ctx.text) return [notice('Type your argument in the box, then send it.')];
    return replyToDebate(ctx.services, ctx, ctx.user, ctx.text, debateId);
  },
  'debate:end': async (ctx, [debateId]) => (debateId ? [await endDebate(ctx.services, ctx, ctx.user.id, debateId)] : [expired]),
  'debate:pick': async (ctx, [debateId, turns, pointId]) => {
    const offeredAt = turns !== undefined && /^\d{1,6}$/.test(turns) ? Number(turns) : NaN;
    if (!debateId || !pointId || Number.isNaN(offeredAt)) return [expired];
    await ctx.services.store.rememberPerson(ctx, ctx.user, ctx.services.now().getTime());
    return pickDebatePoint(ctx.services, ctx.user.id, debateId, offeredAt, pointId);
  },
  'quiz:a': async (ctx, [quizId, q, o]) => {
    const question = integer(q);
    const option = integer(o);
    if (!quizId || Number.isNaN(question) || Number.isNaN(option)) return [notice(EXPIRED)];
    return answerQuiz(ctx.services, ctx.user, quizId, question, option);
  },
  'quiz:abandon': async (ctx, [quizId, count]) => {
    const questions = integer(count);
    return quizId && !Number.isNaN(questions) ? abandonAndStart(ctx.services, ctx, ctx.user, quizId, questions) : [expired];
  },
  'quiz:resume': async (ctx, [quizId]) => (quizId ? resumeSolo(ctx.services, ctx.user, quizId) : [expired]),
  'quiz:season': async (ctx, [n]) => {
    const number = integer(n);
    return Number.isNaN(number) ? [expired] : startSeason(ctx.services, ctx, ctx.user, ctx.isAdmin, number);
  },
  'quiz:keep': async (_ctx, [n]) => (Number.isNaN(integer(n)) ? [expired] : keepSeason(integer(n))),
  vote: async (ctx, [postId, choice]) => (postId && choice ? vote(ctx.services, ctx.user, postId, choice) : [expired]),
  ...CLASS_DEBATE_CHOICES,
};

export const EXPIRED_CHOICE = expired;

/**
 * Choices that open a text box first, by handler key. A platform button carries only its id, so an
 * adapter asks here what box to open, which works for any process after a restart.
 */
const CHOICE_INPUTS: Record<string, TextInput> = {
  'debate:reply': DEBATE_REPLY_INPUT,
  ...CLASS_DEBATE_INPUTS,
};

/** Splits `quiz:a:<id>:1:2` into its handler key and arguments. */
export function routeChoice(id: string): { key: string; handler: ChoiceHandler; args: string[] } | null {
  const parts = id.split(':');
  for (const width of [2, 1]) {
    const key = parts.slice(0, width).join(':');
    const handler = Object.hasOwn(CHOICE_HANDLERS, key) ? CHOICE_HANDLERS[key] : undefined;
    if (handler) return { key, handler, args: parts.slice(width) };
  }
  return null;
}

/** The text box a choice id opens before it is handled, or null when it opens none. */
export function choiceInput(id: string): TextInput | null {
  const route = routeChoice(id);
  return (route && Object.hasOwn(CHOICE_INPUTS, route.key) ? CHOICE_INPUTS[route.key] : null) ?? null;
}
