import type { Platform } from '../context.js';

/** Rows the engines read and write, in the store's own words (times are epoch milliseconds). */

export interface ChannelRef {
  platform: Platform;
  serverId: string;
  channelId: string;
}

export type DebateTurnKind =
  /** bot: its opening point; user: an argument placed on the user's side. */
  | 'argue'
  /** bot: a counterpoint to the user's last argument. */
  | 'rebut'
  /** bot: no answer left to the user's point. */
  | 'concede'
  /** user: an argument that makes the bot's side. */
  | 'own-goal'
  /** user: an argument the matcher could not place. */
  | 'unplaced';

export interface DebateTurn {
  by: 'user' | 'bot';
  kind: DebateTurnKind;
  /** The pack point the turn made, or null when none. */
  point: string | null;
  /** The user's point a rebuttal or concession answers. */
  answers?: string;
}

export interface DebateRecord extends ChannelRef {
  id: string;
  userId: string;
  motionId: string;
  botSide: 'for' | 'against';
  status: 'active' | 'ended';
  turns: DebateTurn[];
  createdAt: number;
  updatedAt: number;
}

export type QuizMode = 'solo' | 'channel';

/** When a channel quiz shows each question's answer: as the question closes, or all together at the end. */
export type QuizReveal = 'each' | 'end';

export interface QuizRecord extends ChannelRef {
  id: string;
  starterId: string;
  mode: QuizMode;
  /** Question ids in the order asked, and for each the order its options are shown in. */
  questions: { id: string; order: number[] }[];
  current: number;
  status: 'active' | 'finished' | 'stopped';
  /** Channel mode: when the current question closes. */
  deadline: number | null;
  /** Channel mode: seconds each question stays open, when an admin set them; else the configured default. */
  seconds: number | null;
  reveal: QuizReveal;
  createdAt: number;
}

export interface QuizAnswer {
  quizId: string;
  /** The position of the question in its quiz. */
  question: number;
  /** The pack's id of the question: a person scores on it once per season, whichever quiz asks it. */
  questionId: string;
  userId: string;
  userName: string;
  /** Index into the shown (shuffled) options. */
  option: number;
  correct: boolean;
  answeredAt: number;
  /** As read back: whether this answer is the one that scores (the person's first to the question this season). */
  counted?: boolean;
}

export interface LeaderboardRow {
  userId: string;
  userName: string;
  /** One point per question answered right the first time it was answered this season. */
  points: number;
  /** Questions answered for the first time this season (retakes are not counted again). */
  answered: number;
}

export interface LeaderboardQuery {
  platform: string;
  serverId: string;
  season: number;
  /** Only answers first given in this channel; the whole server when left out. */
  channelId?: string;
  since: number;
  limit: number;
}

/** A quiz season of a server: the leaderboard counts each season on its own; old ones stay viewable. */
export interface SeasonRecord {
  platform: string;
  serverId: string;
  number: number;
  startedAt: number;
  startedBy: string;
}

export interface PromptPostRecord extends ChannelRef {
  id: string;
  promptId: string;
  scheduleId: string | null;
  slot: number | null;
  messageId: string | null;
  createdAt: number;
  /** When the prompt stops taking votes and its tally is posted; null while nothing has set it. */
  closesAt: number | null;
  /** When the close was carried out (the tally posted); null while the prompt is open. */
  closedAt: number | null;
}

export type Vote = 'agree' | 'disagree' | 'unsure';

/** A vote as cast, changed (a new event) or withdrawn (vote null): enough to tally a prompt at any moment. */
export interface VoteEvent {
  userId: string;
  vote: Vote | null;
  at: number;
}

export interface CastVote {
  /** False when the prompt is closed (or unknown): nothing was written. */
  recorded: boolean;
  previous: Vote | null;
  /** The post's tally with this vote in it, read in the same write; null when nothing was recorded. */
  tally: Record<Vote, number> | null;
}

