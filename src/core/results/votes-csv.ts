import type { Pack } from '../pack/model.js';
import type { VoteExportRow } from '../store/results-store.js';
import { spreadsheetTime } from '../calendar.js';
import { VOTES } from '../engines/prompts.js';
import type { Cell } from './csv.js';

/** One row per vote standing on a prompt post (a withdrawn vote is no longer a vote). */
export function votesTable(pack: Pack, rows: readonly VoteExportRow[], zone: string): { header: string[]; rows: Cell[][] } {
  const header = [
    'platform', 'server', 'channel', 'prompt post', 'prompt id', 'question', 'stance', 'schedule', `posted at (${zone})`,
    `closed at (${zone})`, 'person id', 'person', 'vote', `voted at (${zone})`,
  ];
  return {
    header,
    rows: rows.map((r) => {
      const prompt = pack.promptById.get(r.promptId);
      return [
        r.platform, r.serverId, r.channelId, r.postId, r.promptId, prompt?.question ?? '(no longer in the content pack)', prompt?.stance ?? '',
        r.scheduleId, spreadsheetTime(r.postedAt, zone), r.closedAt === null ? '' : spreadsheetTime(r.closedAt, zone), r.userId, r.userName ?? '',
        VOTES.find((v) => v.vote === r.vote)?.label ?? r.vote, spreadsheetTime(r.votedAt, zone),
      ];
    }),
  };
}
