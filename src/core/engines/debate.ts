import type { Actor, Services, Where } from '../context.js';
import type { Side } from '../pack/schema.js';
import { otherSide } from '../pack/model.js';
import type { DebateRecord } from '../store/records.js';
import { choiceId, newId } from '../ids.js';
import { MAX_USER_TEXT, notice, reply, type Block, type Choice, type Reply, type TextInput } from '../reply.js';
import { editorialLabel, pointBlocks, pointLine, quoteBlock, sideLabel } from '../present.js';

/**
 * A debate: the bot argues one side of a motion, the user the other. The pack lists points
 * strongest first, so "the strongest point" is the first one not yet used.
 */

/** The box the Reply button opens; the core also hands it out by choice id (see choices.ts). */
export const DEBATE_REPLY_INPUT: TextInput = {
  title: 'Your argument', label: 'Make your case', placeholder: 'Why is the bot wrong?', maxLength: MAX_USER_TEXT,
};

/** The Reply and End buttons every debate message carries. */
export function debateChoices(debate: DebateRecord): Block {
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

const ALREADY_DEBATING = 'You already have a debate running in this channel. Answer with /debate reply, or finish it with /debate end.';

/**
 * Starts a debate for `debater`, remembering their name with it. The write itself refuses a second
 * active debate (one per person per channel), so no read comes first: a start costs one statement.
 */
export async function startDebate(
  services: Services, where: Where, debater: Actor, options: { motion?: string; side?: string },
): Promise<Reply> {
  const { pack, store } = services;
  const motion = options.motion ? pack.motionById.get(options.motion) : pack.motions[Math.floor(services.random() * pack.motions.length)];
  if (!motion) return notice(`There is no motion “${options.motion}”. Motions: ${pack.motions.map((m) => m.id).join(', ')}.`);
  const botSide = pickSide(services, options.side);
  const opening = pack.pointsOf(motion.id, botSide)[0];
  if (!opening) return notice('This motion has no points for that side yet.');
  const now = services.now().getTime();
  const debate = await store.openDebate({
    id: newId(), ...where, userId: debater.id, motionId: motion.id, botSide, status: 'active',
    turns: [{ by: 'bot', kind: 'argue', point: opening.id }], createdAt: now, updatedAt: now,
  }, debater, now);
  if (!debate) return notice(ALREADY_DEBATING);
  return reply([
    { type: 'heading', text: `Debate — ${motion.title}` },
    { type: 'text', text: `Motion: ${motion.statement}\nI argue ${sideLabel(botSide)}; you argue ${sideLabel(otherSide(botSide))}. My opening point:` },
    ...pointBlocks(pack, opening),
    { type: 'footer', text: `Answer with /debate reply <your argument>, or the Reply button. Up to ${services.settings.debateTurnLimit} arguments; a reply I can’t place doesn’t count.` },
    debateChoices(debate),
  ]);
}

const NO_DEBATE = 'There is no debate running for you here.';

/** Ends a debate: the one a button names (`debateId`), else the person's active one in the channel, found and ended in one statement. */
export async function endDebate(services: Services, where: Where, userId: string, debateId?: string): Promise<Reply> {
  const now = services.now().getTime();
  if (!debateId) {
    const ended = await services.store.endActiveDebate(where, userId, now);
    return ended ? recap(services, ended) : notice(NO_DEBATE);
  }
  const debate = await services.store.getDebate(debateId);
  if (!debate || debate.status !== 'active') return notice(NO_DEBATE);
  if (debate.userId !== userId) return notice('Only the person debating can end this debate.');
  if (!(await services.store.endDebate(debate.id, now))) return notice('This debate has already ended.');
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
    else blocks.push({ type: 'footer', text: editorialLabel(p) });
  });
  return reply(blocks);
}
