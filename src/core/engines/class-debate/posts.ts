import type { Services } from '../../context.js';
import type { Point, Side } from '../../pack/schema.js';
import type { ClassArgument, ClassDebateMember, ClassDebateRecord } from '../../store/class-debate-store.js';
import type { Vote } from '../../store/records.js';
import { choiceId } from '../../ids.js';
import { MAX_USER_TEXT, reply, type Block, type Choice, type Reply, type TextInput } from '../../reply.js';
import { editorialLabel, pointLine, quoteBlock, sideLabel } from '../../present.js';
import { VOTES } from '../prompts.js';
import { formatLine, roundNow, roundTitle } from './rounds.js';
import type { Tally } from './tally.js';

/** The channel posts of a class debate: the lobby, the start, each argument, the closing vote. */

export const SAY_INPUT: TextInput = {
  title: 'Your argument', label: 'Make your argument', placeholder: 'Your point, in your own words', maxLength: MAX_USER_TEXT,
};

export const SIDE_NAME: Record<Side, string> = { for: 'For', against: 'Against' };

export function motionOf(services: Services, d: ClassDebateRecord) {
  return services.pack.motionById.get(d.motionId);
}

function sideCounts(members: readonly ClassDebateMember[]): Record<Side, number> {
  return {
    for: members.filter((m) => m.side === 'for').length,
    against: members.filter((m) => m.side === 'against').length,
  };
}

export function voteChoices(debateId: string, phase: 'before' | 'after'): Block {
  return { type: 'choices', choices: VOTES.map((v) => ({ id: choiceId('cd', 'vote', debateId, phase, v.vote), label: v.label, style: 'secondary' as const })) };
}

export function voteCount(members: readonly ClassDebateMember[], phase: 'before' | 'after'): Record<Vote, number> {
  const out: Record<Vote, number> = { agree: 0, disagree: 0, unsure: 0 };
  for (const m of members) {
    const v = m[phase];
    if (v) out[v] += 1;
  }
  return out;
}

function names(members: readonly ClassDebateMember[], side: Side): string {
  const list = members.filter((m) => m.side === side).map((m) => m.userName);
  return list.length ? list.join(', ') : 'nobody yet';
}

export function lobbyPost(services: Services, d: ClassDebateRecord, members: readonly ClassDebateMember[]): Reply {
  const motion = motionOf(services, d);
  const counts = sideCounts(members);
  const votes = voteCount(members, 'before');
  const voted = votes.agree + votes.disagree + votes.unsure;
  return reply([
    { type: 'heading', text: `Class debate — ${motion?.title ?? d.motionId}` },
    { type: 'text', text: `Motion: ${motion?.statement ?? d.motionId}\nChair: ${d.openerName}. ${formatLine(d)}` },
    { type: 'text', text: 'Join a side, and vote on the motion before we start: you can change your vote until the debate begins.' },
    {
      type: 'fields', fields: [
        { name: `For (${counts.for})`, value: names(members, 'for'), inline: true },
        { name: `Against (${counts.against})`, value: names(members, 'against'), inline: true },
      ],
    },
    {
      type: 'choices', choices: [
        { id: choiceId('cd', 'join', d.id, 'for'), label: 'Join For', style: 'success' },
        { id: choiceId('cd', 'join', d.id, 'against'), label: 'Join Against', style: 'danger' },
      ],
    },
    voteChoices(d.id, 'before'),
    { type: 'footer', text: `Opening vote: ${voted} cast. The chair starts the debate with /debate begin.` },
  ]);
}

export function sayChoices(d: ClassDebateRecord, extra: Choice[] = []): Block {
  return {
    type: 'choices',
    choices: [
      { id: choiceId('cd', 'say', d.id), label: 'Say', style: 'primary', input: SAY_INPUT },
      ...extra,
      { id: choiceId('cd', 'board', d.id), label: 'Scoreboard', style: 'secondary' },
    ],
  };
}

/** When a round ends, as the clock on the wall says it (UTC minutes are enough to count down by). */
function minutesLeft(d: ClassDebateRecord, now: number): string {
  if (d.roundEndsAt === null) return '';
  const left = Math.max(0, Math.ceil((d.roundEndsAt - now) / 60_000));
  return `${left} minute${left === 1 ? '' : 's'} left`;
}

export function roundLine(d: ClassDebateRecord, now: number): string {
  if (d.status === 'lobby') return 'The debate has not begun yet.';
  if (d.status === 'voting') return 'The closing vote is open.';
  if (d.status !== 'live') return 'The debate is over.';
  if (d.format === 'open') return 'Anyone on a side may speak: /debate say <argument> or the Say button.';
  const r = roundNow(d);
  if (!r) return 'The rounds are over: the chair closes the debate with /debate close.';
  return `${roundTitle(d.round)}: ${minutesLeft(d, now)}. ${SIDE_NAME[r.side]} speaks with /debate say <argument> or the Say button.`;
}

export function beginPost(services: Services, d: ClassDebateRecord, members: readonly ClassDebateMember[], now: number): Reply {
  const motion = motionOf(services, d);
  const votes = voteCount(members, 'before');
  return reply([
    { type: 'heading', text: `The debate begins — ${motion?.title ?? d.motionId}` },
    { type: 'text', text: `Motion: ${motion?.statement ?? d.motionId}` },
    {
      type: 'fields', fields: [
        { name: `For (${sideCounts(members).for})`, value: names(members, 'for'), inline: true },
        { name: `Against (${sideCounts(members).against})`, value: names(members, 'against'), inline: true },
        { name: 'Opening vote', value: `Agree ${votes.agree} · Disagree ${votes.disagree} · Not sure ${votes.unsure}` },
      ],
    },
    { type: 'text', text: roundLine(d, now) },
    sayChoices(d),
    { type: 'footer', text: 'The bot chairs: it tags each argument with the point it makes, and does not take a side.' },
  ]);
}

/** How an argument is shown: under its speaker's name, tagged with the point it makes and, for the author's points, his words. */
export function argumentPost(services: Services, d: ClassDebateRecord, arg: ClassArgument, earlier: readonly ClassArgument[]): Reply {
  const { pack } = services;
  const point = arg.point ? pack.pointById.get(arg.point) : undefined;
  const blocks: Block[] = [
    { type: 'heading', text: `${arg.userName} — ${sideLabel(arg.side)}` },
    { type: 'text', text: arg.text },
  ];
  const extra: Choice[] = [];
  if (point) {
    const own = point.side === arg.side;
    blocks.push({ type: 'text', text: `${own ? 'Makes the point' : 'Makes a point of the other side'}: ${point.claim}` });
    if (own) {
      const answered = answeredHere(services, point, arg.side, earlier);
      if (answered.length) blocks.push({ type: 'text', text: `Answers: ${answered.map((p) => p.claim).join(' · ')}` });
    }
    const quote = point.source === 'author' ? point.quotes[0] : undefined;
    if (quote) blocks.push(quoteBlock(pack, quote));
    else blocks.push({ type: 'footer', text: editorialLabel(point) });
    if (own) {
      const other: Side = arg.side === 'for' ? 'against' : 'for';
      extra.push({ id: choiceId('cd', 'hint', d.id, arg.id), label: `Hint for ${SIDE_NAME[other]} (private)`, style: 'secondary' });
    }
  }
  blocks.push(sayChoices(d, extra));
  return reply(blocks);
}

/** The points of the other side, made before this argument, that this point answers. */
function answeredHere(services: Services, point: Point, side: Side, earlier: readonly ClassArgument[]): Point[] {
  const { pack } = services;
  const theirs = new Set(earlier.filter((a) => a.status === 'posted' && a.side !== side && a.point).map((a) => a.point!));
  return pack.counterpoints
    .filter((c) => c.answer === point.id && theirs.has(c.point) && pack.pointById.get(c.point)?.side !== side)
    .map((c) => pack.pointById.get(c.point)!)
    .filter(Boolean);
}

/** The scoreboard's fields: what each side made, and what stands unanswered. */
export function tallyFields(t: Tally): Block {
  const side = (s: Side) => t.made[s].map(({ point, by }) => {
    const answers = t.answeredBy.get(point.id);
    const status = answers ? `answered by: ${answers.map((a) => a.claim).join(' / ')}` : 'unanswered';
    return `${pointLine(point)} — ${by.join(', ')} — ${status}`;
  }).join('\n') || '—';
  return {
    type: 'fields', fields: [
      { name: `For: ${t.made.for.length} point${t.made.for.length === 1 ? '' : 's'} made`, value: side('for') },
      { name: `Against: ${t.made.against.length} point${t.made.against.length === 1 ? '' : 's'} made`, value: side('against') },
      { name: 'Standing unanswered', value: t.unanswered.map(pointLine).join('\n') || 'None' },
    ],
  };
}

export function boardPost(services: Services, d: ClassDebateRecord, t: Tally, now: number): Reply {
  const motion = motionOf(services, d);
  return reply([
    { type: 'heading', text: `Scoreboard — ${motion?.title ?? d.motionId}` },
    { type: 'text', text: roundLine(d, now) },
    tallyFields(t),
    { type: 'footer', text: `${t.posted} argument${t.posted === 1 ? '' : 's'} posted; ${t.untagged} made no point of the article.` },
  ]);
}

export function votePost(services: Services, d: ClassDebateRecord, members: readonly ClassDebateMember[]): Reply {
  const motion = motionOf(services, d);
  const cast = voteCount(members, 'after');
  const total = cast.agree + cast.disagree + cast.unsure;
  return reply([
    { type: 'heading', text: `Closing vote — ${motion?.title ?? d.motionId}` },
    { type: 'text', text: `The arguments are in. Where do you stand now? Agree, disagree or not sure with: ${motion?.statement ?? d.motionId}` },
    voteChoices(d.id, 'after'),
    { type: 'choices', choices: [{ id: choiceId('cd', 'recap', d.id), label: 'End the vote: recap (chair)', style: 'secondary' }] },
    { type: 'footer', text: `${total} vote${total === 1 ? '' : 's'} cast; you can change yours. The vote closes by itself in a couple of minutes.` },
  ]);
}

