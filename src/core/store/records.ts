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
  createdAt: number;
}

export interface QuizAnswer {
  quizId: string;
  question: number;
  userId: string;
  userName: string;
  /** Index into the shown (shuffled) options. */
  option: number;
  correct: boolean;
  answeredAt: number;
}

export interface LeaderboardRow {
  userId: string;
  userName: string;
  correct: number;
  answered: number;
}

export interface PromptPostRecord extends ChannelRef {
  id: string;
  promptId: string;
  scheduleId: string | null;
  slot: number | null;
  messageId: string | null;
  createdAt: number;
}

export type Vote = 'agree' | 'disagree' | 'unsure';
