import type {
  ChannelRef, DebateRecord, DebateTurn, LeaderboardRow, PromptPostRecord, QuizAnswer, QuizRecord, Vote,
} from './records.js';
import type { ScheduleStore } from './schedule-store.js';

/**
 * Everything the bot keeps. One interface, implemented once over Kysely for SQLite (the default)
 * and Postgres (scale-out); both pass the same contract tests. No handler writes SQL.
 *
 * Every effect that must happen once is a conditional write that reports whether it won, so a
 * repeated request, a double click or a second instance becomes a no-op.
 */
export interface Store extends ScheduleStore {
  /** Records a request key; false when it was seen before (a retried delivery). */
  claimRequest(key: string, now: number): Promise<boolean>;

  // Debates: one active debate per person per channel.
  createDebate(d: DebateRecord): Promise<DebateRecord | null>;
  activeDebate(where: ChannelRef, userId: string): Promise<DebateRecord | null>;
  getDebate(id: string): Promise<DebateRecord | null>;
  /** Appends turns only if the debate still has `expectedTurns` turns; false when another write came first. */
  appendDebateTurns(id: string, expectedTurns: number, turns: DebateTurn[], now: number): Promise<boolean>;
  endDebate(id: string, now: number): Promise<boolean>;

  // Quizzes.
  createQuiz(q: QuizRecord): Promise<QuizRecord | null>;
  activeQuiz(where: ChannelRef): Promise<QuizRecord | null>;
  getQuiz(id: string): Promise<QuizRecord | null>;
  /** Moves from question `from` to `to` (or finishes) only if still at `from`: one process wins. */
  advanceQuiz(id: string, from: number, to: number | 'finished', deadline: number | null): Promise<boolean>;
  stopQuiz(id: string): Promise<boolean>;
  /** Channel quizzes whose current question closed at or before `now`. */
  dueQuizzes(platform: string, now: number): Promise<QuizRecord[]>;
  /** Earliest open deadline, to sleep until it. */
  nextQuizDeadline(platform: string): Promise<number | null>;
  /**
   * The first answer counts: false when this person already answered this question, or when the
   * quiz is no longer running or has moved past the question.
   */
  recordAnswer(a: QuizAnswer): Promise<boolean>;
  answersFor(quizId: string, question?: number): Promise<QuizAnswer[]>;
  leaderboard(platform: string, serverId: string, since: number, limit: number): Promise<LeaderboardRow[]>;

  // Rotation: what a channel has seen, so it is not shown again until everything has been.
  seenInChannel(where: ChannelRef, kind: string): Promise<string[]>;
  /** Marks an item seen; false when it already was (another request or instance got there first). */
  markSeen(where: ChannelRef, kind: string, itemId: string, now: number): Promise<boolean>;
  /**
   * Marks the first of `itemIds`, in their order, that the channel has not seen, and returns it. When
   * it has seen them all, they start over: the channel forgets having seen these (only these) and
   * gets the first. Claims at the same moment (other requests, other instances) get different items,
   * round by round. Null only when `itemIds` is empty.
   */
  claimNextUnseen(where: ChannelRef, kind: string, itemIds: readonly string[], now: number): Promise<string | null>;
  resetSeen(where: ChannelRef, kind: string): Promise<void>;

  // Discussion prompt posts and their votes.
  createPromptPost(p: PromptPostRecord): Promise<PromptPostRecord | null>;
  getPromptPost(id: string): Promise<PromptPostRecord | null>;
  setPromptMessage(id: string, messageId: string): Promise<void>;
  /** One vote per person, changeable: returns the previous vote (null if none). */
  castVote(postId: string, userId: string, vote: Vote, now: number): Promise<Vote | null>;
  tally(postId: string): Promise<Record<Vote, number>>;

  close(): Promise<void>;
}
