import type { Side } from '../../pack/schema.js';
import type { ClassDebateRecord } from '../../store/class-debate-store.js';

/**
 * The `rounds` format: opening, rebuttal and closing, each side in turn, For first, as a school
 * debate runs. The `open` format has a single round in which anyone on a side may speak.
 */
export const ROUNDS: readonly { stage: 'Opening' | 'Rebuttal' | 'Closing'; side: Side }[] = [
  { stage: 'Opening', side: 'for' },
  { stage: 'Opening', side: 'against' },
  { stage: 'Rebuttal', side: 'for' },
  { stage: 'Rebuttal', side: 'against' },
  { stage: 'Closing', side: 'for' },
  { stage: 'Closing', side: 'against' },
];

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
/** How long the closing vote stays open before the recap is posted (the chair may end it sooner). */
export const VOTE_MINUTES = 2;
export const DEFAULT_ROUND_MINUTES = 3;

/** Whose turn it is, in the rounds format: null before the first and after the last round. */
export function roundNow(d: Pick<ClassDebateRecord, 'format' | 'status' | 'round' | 'roundEndsAt'>) {
  if (d.format !== 'rounds' || d.status !== 'live' || d.roundEndsAt === null) return null;
  return ROUNDS[d.round] ?? null;
}

/** When the one-minute warning of the current round falls, or null when the round is too short for one. */
export function warningAt(d: Pick<ClassDebateRecord, 'roundMinutes' | 'roundEndsAt'>): number | null {
  return d.roundEndsAt !== null && d.roundMinutes > 1 ? d.roundEndsAt - MINUTE : null;
}

/**
 * The next moment background work has something to do for a debate, after `now`: the warning, the
 * end of the round, the end of the closing vote, or the day's end that closes a forgotten debate.
 */
export function nextDueAfter(d: ClassDebateRecord, now: number): number {
  const candidates = [d.expiresAt];
  if (d.status === 'live' && d.format === 'rounds' && d.roundEndsAt !== null) {
    const warn = warningAt(d);
    candidates.push(warn !== null && warn > now ? warn : d.roundEndsAt);
  }
  if (d.status === 'voting' && d.voteEndsAt !== null) candidates.push(d.voteEndsAt);
  return Math.min(...candidates);
}

export function formatLine(d: Pick<ClassDebateRecord, 'format' | 'roundMinutes' | 'maxPerRound'>): string {
  const cap = d.maxPerRound ? ` Up to ${d.maxPerRound} argument${d.maxPerRound === 1 ? '' : 's'} per person per round.` : '';
  if (d.format === 'open') {
    return `Format: open — anyone on a side may speak at any time.${d.maxPerRound ? ` Up to ${d.maxPerRound} argument${d.maxPerRound === 1 ? '' : 's'} per person.` : ''}`;
  }
  return `Format: rounds — opening, rebuttal and closing, ${d.roundMinutes} minute${d.roundMinutes === 1 ? '' : 's'} each, sides taking turns (For first).${cap}`;
}

export function roundTitle(index: number): string {
  const r = ROUNDS[index];
  return r ? `Round ${index + 1} of ${ROUNDS.length} — ${r.stage}, ${r.side === 'for' ? 'For' : 'Against'}` : '';
}
