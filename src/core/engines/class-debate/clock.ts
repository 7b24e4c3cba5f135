import type { Platform, Services, Where } from '../../context.js';
import type { DueTask } from '../../background.js';
import type { Poster } from '../../poster.js';
import { keyParts, postOnce, type OnceKind, type OncePost } from '../../post-once.js';
import { RUNNING_CLASS_DEBATE, type ClassDebateRecord } from '../../store/class-debate-store.js';
import { reply, type Reply } from '../../reply.js';
import { MINUTE, nextDueAfter, ROUNDS, roundTitle, warningAt } from './rounds.js';
import { roundLine, sayChoices, SIDE_NAME } from './posts.js';
import { finishClassDebate } from './chair.js';

/**
 * The debate's clock, run by the background loop: the one-minute warning, "time" at the end of a
 * round (and the next round's start), the end of the closing vote, and the day after which a
 * forgotten debate closes itself. Deadlines live in the store, so a restart or another instance
 * carries on; each announcement is leased by (debate, kind, round) before anything is done about it
 * (src/core/post-once.ts), so it is posted once however many processes see it due or die posting it.
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
      const due = dueAnnouncement(debate, now);
      if (due) await postOnce(services, poster, announcementPost(services, debate, due));
      // Nothing is due after all (a stale deadline): move it on, so the loop does not spin on this debate.
      else await services.store.transitionClassDebate(debate.id, { status: [debate.status], round: debate.round }, { nextDue: nextDueAfter(debate, now) });
    } catch (err) {
      // One debate's failure must not hold up the others due at the same moment.
      services.logger.error({ err, debate: debate.id }, 'class debate clock failed');
    }
  }
}

/** What the clock says next in a debate: a round's warning or "time" (round by round), or the recap. */
export type Announcement = { kind: 'warning' | 'time'; round: number } | { kind: 'recap'; reason: 'expired' | 'vote-ended' };

/** What is due for one debate at `now`, from its record alone. */
export function dueAnnouncement(debate: ClassDebateRecord, now: number): Announcement | null {
  if (now >= debate.expiresAt) return { kind: 'recap', reason: 'expired' };
  if (debate.status === 'voting' && debate.voteEndsAt !== null && now >= debate.voteEndsAt) return { kind: 'recap', reason: 'vote-ended' };
  if (debate.status === 'live' && debate.format === 'rounds' && debate.roundEndsAt !== null) {
    if (now >= debate.roundEndsAt) return { kind: 'time', round: debate.round };
    const warn = warningAt(debate);
    if (warn !== null && now >= warn) return { kind: 'warning', round: debate.round };
  }
  return null;
}

function announcementKey(debateId: string, a: Announcement): string {
  return a.kind === 'recap' ? `debate:${debateId}:recap:${a.reason}` : `debate:${debateId}:${a.kind}:${a.round}`;
}

/** An announcement as a post made once; a channel the bot cannot reach cancels the debate. */
function announcementPost(services: Services, debate: ClassDebateRecord, a: Announcement): OncePost {
  const where: Where = { platform: debate.platform, serverId: debate.serverId, channelId: debate.channelId };
  return {
    key: announcementKey(debate.id, a),
    where,
    prepare: () => announce(services, debate.id, a),
    async unreachable() {
      // Nobody would hear the clock, and the debate would keep the channel from opening another.
      await services.store.transitionClassDebate(debate.id, { status: RUNNING_CLASS_DEBATE }, { status: 'cancelled', nextDue: null, closedAt: services.now().getTime() });
      services.logger.warn({ channel: debate.channelId, debate: debate.id }, 'class debate cancelled: the bot cannot post in its channel');
    },
  };
}

/**
 * Moves the debate on for an announcement (one process wins the conditional update) and returns
 * the post. Asked again after the move (the process posting it died), a warning or "time" is
 * rebuilt from the record; one that comes too late to mean anything (a later round is on) is dropped.
 * The recap is posted at most once: the chair's close may have posted it already.
 */
async function announce(services: Services, debateId: string, a: Announcement): Promise<Reply[] | null> {
  const { store } = services;
  const now = services.now().getTime();
  const debate = await store.getClassDebate(debateId);
  if (!debate) return null;
  if (a.kind === 'recap') {
    const recap = await finishClassDebate(services, debate, a.reason);
    return recap ? [recap] : null;
  }
  const r = a.round;
  if (a.kind === 'warning') {
    if (debate.status !== 'live' || debate.round !== r) return null;
    await store.transitionClassDebate(debate.id, { status: ['live'], round: r }, { nextDue: debate.roundEndsAt });
    return [warningPost(debate)];
  }
  const last = r + 1 >= ROUNDS.length;
  if (debate.status === 'live' && debate.round === r && debate.roundEndsAt !== null) {
    // After downtime the next round starts when it is announced, with its full time, rather than
    // half over or skipped: the clock pauses while nobody could hear it.
    const next: ClassDebateRecord = last
      ? { ...debate, roundEndsAt: null }
      : { ...debate, round: r + 1, roundEndsAt: now + debate.roundMinutes * MINUTE };
    next.nextDue = nextDueAfter(next, now);
    const moved = await store.transitionClassDebate(debate.id, { status: ['live'], round: r }, {
      round: next.round, roundEndsAt: next.roundEndsAt, nextDue: next.nextDue,
    });
    return moved ? [timePost(services, debate, next, now)] : announce(services, debateId, a);
  }
  const movedOn = last ? debate.round === r && debate.roundEndsAt === null : debate.round === r + 1;
  return debate.status === 'live' && movedOn ? [timePost(services, { ...debate, round: r }, debate, now)] : null;
}

/** Takes over an announcement whose poster died. */
export function classDebateKind(services: Services): OnceKind {
  return {
    prefix: 'debate',
    async recover(key) {
      const parts = keyParts(key, 3);
      const debate = parts ? await services.store.getClassDebate(parts[0]!) : null;
      if (!parts || !debate) return null;
      const [, kind, tail] = parts;
      const round = Number(tail);
      const a: Announcement | null = kind === 'recap' && (tail === 'expired' || tail === 'vote-ended') ? { kind: 'recap', reason: tail }
        : (kind === 'warning' || kind === 'time') && Number.isSafeInteger(round) ? { kind, round } : null;
      return a ? announcementPost(services, debate, a) : null;
    },
  };
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
