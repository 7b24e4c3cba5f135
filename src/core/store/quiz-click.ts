import type { QuizAnswer, QuizRecord } from './records.js';

/** A click on an answer option: the quiz, its question, the option as shown (0–3), who, and when. */
export interface QuizClick {
  quizId: string;
  question: number;
  shown: number;
  userId: string;
  userName: string;
  answeredAt: number;
}

/** Each pack question's right option, by question id: its index in the question's options (exactly one is right). */
export type RightOptions = Readonly<Record<string, number>>;

/** Why a click answers nothing, or the answer it gives. */
export type ClickOutcome = { refused: 'expired' | 'not-yours' | 'closed' } | { answer: QuizAnswer };

/**
 * Whether a click may answer the quiz as read, and the answer it gives: the quiz is running on that
 * question, the option is one of the four, the pack still has the question, a solo quiz is the
 * clicker's own and a channel question has not closed. The handler words a refusal from this; the
 * SQLite store records by it, and the Postgres store's answer statement checks the same in SQL.
 */
export function clickOutcome(quiz: QuizRecord | null, click: QuizClick, rights: RightOptions): ClickOutcome {
  const entry = quiz?.questions[click.question];
  const right = entry !== undefined && Object.hasOwn(rights, entry.id) ? rights[entry.id] : undefined;
  if (!quiz || !entry || right === undefined || quiz.status !== 'active' || quiz.current !== click.question || !(click.shown >= 0 && click.shown < 4)) {
    return { refused: 'expired' };
  }
  if (quiz.mode === 'solo' && click.userId !== quiz.starterId) return { refused: 'not-yours' };
  if (quiz.mode === 'channel' && quiz.deadline !== null && click.answeredAt > quiz.deadline) return { refused: 'closed' };
  return {
    answer: {
      quizId: quiz.id, question: click.question, questionId: entry.id, userId: click.userId, userName: click.userName,
      option: click.shown, correct: entry.order[click.shown] === right, answeredAt: click.answeredAt,
    },
  };
}
