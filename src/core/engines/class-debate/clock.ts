import type { Platform, Services, Where } from '../../context.js';
import type { DueTask } from '../../background.js';
import { cannotReachChannel, type Poster } from '../../poster.js';
import { RUNNING_CLASS_DEBATE, type ClassDebateRecord } from '../../store/class-debate-store.js';
import { reply, type Reply } from '../../reply.js';
import { MINUTE, nextDueAfter, ROUNDS, roundTitle, warningAt } from './rounds.js';
import { roundLine, sayChoices, SIDE_NAME } from './posts.js';
import { finishClassDebate } from './chair.js';

/**
 * The debate's clock, run by the background loop: the one-minute warning, "time" at the end of a
 * round (and the next round's start), the end of the closing vote, and the day after which a
 * forgotten debate closes itself. Deadlines live in the store, so a restart or another instance
 * carries on; each announcement is claimed by (debate, round, kind) before it is posted, so it is
 * posted once however many processes see it due.
 */

export function classDebateTask(services: Services, platform: Platform, poster: Poster): DueTask {
  return {
    name: 'class-debate-clock',
    runDue: () => runDueClassDebates(services, platform, poster),
    nextDue: () => services.store.nextClassDebateDue(platform),
  };
}

export async function runDueClassDebates(services: Services, platform: Platform, poster: Poster): Promise<void> {
  const now = services.now().getTime();
  for (const debate of await services.store.dueClassDebates(platform, now)) {
    try {
      const posts = await stepDebate(services, debate, now);
      await postAll(services, poster, debate, posts);
    } catch (err) {
      // One debate's failure must not hold up the others due at the same moment.
      services.logger.error({ err, debate: debate.id }, 'class debate clock failed');
    }
  }
}

async function postAll(services: Services, poster: Poster, debate: ClassDebateRecord, posts: Reply[]): Promise<void> {
  const where: Where = { platform: debate.platform, serverId: debate.serverId, channelId: debate.channelId };
  for (const post of posts) {
    try {
      await poster.post(where, post);
    } catch (err) {
      const log = { err, channel: debate.channelId, debate: debate.id };
      if (cannotReachChannel(err)) {
        // Nobody would hear the clock, and the debate would keep the channel from opening another.
        await services.store.transitionClassDebate(debate.id, { status: RUNNING_CLASS_DEBATE }, { status: 'cancelled', nextDue: null, closedAt: services.now().getTime() });
        services.logger.warn(log, 'class debate cancelled: the bot cannot post in its channel');
        return;
      }
      services.logger.warn(log, 'class debate announcement could not be posted');
    }
  }
}

/** What is due for one debate at `now`: the state moves first (one process wins), then the claimed posts. */
export async function stepDebate(services: Services, debate: ClassDebateRecord, now: number): Promise<Reply[]> {
  const { store } = services;
  if (now >= debate.expiresAt) {
    const recap = await finishClassDebate(services, debate, 'expired');
    return recap ? [recap] : [];
  }
  if (debate.status === 'voting' && debate.voteEndsAt !== null && now >= debate.voteEndsAt) {
    const recap = await finishClassDebate(services, debate, 'vote-ended');
    return recap ? [recap] : [];
  }
  if (debate.status === 'live' && debate.format === 'rounds' && debate.roundEndsAt !== null) {
    const r = debate.round;
    if (now >= debate.roundEndsAt) return endRound(services, debate, now);
    const warn = warningAt(debate);
    if (warn !== null && now >= warn) {
      const claimed = await store.claimClassAnnouncement(debate.id, r, 'warning', now);
      await store.transitionClassDebate(debate.id, { status: ['live'], round: r }, { nextDue: debate.roundEndsAt });
      return claimed ? [warningPost(debate)] : [];
    }
  }
  // Nothing is due after all (a stale deadline): move it on, so the loop does not spin on this debate.
  await store.transitionClassDebate(debate.id, { status: [debate.status], round: debate.round }, { nextDue: nextDueAfter(debate, now) });
  return [];
}

async function endRound(services: Services, debate: ClassDebateRecord, now: number): Promise<Reply[]> {
  const { store } = services;
  const r = debate.round;
  const claimed = await store.claimClassAnnouncement(debate.id, r, 'time', now);
  const last = r + 1 >= ROUNDS.length;
  // After downtime the next round starts when it is announced, with its full time, rather than
  // half over or skipped: the clock pauses while nobody could hear it.
  const next: ClassDebateRecord = last
    ? { ...debate, roundEndsAt: null }
    : { ...debate, round: r + 1, roundEndsAt: now + debate.roundMinutes * MINUTE };
  next.nextDue = nextDueAfter(next, now);
  await store.transitionClassDebate(debate.id, { status: ['live'], round: r }, {
    round: next.round, roundEndsAt: next.roundEndsAt, nextDue: next.nextDue,
  });
  return claimed ? [timePost(services, debate, next, now)] : [];
}

function warningPost(d: ClassDebateRecord): Reply {
  const side = ROUNDS[d.round]?.side;
  return reply([{ type: 'text', text: `⏱ One minute left in ${roundTitle(d.round)}.${side ? ` ${SIDE_NAME[side]}, make your last points.` : ''}` }]);
}

function timePost(services: Services, ended: ClassDebateRecord, next: ClassDebateRecord, now: number): Reply {
  if (next.roundEndsAt === null) {
    return reply([
      { type: 'heading', text: `Time! ${roundTitle(ended.round)} is over` },
      { type: 'text', text: 'That was the last round. The chair closes the debate with /debate close: the closing vote, then the recap.' },
    ]);
  }
  return reply([
    { type: 'heading', text: `Time! ${roundTitle(ended.round)} is over` },
    { type: 'text', text: `Next: ${roundLine(next, now)}` },
    sayChoices(next),
  ]);
}
