import type { BaseContext } from '../../context.js';
import type { Side } from '../../pack/schema.js';
import type { ClassArgument, ClassDebateRecord } from '../../store/class-debate-store.js';
import { choiceId, newId } from '../../ids.js';
import { notice, privateReply, type Block, type Reply } from '../../reply.js';
import { pointBlocks, sideLabel } from '../../present.js';
import { roundNow, roundTitle } from './rounds.js';
import { argumentPost, SIDE_NAME } from './posts.js';
import { placeArgument } from './placement.js';
import { tallyArguments } from './tally.js';
import { NOT_RUNNING, runningDebateHere } from './lobby.js';

/** Arguing: saying something, picking the point an argument makes when asked, and asking for a hint. */

const NOT_LIVE = 'The debate is not taking arguments right now.';

/** Why this person may not speak now, or null when they may. */
async function refusal(ctx: BaseContext, d: ClassDebateRecord): Promise<{ text: string } | { side: Side }> {
  if (d.status === 'lobby') return { text: 'The debate has not begun yet: the chair starts it with /debate begin.' };
  if (d.status !== 'live') return { text: 'The arguments are over: the closing vote is open, or the debate has closed.' };
  const member = await ctx.services.store.classDebateMember(d.id, ctx.user.id);
  if (!member?.side) return { text: 'Join a side first (the Join buttons on the debate’s first post, or /debate join side:for), then make your argument.' };
  if (d.format === 'rounds') {
    const r = roundNow(d);
    if (!r) return { text: 'The rounds are over: the chair closes the debate with /debate close.' };
    if (r.side !== member.side) return { text: `It is the ${SIDE_NAME[r.side]} side’s turn (${roundTitle(d.round)}). Your side speaks next round.` };
  }
  return { side: member.side };
}

export async function sayArgument(ctx: BaseContext, text: string, debateId?: string): Promise<Reply[]> {
  const { services } = ctx;
  const { store } = services;
  // The dispatcher has cleaned and trimmed the text, typed or from the box.
  if (!text) return [notice('Type your argument after /debate say, or in the Say box.')];
  const debate = debateId ? await store.getClassDebate(debateId) : await runningDebateHere(ctx);
  if (!debate) return [notice('There is no class debate running in this channel.')];
  const may = await refusal(ctx, debate);
  if ('text' in may) return [notice(may.text)];

  const placed = placeArgument(services, text, debate.motionId);
  if (placed.outcome === 'rude') return [notice('Let’s keep it civil: argue with the point, not the person. Your argument was not posted.')];
  const arg: ClassArgument = {
    id: newId(), debateId: debate.id, userId: ctx.user.id, userName: ctx.user.name, side: may.side,
    round: debate.round, text, point: placed.outcome === 'sure' ? placed.point : null,
    status: placed.outcome === 'unsure' ? 'pending' : 'posted', candidates: placed.outcome === 'unsure' ? placed.candidates : [],
    createdAt: services.now().getTime(),
  };
  const added = await store.addClassArgument(arg, debate.maxPerRound);
  switch (added) {
    case 'duplicate':
      return [notice('You already made that argument in this round; it is posted once.')];
    case 'over-cap':
      return [notice(`You have made your ${debate.maxPerRound} argument${debate.maxPerRound === 1 ? '' : 's'} for this round. Let someone else on your side speak.`)];
    case 'not-live':
      return [notice('That round has just ended, so your argument was not posted.')];
    case 'added':
      break;
  }
  if (arg.status === 'pending') return [askWhichPoint(ctx, arg)];
  const earlier = (await store.classArguments(debate.id)).filter((a) => a.id !== arg.id);
  return [argumentPost(services, debate, arg, earlier)];
}

/** "Which point did you mean?": only the speaker sees it, and the argument waits until they pick. */
function askWhichPoint(ctx: BaseContext, arg: ClassArgument): Reply {
  const { pack } = ctx.services;
  const choices = arg.candidates.flatMap((id) => {
    const p = pack.pointById.get(id);
    return p ? [{ id: choiceId('cd', 'pick', arg.id, id), label: p.claim, style: 'primary' as const }] : [];
  });
  choices.push({ id: choiceId('cd', 'pick', arg.id, '-'), label: 'Something else — post it without a point', style: 'primary' });
  return privateReply([
    { type: 'text', text: 'Which point does your argument make? It is posted as soon as you pick.' },
    { type: 'choices', choices },
  ]);
}

export async function pickPoint(ctx: BaseContext, argId: string, pointId: string): Promise<Reply[]> {
  const { store } = ctx.services;
  const arg = await store.getClassArgument(argId);
  if (!arg) return [notice(NOT_RUNNING)];
  if (arg.userId !== ctx.user.id) return [notice('That choice is for the person who made the argument.')];
  if (pointId !== '-' && !arg.candidates.includes(pointId)) return [notice('That point was not one of the choices.')];
  const debate = await store.getClassDebate(arg.debateId);
  if (!debate || debate.status !== 'live' || debate.round !== arg.round) {
    return [notice('The debate has moved on since you made that argument, so it was not posted.')];
  }
  const point = pointId === '-' ? null : pointId;
  if (!(await store.resolveClassArgument(arg.id, point))) return [notice('That argument is already posted.')];
  const posted: ClassArgument = { ...arg, point, status: 'posted' };
  const earlier = (await store.classArguments(debate.id)).filter((a) => a.id !== arg.id);
  return [
    { ...privateReply([{ type: 'text', text: 'Posted.' }]), replaceOriginal: true },
    argumentPost(ctx.services, debate, posted, earlier),
  ];
}

/**
 * A private hint for the side that answers an argument: the strongest counterpoint it has not made
 * yet, to this argument's point if it still stands unanswered, else to the latest point that does.
 */
export async function hint(ctx: BaseContext, debateId: string, argId: string): Promise<Reply> {
  const { store, pack } = ctx.services;
  const [debate, arg] = await Promise.all([store.getClassDebate(debateId), store.getClassArgument(argId)]);
  if (!debate || !arg || arg.debateId !== debate.id) return notice(NOT_RUNNING);
  if (debate.status !== 'live') return notice(NOT_LIVE);
  const member = await store.classDebateMember(debate.id, ctx.user.id);
  const answering: Side = arg.side === 'for' ? 'against' : 'for';
  if (member?.side !== answering) return notice(`Hints are for the ${SIDE_NAME[answering]} side, which answers this argument.`);
  const tally = tallyArguments(pack, await store.classArguments(debate.id));
  const made = new Set(tally.made[answering].map((m) => m.point.id));
  const open = tally.unanswered.filter((p) => p.side === arg.side);
  const targets = [...open.filter((p) => p.id === arg.point), ...open.filter((p) => p.id !== arg.point).reverse()];
  for (const target of targets) {
    const counter = pack.answersTo(target.id).find((c) => !made.has(c.answer));
    const answer = counter && pack.pointById.get(counter.answer);
    if (!counter || !answer) continue;
    const blocks: Block[] = [
      { type: 'heading', text: `Hint for your side (${sideLabel(answering)})` },
      { type: 'text', text: `Still unanswered: “${target.claim}” You could answer:` },
      ...pointBlocks(pack, answer, { explain: false }),
      { type: 'text', text: counter.rebuttal },
      { type: 'footer', text: 'Only you can see this. Put it in your own words with /debate say or the Say button.' },
    ];
    return privateReply(blocks);
  }
  return notice('Every point the other side has made is answered, or your side has used every answer the article offers. Make your own side’s case.');
}
