import type { BaseContext } from '../../context.js';
import type { Side } from '../../pack/schema.js';
import type { ClassDebateFormat, ClassDebateRecord, StancePhase } from '../../store/class-debate-store.js';
import type { Vote } from '../../store/records.js';
import { newId } from '../../ids.js';
import { notice, privateReply, type Reply } from '../../reply.js';
import { sideLabel } from '../../present.js';
import { VOTES } from '../prompts.js';
import { DAY, DEFAULT_ROUND_MINUTES } from './rounds.js';
import { lobbyPost, votePost } from './posts.js';

/** Opening a class debate, and what people do before it begins: join a side, cast the opening vote. */

export const NOT_RUNNING = 'This class debate is no longer running.';

export async function runningDebateHere(ctx: BaseContext): Promise<ClassDebateRecord | null> {
  return ctx.services.store.runningClassDebate(ctx);
}

/** The opener chairs; an admin may stand in (a teacher who did not open it, a stuck debate). */
export function canChair(ctx: BaseContext, d: ClassDebateRecord): boolean {
  return ctx.isAdmin || ctx.user.id === d.openerId;
}

export function chairOnly(d: ClassDebateRecord, what: string): Reply {
  return notice(`Only the chair (${d.openerName}) or an admin can ${what}.`);
}

export async function openClassDebate(
  ctx: BaseContext, options: { motion?: string; format?: string; minutes?: number; cap?: number },
): Promise<Reply> {
  const { services } = ctx;
  const { pack, store } = services;
  if (!ctx.isAdmin && !(await store.classDebateOpenToAll(ctx.platform, ctx.serverId))) {
    return notice('Only admins can open a class debate in this server. An admin can let everyone do it with /debate access who:everyone.');
  }
  const motion = options.motion ? pack.motionById.get(options.motion) : pack.motions[Math.floor(services.random() * pack.motions.length)];
  if (!motion) return notice(`There is no motion “${options.motion}”. Motions: ${pack.motions.map((m) => m.id).join(', ')}.`);
  const format: ClassDebateFormat = options.format === 'rounds' ? 'rounds' : 'open';
  const now = services.now().getTime();
  const debate: ClassDebateRecord = {
    id: newId(), platform: ctx.platform, serverId: ctx.serverId, channelId: ctx.channelId,
    openerId: ctx.user.id, openerName: ctx.user.name, motionId: motion.id, format,
    roundMinutes: options.minutes ?? DEFAULT_ROUND_MINUTES, maxPerRound: options.cap ?? null,
    status: 'lobby', round: -1, roundEndsAt: null, voteEndsAt: null, nextDue: now + DAY, expiresAt: now + DAY,
    createdAt: now, begunAt: null, closedAt: null,
  };
  const created = await store.createClassDebate(debate);
  if (!created) {
    return notice('This channel already has a class debate running. Its chair can close it with /debate close, or cancel it with /debate cancel.');
  }
  services.wake();
  return lobbyPost(services, created, []);
}

export async function joinSide(ctx: BaseContext, side: Side, debateId?: string): Promise<Reply[]> {
  const { store, now } = ctx.services;
  const debate = debateId ? await store.getClassDebate(debateId) : await runningDebateHere(ctx);
  if (!debate) return [notice('There is no class debate running in this channel. An admin can open one with /debate open.')];
  const outcome = await store.joinClassDebate(debate.id, { id: ctx.user.id, name: ctx.user.name }, side, now().getTime());
  switch (outcome.kind) {
    case 'not-running':
      return [notice(NOT_RUNNING)];
    case 'already':
      return [notice(`You are already on the ${side === 'for' ? 'For' : 'Against'} side (${sideLabel(side)}).`)];
    case 'refused':
      return [notice(`The debate has begun, so you stay on the ${outcome.side === 'for' ? 'For' : 'Against'} side: sides can be switched only before it begins.`)];
    case 'joined':
    case 'switched': {
      const confirm = privateReply([{
        type: 'text',
        text: `You are on the ${side === 'for' ? 'For' : 'Against'} side: you argue ${sideLabel(side)}.${outcome.kind === 'switched' ? ' (You switched sides.)' : ''}`,
      }]);
      const current = await store.getClassDebate(debate.id);
      // The lobby post shows who is on which side; once the debate runs, the clicked post is history.
      if (current?.status !== 'lobby' || !debateId) return [confirm];
      return [{ ...lobbyPost(ctx.services, current, await store.classDebateMembers(debate.id)), replaceOriginal: true }, confirm];
    }
  }
}

export async function castStance(ctx: BaseContext, debateId: string, phase: StancePhase, vote: Vote): Promise<Reply[]> {
  const { store, now } = ctx.services;
  const entry = VOTES.find((v) => v.vote === vote);
  const debate = await store.getClassDebate(debateId);
  if (!entry || !debate) return [notice(NOT_RUNNING)];
  const cast = await store.castClassStance(debate.id, { id: ctx.user.id, name: ctx.user.name }, phase, vote, now().getTime());
  if (!cast.taken) {
    return [notice(phase === 'before'
      ? 'The opening vote closed when the debate began.'
      : 'The closing vote is not open: it opens when the chair closes the debate, and ends with the recap.')];
  }
  const was = cast.previous && cast.previous !== vote ? ` (changed from ${VOTES.find((v) => v.vote === cast.previous)?.label})` : '';
  const members = await store.classDebateMembers(debate.id);
  const post = phase === 'before' ? lobbyPost(ctx.services, debate, members) : votePost(ctx.services, debate, members);
  return [
    { ...post, replaceOriginal: true },
    privateReply([{ type: 'text', text: `Your ${phase === 'before' ? 'opening' : 'closing'} vote: ${entry.label}${was}.` }]),
  ];
}

export async function setAccess(ctx: BaseContext, who: string | undefined): Promise<Reply> {
  const openToAll = who === 'everyone';
  await ctx.services.store.setClassDebateOpenToAll(ctx.platform, ctx.serverId, openToAll, ctx.user.id, ctx.services.now().getTime());
  return notice(openToAll
    ? 'Anyone in this server can now open a class debate with /debate open.'
    : 'Only admins can now open a class debate in this server.');
}
