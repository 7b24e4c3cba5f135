import type { Actor, Platform } from '../context.js';
import type { ChannelRef, DebateRecord, QuizMode, Vote } from './records.js';

/** What the teacher's exports read: flat rows, one per answer, vote or debate. */

export interface ExportFilter {
  platform?: Platform;
  serverId?: string;
  channelId?: string;
  /** Epoch ms: only what happened at or after it. */
  since?: number;
}

export interface QuizAnswerExportRow extends ChannelRef {
  quizId: string;
  mode: QuizMode;
  quizStartedAt: number;
  season: number | null;
  question: number;
  questionId: string | null;
  userId: string;
  userName: string;
  /** The shown position of the option chosen (0 = A) and the order the options were shown in. */
  option: number;
  order: number[];
  correct: boolean;
  counted: boolean;
  answeredAt: number;
}

export interface VoteExportRow extends ChannelRef {
  postId: string;
  promptId: string;
  scheduleId: string | null;
  postedAt: number;
  closedAt: number | null;
  userId: string;
  /** The name the platform showed when the vote was cast; null for votes cast before names were kept. */
  userName: string | null;
  vote: Vote;
  votedAt: number;
}

export interface DebateExportRow extends DebateRecord {
  /** The name the platform last showed for the debater, when known. */
  userName: string | null;
}

export interface ResultsStore {
  /** Keeps the name a platform shows for a person, so exports can show it beside the id. */
  rememberPerson(where: ChannelRef, person: Actor, now: number): Promise<void>;
  exportQuizAnswers(filter: ExportFilter): Promise<QuizAnswerExportRow[]>;
  exportVotes(filter: ExportFilter): Promise<VoteExportRow[]>;
  exportDebates(filter: ExportFilter): Promise<DebateExportRow[]>;
  /** The person's most recent debate on this platform and server (running or ended), or null. */
  lastDebate(where: ChannelRef, userId: string): Promise<DebateRecord | null>;
}
