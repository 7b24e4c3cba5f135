import type { Pack } from '../pack/model.js';
import type { QuizAnswerExportRow } from '../store/results-store.js';
import { spreadsheetTime } from '../calendar.js';
import { LETTERS } from '../engines/quiz.js';
import type { Cell } from './csv.js';

/** One row per answer: who answered which question of which quiz, what they chose, and whether it scored. */
export function quizTable(pack: Pack, rows: readonly QuizAnswerExportRow[], zone: string): { header: string[]; rows: Cell[][] } {
  const header = [
    'platform', 'server', 'channel', 'season', 'quiz', 'quiz mode', `quiz started (${zone})`, 'question number', 'question id',
    'question', 'person id', 'person', 'answer', 'answer text', 'right answer', 'correct', 'scored', `answered at (${zone})`,
  ];
  return {
    header,
    rows: rows.map((r) => {
      const q = r.questionId ? pack.questionById.get(r.questionId) : undefined;
      const shownText = (shown: number) => {
        const opt = r.order[shown];
        return opt === undefined ? '' : q?.options[opt]?.text ?? '';
      };
      const right = q ? r.order.findIndex((opt) => q.options[opt]?.correct) : -1;
      return [
        r.platform, r.serverId, r.channelId, r.season, r.quizId, r.mode, spreadsheetTime(r.quizStartedAt, zone), r.question + 1,
        r.questionId, q?.question ?? '(no longer in the content pack)', r.userId, r.userName, LETTERS[r.option] ?? '', shownText(r.option),
        right >= 0 ? `${LETTERS[right]}. ${shownText(right)}` : '', r.correct, r.counted, spreadsheetTime(r.answeredAt, zone),
      ];
    }),
  };
}
