import type {
  CastVote, ChannelRef, DebateRecord, DebateTurn, LeaderboardQuery, LeaderboardRow, PromptPostRecord, QuizAnswer, QuizRecord,
  SeasonRecord, Vote, VoteEvent,
} from './records.js';
import type { Actor } from '../context.js';
import type { QuizClick, RightOptions } from './quiz-click.js';
import type { ScheduleStore } from './schedule-store.js';
import type { ClassDebateStore } from './class-debate-store.js';
import type { ResultsStore } from './results-store.js';
import type { PostLeaseStore } from './post-lease-store.js';

/**
 * Everything the bot keeps. One interface, implemented once over Kysely for SQLite (the default)
 * and Postgres (scale-out); both pass the same contract tests. No handler writes SQL.
 *
 * Every effect that must happen once is a conditional write that reports whether it won, so a
 * repeated request, a double click or a second instance becomes a no-op.
 */
export interface Store extends ScheduleStore, ResultsStore, ClassDebateStore, PostLeaseStore {
  /** Records a request key; false when it was seen before (a retried delivery). */
  claimRequest(key: string, now: number): Promise<boolean>;

  // Debates: one active debate per person per channel.
  createDebate(d: DebateRecord): Promise<DebateRecord | null>;
  /**
   * rememberPerson for the debater, then createDebate: one statement on Postgres, where both land or
   * neither does. Null when the person already has a debate running there (the name is kept all the same).
   */
  openDebate(d: DebateRecord, debater: Actor, now: number): Promise<DebateRecord | null>;
  activeDebate(where: ChannelRef, userId: string): Promise<DebateRecord | null>;
  /** rememberPerson for the debater, then activeDebate: one statement on Postgres. */
  rememberAndFindDebate(where: ChannelRef, debater: Actor, now: number): Promise<DebateRecord | null>;
  getDebate(id: string): Promise<DebateRecord | null>;
  /** Appends turns only if the debate still has `expectedTurns` turns; false when another write came first. */
  appendDebateTurns(id: string, expectedTurns: number, turns: DebateTurn[], now: number): Promise<boolean>;
  endDebate(id: string, now: number): Promise<boolean>;
  /** Ends this person's active debate in the channel (one statement on Postgres): the debate as ended, null when none was active. */
  endActiveDebate(where: ChannelRef, userId: string, now: number): Promise<DebateRecord | null>;

  // Quizzes: one channel quiz per channel, and one solo quiz per person per server, at a time.
  /** Saves a quiz unless one of its kind is already running there (see above); null then. */
  createQuiz(q: QuizRecord): Promise<QuizRecord | null>;
  /** The channel quiz running in this channel, if any. */
  activeChannelQuiz(where: ChannelRef): Promise<QuizRecord | null>;
  /** This person's running solo quiz on the channel's platform and server, in whichever channel. */
  activeSoloQuiz(where: ChannelRef, userId: string): Promise<QuizRecord | null>;
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
  /**
   * Scores a recorded answer if it is the person's first to that pack question this season on the
   * server. True when this answer is the one that scores (also when asked again for it); false when
   * an earlier answer scored, or there is no such answer. Safe to repeat.
   */
  scoreAnswer(quizId: string, question: number, userId: string): Promise<boolean>;
  /**
   * Reads the quiz and, when the click may answer it as read (clickOutcome in quiz-click.ts), records
   * the answer and scores it as recordAnswer then scoreAnswer would: one statement on Postgres, where
   * the answer and its score land together or not at all. `quiz` is the quiz as read (null when there
   * is none); `recorded` and `counted` are false when nothing was recorded (a refusal or a repeat).
   */
  answerQuestion(click: QuizClick, rights: RightOptions): Promise<{ quiz: QuizRecord | null; recorded: boolean; counted: boolean }>;
  /** Answers in the order given, each with `counted` set. */
  answersFor(quizId: string, question?: number): Promise<QuizAnswer[]>;
  leaderboard(query: LeaderboardQuery): Promise<LeaderboardRow[]>;
  /**
   * listSeasons, then the leaderboard of `query.season`, else of the current season (the last one
   * started, else 1): one statement on Postgres. Rows of a season that does not exist are none.
   */
  seasonLeaderboard(query: Omit<LeaderboardQuery, 'season'> & { season?: number }): Promise<{ seasons: SeasonRecord[]; rows: LeaderboardRow[] }>;
  /** A server's seasons, oldest first; empty until an admin starts the second (season 1 is implicit). */
  listSeasons(platform: string, serverId: string): Promise<SeasonRecord[]>;
  /** Starts season `s.number`; false when it already exists (a double click, another admin). */
  startSeason(s: SeasonRecord): Promise<boolean>;

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
  /**
   * createPromptPost, then closeOpenPrompts of the post's channel but this post, at `p.createdAt`:
   * one statement on Postgres, where both land or neither does. `created` is null when the post
   * was there already (the others are closed all the same); `closing` is how many were made due.
   */
  postPrompt(p: PromptPostRecord): Promise<{ created: PromptPostRecord | null; closing: number }>;
  getPromptPost(id: string): Promise<PromptPostRecord | null>;
  setPromptMessage(id: string, messageId: string): Promise<void>;
  /** One vote per person, changeable, while the prompt is open: says whether it was taken and what it replaced. */
  castVote(postId: string, user: { id: string; name: string }, vote: Vote, now: number): Promise<CastVote>;
  /** Takes a person's vote back while the prompt is open; returns the vote withdrawn (null when there was none). */
  withdrawVote(postId: string, userId: string, now: number): Promise<Vote | null>;
  tally(postId: string): Promise<Record<Vote, number>>;
  /** Every vote cast, changed or withdrawn on a post, oldest first. */
  voteHistory(postId: string): Promise<VoteEvent[]>;
  /** Makes the channel's open prompts (but `exceptId`) due to close at `now`; returns how many. */
  closeOpenPrompts(where: ChannelRef, exceptId: string, now: number): Promise<number>;
  /** Open prompts whose close time has come. */
  duePromptCloses(platform: string, now: number): Promise<PromptPostRecord[]>;
  /** The earliest close time among open prompts, to sleep until it. */
  nextPromptClose(platform: string): Promise<number | null>;
  /** Closes a prompt once: false when it was already closed (the tally is posted by whoever wins). */
  markPromptClosed(id: string, now: number): Promise<boolean>;

  close(): Promise<void>;
}
