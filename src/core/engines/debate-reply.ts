import type { Actor, Services, Where } from '../context.js';
import type { Point } from '../pack/schema.js';
import { readReply, type ReplyReading } from '../match/read-reply.js';
import type { MatchResult } from '../match/matcher.js';
import { otherSide } from '../pack/model.js';
import type { DebateRecord, DebateTurn } from '../store/records.js';
import { choiceId } from '../ids.js';
import { notice, reply, type Block, type Choice, type Reply } from '../reply.js';
import { pointBlocks, pointLine, sideLabel } from '../present.js';
import { DEBATE_REPLY_INPUT, debateChoices, recap } from './debate.js';
import { pickLabel } from './pick-label.js';

/**
 * A user's reply in a debate. The matcher reads it (read-reply.ts) into one of three outcomes:
 * sure of a point (answer it), unsure between a few (ask "Did you mean…?" with a choice each), or
 * none (say so honestly). A rude reply gets one calm line instead. Only a placed argument uses up
 * one of the user's turns.
 */

const NO_DEBATE = 'There is no debate running for you here. Start one with /debate start.';
const NOT_YOURS = 'That debate belongs to someone else. Start your own with /debate start.';

/** The user's turns that count towards the limit: arguments placed, on either side. */
export function placedArguments(debate: DebateRecord): number {
  return debate.turns.filter((t) => t.by === 'user' && (t.kind === 'argue' || t.kind === 'own-goal')).length;
}

/**
 * `debater`'s reply in the debate a button names (`debateId`), else in their active one in the
 * channel. Their name is remembered first, as the platform shows it now: with the lookup of the
 * active debate that is one statement on Postgres (rememberAndFindDebate).
 */
export async function replyToDebate(
  services: Services, where: Where, debater: Actor, text: string, debateId?: string,
): Promise<Reply[]> {
  const { pack, store } = services;
  const userId = debater.id;
  const now = services.now().getTime();
  const debate = debateId
    ? await store.rememberPerson(where, debater, now).then(() => store.getDebate(debateId))
    : await store.rememberAndFindDebate(where, debater, now);
  if (!debate || debate.status !== 'active') return [notice(NO_DEBATE)];
  if (debate.userId !== userId) return [notice(NOT_YOURS)];

  const reading = readReply(services.matcher, text, pack.motionById.get(debate.motionId));
  if (reading.rude) return [civilityReply(debate)];
  const sure = reading.match && pack.pointById.get(reading.match.point);
  if (sure) return placeArgument(services, debate, sure, CROSSED);
  if (reading.outcome === 'unsure' && reading.candidates.length > 0) return [didYouMean(services, debate, reading.candidates)];
  return unplaced(services, debate, reading);
}

const CROSSED = 'That reply crossed with another one; nothing was recorded. Please send it again.';
const ALREADY_PICKED = 'That question has already been answered, so this choice changes nothing.';

/**
 * A click on one of the "Did you mean…?" choices: `debate:pick:<debate>:<turns>:<point>`, where
 * `turns` is how many turns the debate had when the question was asked. The debate continues
 * exactly as if the point had been matched, but only while it still stands where it was asked:
 * the conditional write on the turn count gives a double click (or a click on another instance)
 * one effect.
 */
export async function pickDebatePoint(
  services: Services, userId: string, debateId: string, offeredAt: number, pointId: string,
): Promise<Reply[]> {
  const debate = await services.store.getDebate(debateId);
  const point = services.pack.pointById.get(pointId);
  if (!debate || !point || point.motion !== debate.motionId) return [notice('This choice has expired: it no longer leads anywhere.')];
  if (debate.userId !== userId) return [notice(NOT_YOURS)];
  if (debate.status !== 'active') return [notice('That debate has ended, so this choice no longer applies. Start a new one with /debate start.')];
  if (debate.turns.length !== offeredAt) {
    return [notice('The debate has moved on since I asked, so I left that choice alone. Make the point again with /debate reply if you still want to.')];
  }
  return placeArgument(services, debate, point, ALREADY_PICKED);
}

function civilityReply(debate: DebateRecord): Reply {
  return reply(
    [{ type: 'text', text: 'Let’s keep it civil. Put your argument without the insults or swearing, and I’ll answer it; that reply didn’t count as a turn.' }, debateChoices(debate)],
    { visibility: 'private' },
  );
}

function didYouMean(services: Services, debate: DebateRecord, candidates: readonly MatchResult[]): Reply {
  const points = candidates.map((c) => services.pack.pointById.get(c.point)).filter((p): p is Point => p !== undefined);
  const offeredAt = debate.turns.length;
  const choices: Choice[] = points.map((p) => ({
    id: choiceId('debate', 'pick', debate.id, offeredAt, p.id), label: pickLabel(p.claim), style: 'primary',
  }));
  // The rephrase choice opens the same box as Reply, so it is that choice under another label.
  choices.push({ id: choiceId('debate', 'reply', debate.id), label: 'Something else — I’ll rephrase', style: 'secondary', input: DEBATE_REPLY_INPUT });
  return reply([
    { type: 'text', text: points.length > 1 ? 'I’m not sure which point you’re making. Did you mean one of these?' : 'I’m not sure I read you right. Did you mean this?' },
    { type: 'text', text: points.map((p, i) => `${i + 1}. ${p.claim} (${sideLabel(p.side)})`).join('\n') },
    { type: 'footer', text: 'Pick one and I’ll answer it, or rephrase. Asking doesn’t use up a turn.' },
    { type: 'choices', choices },
  ]);
}

/** The live id of a stored point id: a turn stored before a merge may name a retired one. */
function live(services: Services, id: string | null | undefined): string | undefined {
  return id ? services.pack.pointById.get(id)?.id ?? id : undefined;
}

/** Points of the user's side that they have not made yet: suggestions when an argument can't be placed. */
function unmadePoints(services: Services, debate: DebateRecord): Point[] {
  const made = new Set(debate.turns.map((t) => live(services, t.point)));
  return services.pack.pointsOf(debate.motionId, otherSide(debate.botSide)).filter((p) => !made.has(p.id));
}

/** "I can't place that", with ideas; recorded for the recap, but it does not use up a turn. */
async function unplaced(services: Services, debate: DebateRecord, reading: ReplyReading): Promise<Reply[]> {
  const { pack } = services;
  const userSide = otherSide(debate.botSide);
  // Each unplaced reply suggests the next few unmade points, so repeated misses show new ideas.
  const unmade = unmadePoints(services, debate);
  const offset = (debate.turns.filter((t) => t.kind === 'unplaced').length * 3) % Math.max(unmade.length, 1);
  const ideas = [...unmade.slice(offset), ...unmade.slice(0, offset)].slice(0, 3);
  const restated = reading.restates;
  const elsewhereMotion = reading.elsewhere && pack.motionById.get(reading.elsewhere.motion);
  const elsewherePoint = reading.elsewhere && pack.pointById.get(reading.elsewhere.point);
  const blocks: Block[] = [
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
    { type: 'footer', text: 'That reply didn’t count as a turn.' },
  ];
  const turn: DebateTurn = { by: 'user', kind: 'unplaced', point: null };
  const ok = await services.store.appendDebateTurns(debate.id, debate.turns.length, [turn], services.now().getTime());
  if (!ok) return [notice(CROSSED)];
  return [reply([...blocks, debateChoices(debate)])];
}

/**
 * An answer the bot can still give to a point: a linked counterpoint whose rebuttal it has not
 * used against this point yet, preferring one whose answering point it has not made at all (a
 * fresh argument). Only when none is left does it concede.
 */
function nextAnswer(services: Services, debate: DebateRecord, point: Point) {
  const made = new Set(debate.turns.filter((t) => t.by === 'bot').map((t) => live(services, t.point)));
  const usedOnThis = new Set(debate.turns.filter((t) => t.kind === 'rebut' && live(services, t.answers) === point.id).map((t) => live(services, t.point)));
  const unused = services.pack.answersTo(point.id).filter((c) => !usedOnThis.has(c.answer) && services.pack.pointById.has(c.answer));
  return unused.find((c) => !made.has(c.answer)) ?? unused[0];
}

/** The debate's answer to a point, recorded with a write that succeeds only if the debate has not moved on. */
async function placeArgument(services: Services, debate: DebateRecord, point: Point, crossed: string): Promise<Reply[]> {
  const { pack, store } = services;
  const userSide = otherSide(debate.botSide);
  const turns: DebateTurn[] = [];
  const blocks: Block[] = [];
  if (point.side === debate.botSide) {
    turns.push({ by: 'user', kind: 'own-goal', point: point.id });
    blocks.push(
      { type: 'text', text: `That argument supports my side, not yours: “${point.claim}” I’ll happily take it.` },
      { type: 'footer', text: `You are arguing ${sideLabel(userSide)}.` },
    );
  } else {
    turns.push({ by: 'user', kind: 'argue', point: point.id });
    const answer = nextAnswer(services, debate, point);
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
  if (!ok) return [notice(crossed)];
  const updated: DebateRecord = { ...debate, turns: [...debate.turns, ...turns] };
  if (placedArguments(updated) >= services.settings.debateTurnLimit) {
    await store.endDebate(debate.id, services.now().getTime());
    return [reply(blocks), recap(services, updated, 'That was the last reply of this debate.')];
  }
  return [reply([...blocks, debateChoices(updated)])];
}
