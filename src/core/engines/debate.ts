import type { Services, Where } from '../context.js';
import type { Motion, Point, Side } from '../pack/schema.js';
import { distinctTerms } from '../match/analyse.js';
import { otherSide } from '../pack/model.js';
import type { DebateRecord, DebateTurn } from '../store/records.js';
import { choiceId, newId } from '../ids.js';
import { MAX_USER_TEXT, notice, reply, type Block, type Choice, type Reply, type TextInput } from '../reply.js';
import { EDITORIAL_LABEL, pointBlocks, pointLine, quoteBlock, sideLabel } from '../present.js';

/**
 * A debate: the bot argues one side of a motion, the user the other. The pack lists points
 * strongest first, so "the strongest point" is the first one not yet used.
 */

/** The box the Reply button opens; the core also hands it out by choice id (see choices.ts). */
export const DEBATE_REPLY_INPUT: TextInput = {
  title: 'Your argument', label: 'Make your case', placeholder: 'Why is the bot wrong?', maxLength: MAX_USER_TEXT,
};

function debateChoices(debate: DebateRecord): Block {
  const choices: Choice[] = [
    { id: choiceId('debate', 'reply', debate.id), label: 'Reply', style: 'primary', input: DEBATE_REPLY_INPUT },
    { id: choiceId('debate', 'end', debate.id), label: 'End debate', style: 'secondary' },
  ];
  return { type: 'choices', choices };
}

function pickSide(services: Services, side: string | undefined): Side {
  if (side === 'for' || side === 'against') return side;
  return services.random() < 0.5 ? 'for' : 'against';
}

export async function startDebate(
  services: Services, where: Where, userId: string, options: { motion?: string; side?: string },
): Promise<Reply> {
  const { pack, store } = services;
  const motion = options.motion ? pack.motionById.get(options.motion) : pack.motions[Math.floor(services.random() * pack.motions.length)];
  if (!motion) return notice(`There is no motion “${options.motion}”. Motions: ${pack.motions.map((m) => m.id).join(', ')}.`);
  const existing = await store.activeDebate(where, userId);
  if (existing) {
    return notice('You already have a debate running in this channel. Answer with /debate reply, or finish it with /debate end.');
  }
  const botSide = pickSide(services, options.side);
  const opening = pack.pointsOf(motion.id, botSide)[0];
  if (!opening) return notice('This motion has no points for that side yet.');
  const now = services.now().getTime();
  const debate = await store.createDebate({
    id: newId(), ...where, userId, motionId: motion.id, botSide, status: 'active',
    turns: [{ by: 'bot', kind: 'argue', point: opening.id }], createdAt: now, updatedAt: now,
  });
  if (!debate) return notice('You already have a debate running in this channel.');
  return reply([
    { type: 'heading', text: `Debate — ${motion.title}` },
    { type: 'text', text: `Motion: ${motion.statement}\nI argue ${sideLabel(botSide)}; you argue ${sideLabel(otherSide(botSide))}. My opening point:` },
    ...pointBlocks(pack, opening),
    { type: 'footer', text: `Answer with /debate reply <your argument>, or the Reply button. Up to ${services.settings.debateTurnLimit} replies.` },
    debateChoices(debate),
  ]);
}

/**
 * "Ukraine is not in NATO" in a debate on "Ukraine is already a de facto member of NATO" only
 * asserts (or denies) the motion: every word of it is the motion's own. Such a reply gets a request
 * for a reason rather than "I can't place that", which would read as not understanding it.
 */
function restatesMotion(text: string, motion: Motion | undefined): boolean {
  if (!motion) return false;
  const said = distinctTerms(text);
  if (said.length === 0 || said.length > 5) return false;
  const motionTerms = new Set(distinctTerms(`${motion.statement} ${motion.title}`));
  return said.every((t) => motionTerms.has(t));
}

/** Points of the user's side that they have not made yet: suggestions when an argument can't be placed. */
function unmadePoints(services: Services, debate: DebateRecord): Point[] {
  const made = new Set(debate.turns.map((t) => t.point));
  return services.pack.pointsOf(debate.motionId, otherSide(debate.botSide)).filter((p) => !made.has(p.id));
}

export async function replyToDebate(
  services: Services, where: Where, userId: string, text: string, debateId?: string,
): Promise<Reply[]> {
  const { pack, store } = services;
  const debate = debateId ? await store.getDebate(debateId) : await store.activeDebate(where, userId);
  if (!debate || debate.status !== 'active') return [notice('There is no debate running for you here. Start one with /debate start.')];
  if (debate.userId !== userId) return [notice('That debate belongs to someone else. Start your own with /debate start.')];

  const userSide = otherSide(debate.botSide);
  const match = services.matcher.match(text, { motion: debate.motionId });
  const point = match ? pack.pointById.get(match.point) : undefined;
  const turns: DebateTurn[] = [];
  const blocks: Block[] = [];

  if (!point) {
    turns.push({ by: 'user', kind: 'unplaced', point: null });
    // Each unplaced reply suggests the next few unmade points, so repeated misses show new ideas.
    const unmade = unmadePoints(services, debate);
    const offset = (debate.turns.filter((t) => t.kind === 'unplaced').length * 3) % Math.max(unmade.length, 1);
    const ideas = [...unmade.slice(offset), ...unmade.slice(0, offset)].slice(0, 3);
    const restated = restatesMotion(text, pack.motionById.get(debate.motionId));
    const elsewhere = restated ? null : services.matcher.match(text);
    const elsewhereMotion = elsewhere && elsewhere.motion !== debate.motionId ? pack.motionById.get(elsewhere.motion) : undefined;
    const elsewherePoint = elsewhere && pack.pointById.get(elsewhere.point);
    blocks.push(
      {
        type: 'text',
        text: restated
          ? 'That states a position on the motion, not a reason for it. Tell me why, and I’ll answer the argument.'
          : 'I can’t place that argument in the article for this motion, so I won’t pretend to answer it.',
      },
      ...(elsewhereMotion && elsewherePoint
        ? [{ type: 'text' as const, text: `It sounds like a point on another motion (“${elsewhereMotion.statement}”): ${elsewherePoint.claim}` }]
        : []),
      ...(ideas.length
        ? [{ type: 'fields' as const, fields: [{ name: `Points your side (${sideLabel(userSide)}) could make`, value: ideas.map(pointLine).join('\n') }] }]
        : []),
    );
  } else if (point.side === debate.botSide) {
    turns.push({ by: 'user', kind: 'own-goal', point: point.id });
    blocks.push(
      { type: 'text', text: `That argument supports my side, not yours: “${point.claim}” I’ll happily take it.` },
      { type: 'footer', text: `You are arguing ${sideLabel(userSide)}.` },
    );
  } else {
    turns.push({ by: 'user', kind: 'argue', point: point.id });
    const usedByBot = new Set(debate.turns.filter((t) => t.by === 'bot').map((t) => t.point));
    const answer = pack.answersTo(point.id).find((c) => !usedByBot.has(c.answer));
    const answering = answer && pack.pointById.get(answer.answer);
    if (answer && answering) {
      turns.push({ by: 'bot', kind: 'rebut', point: answering.id, answers: point.id });
      blocks.push(
        { type: 'text', text: `You argue: ${point.claim}` },
        { type: 'text', text: `My answer: ${answer.rebuttal}` },
        ...pointBlocks(pack, answering, { explain: false }),
      );
    } else {
      turns.push({ by: 'bot', kind: 'concede', point: null, answers: point.id });
      blocks.push({ type: 'text', text: `You argue: ${point.claim}\nI have no answer left to that point, so I concede it.` });
    }
  }

  const ok = await store.appendDebateTurns(debate.id, debate.turns.length, turns, services.now().getTime());
  if (!ok) return [notice('That reply crossed with another one; nothing was recorded. Please send it again.')];
  const updated: DebateRecord = { ...debate, turns: [...debate.turns, ...turns] };
  const userTurns = updated.turns.filter((t) => t.by === 'user').length;
  if (userTurns >= services.settings.debateTurnLimit) {
    await store.endDebate(debate.id, services.now().getTime());
    return [reply([...blocks]), recap(services, updated, 'That was the last reply of this debate.')];
  }
  blocks.push(debateChoices(updated));
  return [reply(blocks)];
}

export async function endDebate(services: Services, where: Where, userId: string, debateId?: string): Promise<Reply> {
  const debate = debateId ? await services.store.getDebate(debateId) : await services.store.activeDebate(where, userId);
  if (!debate || debate.status !== 'active') return notice('There is no debate running for you here.');
  if (debate.userId !== userId) return notice('Only the person debating can end this debate.');
  if (!(await services.store.endDebate(debate.id, services.now().getTime()))) return notice('This debate has already ended.');
  return recap(services, debate);
}

/** The recap: what each side made, what went unanswered, and the best case for the user's side. */
export function recap(services: Services, debate: DebateRecord, intro?: string): Reply {
  const { pack } = services;
  const motion = pack.motionById.get(debate.motionId);
  // A point argued (or conceded) several times is one point: list it once, as the article's or editorial.
  const lines = (ids: (string | null | undefined)[]) => [...new Set(ids)].map((id) => {
    const point = id ? pack.pointById.get(id) : undefined;
    return point ? pointLine(point) : `• ${id ?? ''}`;
  });
  const botMade = lines(debate.turns.filter((t) => t.by === 'bot' && t.point).map((t) => t.point));
  const userMade = lines(debate.turns.filter((t) => t.by === 'user' && t.kind === 'argue').map((t) => t.point));
  const conceded = lines(debate.turns.filter((t) => t.kind === 'concede').map((t) => t.answers));
  const unplaced = debate.turns.filter((t) => t.kind === 'unplaced').length;
  const userSide = otherSide(debate.botSide);
  const best = pack.pointsOf(debate.motionId, userSide).slice(0, 3);
  const blocks: Block[] = [{ type: 'heading', text: `Debate recap — ${motion?.title ?? debate.motionId}` }];
  if (intro) blocks.push({ type: 'text', text: intro });
  blocks.push({
    type: 'fields',
    fields: [
      { name: `I argued ${sideLabel(debate.botSide)}`, value: botMade.join('\n') || '—' },
      { name: `You argued ${sideLabel(userSide)}`, value: userMade.join('\n') || '— (no argument I could place in the article)' },
      { name: 'Points I could not answer', value: conceded.join('\n') || 'None' },
    ],
  });
  if (unplaced) blocks.push({ type: 'footer', text: `${unplaced} of your replies made no point I could find in the article.` });
  blocks.push({ type: 'heading', text: `The best case ${sideLabel(userSide)}` });
  for (const p of best) {
    blocks.push({ type: 'text', text: pointLine(p) });
    const q = p.quotes[0];
    if (p.source === 'author' && q) blocks.push(quoteBlock(pack, q));
  }
  return reply(blocks);
}

export function strongestCase(services: Services, side: Side, motionId?: string): Reply {
  const { pack } = services;
  const motion = motionId ? pack.motionById.get(motionId) : pack.motions[0];
  if (!motion) return notice(`There is no motion “${motionId}”. Motions: ${pack.motions.map((m) => m.id).join(', ')}.`);
  const points = pack.pointsOf(motion.id, side).slice(0, 4);
  const blocks: Block[] = [
    { type: 'heading', text: `The case ${sideLabel(side)}` },
    { type: 'text', text: `Motion: ${motion.statement}` },
  ];
  points.forEach((p, i) => {
    blocks.push({ type: 'text', text: `${i + 1}. ${p.claim}` });
    const q = p.quotes[0];
    if (p.source === 'author' && q) blocks.push(quoteBlock(pack, q));
    else blocks.push({ type: 'footer', text: EDITORIAL_LABEL });
  });
  return reply(blocks);
}
