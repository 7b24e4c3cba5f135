import type { Side } from '../pack/schema.js';
import type { ChannelRef, Vote } from './records.js';

/** A class debate: two sides of a channel argue a motion, with a chair, a clock and a vote before and after. */

export type ClassDebateFormat = 'open' | 'rounds';

/**
 * lobby: people join sides and cast the opening vote; live: arguments are made; voting: the
 * closing vote is open; closed: the recap is out; cancelled: stopped without a recap.
 */
export type ClassDebateStatus = 'lobby' | 'live' | 'voting' | 'closed' | 'cancelled';

/** The statuses of a debate that still holds its channel (one at a time per channel). */
export const RUNNING_CLASS_DEBATE: readonly ClassDebateStatus[] = ['lobby', 'live', 'voting'];

export interface ClassDebateRecord extends ChannelRef {
  id: string;
  openerId: string;
  openerName: string;
  motionId: string;
  format: ClassDebateFormat;
  /** Minutes each round lasts (rounds format). */
  roundMinutes: number;
  /** At most this many arguments per person per round (the whole debate in the open format); null: no cap. */
  maxPerRound: number | null;
  status: ClassDebateStatus;
  /** The round under way: -1 before the debate begins; always 0 in the open format once live. */
  round: number;
  /** When the current round ends (rounds format), else null. */
  roundEndsAt: number | null;
  /** When the closing vote ends and the recap is posted. */
  voteEndsAt: number | null;
  /** The next moment background work has something to do for this debate (a warning, a round's end, the vote's end, expiry). */
  nextDue: number | null;
  /** A debate still running at this time closes itself with its recap. */
  expiresAt: number;
  createdAt: number;
  begunAt: number | null;
  closedAt: number | null;
}

/** The fields a conditional transition may change. */
export type ClassDebatePatch = Partial<Pick<ClassDebateRecord, 'status' | 'round' | 'roundEndsAt' | 'voteEndsAt' | 'nextDue' | 'begunAt' | 'closedAt'>>;

export interface ClassDebateMember {
  debateId: string;
  userId: string;
  userName: string;
  /** The side joined; null for someone who only voted. */
  side: Side | null;
  /** The opening vote (cast before the debate begins) and the closing one. */
  before: Vote | null;
  after: Vote | null;
  updatedAt: number;
}

export type JoinOutcome =
  | { kind: 'joined' }
  | { kind: 'switched'; from: Side }
  | { kind: 'already'; side: Side }
  /** Already on the other side after the debate began: switching is refused. */
  | { kind: 'refused'; side: Side }
  | { kind: 'not-running' };

export type StancePhase = 'before' | 'after';

export type StanceOutcome = { taken: true; previous: Vote | null } | { taken: false };

/** posted: shown in the channel; pending: waiting for its speaker to say which point it makes. */
export type ArgumentStatus = 'posted' | 'pending';

export interface ClassArgument {
  id: string;
  debateId: string;
  userId: string;
  userName: string;
  side: Side;
  round: number;
  text: string;
  /** The point it makes, null when it makes none the matcher (or its speaker) could name. */
  point: string | null;
  status: ArgumentStatus;
  /** For a pending argument: the points offered to its speaker. */
  candidates: string[];
  createdAt: number;
}

export type AddArgumentOutcome = 'added' | 'duplicate' | 'over-cap' | 'not-live';

export interface ClassDebateStore {
  /** Saves a debate unless its channel already has one running; null then. */
  createClassDebate(d: ClassDebateRecord): Promise<ClassDebateRecord | null>;
  getClassDebate(id: string): Promise<ClassDebateRecord | null>;
  /** The debate running in a channel (lobby, live or voting), if any. */
  runningClassDebate(where: ChannelRef): Promise<ClassDebateRecord | null>;
  /**
   * Applies `patch` only while the debate is in one of `from` (and, when given, on round `round`):
   * false when another request or instance moved it first.
   */
  transitionClassDebate(id: string, from: { status: readonly ClassDebateStatus[]; round?: number }, patch: ClassDebatePatch): Promise<boolean>;
  /** Running debates whose next timed event is at or before `now`. */
  dueClassDebates(platform: string, now: number): Promise<ClassDebateRecord[]>;
  /** The earliest timed event over running debates, to sleep until it. */
  nextClassDebateDue(platform: string): Promise<number | null>;

  /** Puts a person on a side: switching only in the lobby, joining while the debate runs (lobby or live). */
  joinClassDebate(debateId: string, user: { id: string; name: string }, side: Side, now: number): Promise<JoinOutcome>;
  /** Casts or changes a vote: the opening one only in the lobby, the closing one only while voting. */
  castClassStance(debateId: string, user: { id: string; name: string }, phase: StancePhase, vote: Vote, now: number): Promise<StanceOutcome>;
  classDebateMember(debateId: string, userId: string): Promise<ClassDebateMember | null>;
  classDebateMembers(debateId: string): Promise<ClassDebateMember[]>;

  /**
   * Records an argument while the debate is live on its round, unless the same person already made
   * the same argument in the round (a repeated delivery) or has used up `maxPerRound` there.
   */
  addClassArgument(a: ClassArgument, maxPerRound: number | null): Promise<AddArgumentOutcome>;
  getClassArgument(id: string): Promise<ClassArgument | null>;
  /** Posts a pending argument with the point its speaker picked, once: false when it was already posted. */
  resolveClassArgument(id: string, point: string | null): Promise<boolean>;
  /** Every argument of a debate, in the order they were made. */
  classArguments(debateId: string): Promise<ClassArgument[]>;

  /** Claims an announcement (debate, round, kind) once, across restarts and instances: false when already claimed. */
  claimClassAnnouncement(debateId: string, round: number, kind: string, now: number): Promise<boolean>;

  /** Whether anyone in a server may open a class debate (else admins only). */
  classDebateOpenToAll(platform: string, serverId: string): Promise<boolean>;
  setClassDebateOpenToAll(platform: string, serverId: string, openToAll: boolean, by: string, now: number): Promise<void>;
}
