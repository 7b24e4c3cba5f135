import type { BaseContext, Services } from '../../context.js';
import { RUNNING_CLASS_DEBATE, type ClassDebateRecord } from '../../store/class-debate-store.js';
import { notice, reply, type Reply } from '../../reply.js';
import { MINUTE, nextDueAfter, VOTE_MINUTES } from './rounds.js';
import { beginPost, boardPost, motionOf, votePost } from './posts.js';
import { recapPost, type RecapReason } from './recap.js';
import { tallyArguments } from './tally.js';
import { canChair, chairOnly, NOT_RUNNING, runningDebateHere } from './lobby.js';

/** What the chair does: begin, close (the closing vote, then the recap), cancel; and the scoreboard anyone may ask for. */

const NONE_HERE = notice('There is no class debate running in this channel. An admin can open one with /debate open.');

export async function beginClassDebate(ctx: BaseContext): Promise<Reply> {
  const { services } = ctx;
  const debate = await runningDebateHere(ctx);
  if (!debate) return NONE_HERE;
  if (!canChair(ctx, debate)) return chairOnly(debate, 'begin the debate');
  if (debate.status !== 'lobby') return notice('This debate has already begun.');
  const members = await services.store.classDebateMembers(debate.id);
  const empty = (['for', 'against'] as const).filter((s) => !members.some((m) => m.side === s));
  if (empty.length) {
    return notice(`Nobody is on the ${empty.map((s) => (s === 'for' ? 'For' : 'Against')).join(' or the ')} side yet: a debate needs both. People join with the Join buttons, or /debate join side:for.`);
  }
  const now = services.now().getTime();
  const roundEndsAt = debate.format === 'rounds' ? now + debate.roundMinutes * MINUTE : null;
  const live: ClassDebateRecord = { ...debate, status: 'live', round: 0, roundEndsAt, begunAt: now };
  live.nextDue = nextDueAfter(live, now);
  if (!(await services.store.transitionClassDebate(debate.id, { status: ['lobby'] }, {
    status: 'live', round: 0, roundEndsAt, begunAt: now, nextDue: live.nextDue,
  }))) {
    return notice('This debate has already begun.');
  }
  services.wake();
  return beginPost(services, live, members, now);
}

export async function closeClassDebate(ctx: BaseContext): Promise<Reply> {
  const { services } = ctx;
  const debate = await runningDebateHere(ctx);
  if (!debate) return NONE_HERE;
  if (!canChair(ctx, debate)) return chairOnly(debate, 'close the debate');
  // Closing twice ends the vote at once: the chair need not wait for the clock.
  if (debate.status === 'voting') return (await finishClassDebate(services, debate, 'chair')) ?? notice('This debate has already closed.');
  const now = services.now().getTime();
  const voting: ClassDebateRecord = { ...debate, status: 'voting', roundEndsAt: null, voteEndsAt: now + VOTE_MINUTES * MINUTE };
  voting.nextDue = nextDueAfter(voting, now);
  if (!(await services.store.transitionClassDebate(debate.id, { status: ['lobby', 'live'] }, {
    status: 'voting', roundEndsAt: null, voteEndsAt: voting.voteEndsAt, nextDue: voting.nextDue,
  }))) {
    return notice('This debate is already closing.');
  }
  services.wake();
  return votePost(services, voting, await services.store.classDebateMembers(debate.id));
}

/** The Recap button on the closing vote: the chair ends the vote now. */
export async function recapNow(ctx: BaseContext, debateId: string): Promise<Reply> {
  const debate = await ctx.services.store.getClassDebate(debateId);
  if (!debate || debate.status !== 'voting') return notice(debate?.status === 'closed' ? 'The recap is already out.' : NOT_RUNNING);
  if (!canChair(ctx, debate)) return chairOnly(debate, 'end the vote');
  return (await finishClassDebate(ctx.services, debate, 'chair')) ?? notice('The recap is already out.');
}

/**
 * Closes a running debate and writes its recap, once: the process whose transition wins (and whose
 * claim on the recap lands) is the one that posts it. Null when another got there first.
 */
export async function finishClassDebate(services: Services, debate: ClassDebateRecord, reason: RecapReason): Promise<Reply | null> {
  const now = services.now().getTime();
  const closed = await services.store.transitionClassDebate(debate.id, { status: RUNNING_CLASS_DEBATE }, {
    status: 'closed', closedAt: now, roundEndsAt: null, nextDue: null,
  });
  if (!closed || !(await services.store.claimClassAnnouncement(debate.id, 0, 'recap', now))) return null;
  return recapPost(services, { ...debate, status: 'closed', closedAt: now }, reason);
}

export async function cancelClassDebate(ctx: BaseContext): Promise<Reply> {
  const debate = await runningDebateHere(ctx);
  if (!debate) return NONE_HERE;
  if (!canChair(ctx, debate)) return chairOnly(debate, 'cancel the debate');
  const now = ctx.services.now().getTime();
  if (!(await ctx.services.store.transitionClassDebate(debate.id, { status: RUNNING_CLASS_DEBATE }, { status: 'cancelled', closedAt: now, nextDue: null }))) {
    return notice(NOT_RUNNING);
  }
  const motion = motionOf(ctx.services, debate);
  return reply([{ type: 'text', text: `The class debate on “${motion?.title ?? debate.motionId}” was cancelled by ${ctx.user.name}. No recap was made.` }]);
}

export async function showBoard(ctx: BaseContext, debateId?: string): Promise<Reply> {
  const { services } = ctx;
  const debate = debateId ? await services.store.getClassDebate(debateId) : await runningDebateHere(ctx);
  if (!debate) return NONE_HERE;
  const tally = tallyArguments(services.pack, await services.store.classArguments(debate.id));
  return boardPost(services, debate, tally, services.now().getTime());
}
