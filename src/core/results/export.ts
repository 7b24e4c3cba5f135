import type { CommandContext, Services } from '../context.js';
import type { ExportFilter } from '../store/results-store.js';
import { notice, privateReply, type FileAttachment, type Reply } from '../reply.js';
import { str } from '../commands/options.js';
import { parseLocalDate, spreadsheetTime } from '../calendar.js';
import { toCsv, type Cell } from './csv.js';
import { quizTable } from './quiz-csv.js';
import { votesTable } from './votes-csv.js';
import { debatesTable } from './debates-csv.js';

/** The teacher's exports, the same from a slash command and from `rostrum export`. */

export type ExportKind = 'quiz' | 'votes' | 'debates';
export const EXPORT_KINDS: readonly ExportKind[] = ['quiz', 'votes', 'debates'];

export type ExportDeps = Pick<Services, 'pack' | 'store' | 'settings' | 'now'>;

const WHAT: Record<ExportKind, { file: string; noun: string; title: string }> = {
  quiz: { file: 'quiz-results', noun: 'quiz answer', title: 'Quiz scores per person and question' },
  votes: { file: 'prompt-votes', noun: 'vote', title: 'Votes per discussion prompt' },
  debates: { file: 'debate-transcripts', noun: 'debate', title: 'Debate transcripts: each turn and the point it made' },
};

export interface BuiltExport {
  file: FileAttachment;
  /** Answers, votes or debates in the file. */
  count: number;
  people: number;
}

export async function buildExport(deps: ExportDeps, what: ExportKind, filter: ExportFilter): Promise<BuiltExport> {
  const zone = deps.settings.defaultTimeZone;
  let table: { header: string[]; rows: Cell[][] };
  let count: number;
  let people: Set<string>;
  if (what === 'quiz') {
    const rows = await deps.store.exportQuizAnswers(filter);
    table = quizTable(deps.pack, rows, zone);
    [count, people] = [rows.length, new Set(rows.map((r) => `${r.platform}:${r.userId}`))];
  } else if (what === 'votes') {
    const rows = await deps.store.exportVotes(filter);
    table = votesTable(deps.pack, rows, zone);
    [count, people] = [rows.length, new Set(rows.map((r) => `${r.platform}:${r.userId}`))];
  } else {
    const rows = await deps.store.exportDebates(filter);
    table = debatesTable(deps.pack, rows, zone);
    [count, people] = [rows.length, new Set(rows.map((r) => `${r.platform}:${r.userId}`))];
  }
  const day = spreadsheetTime(deps.now().getTime(), zone).slice(0, 10);
  const scope = filter.channelId ? `-${filter.channelId.replace(/[^\w-]+/g, '')}` : '';
  return {
    count,
    people: people.size,
    file: {
      name: `${WHAT[what].file}${scope}-${day}.csv`,
      mediaType: 'text/csv',
      content: toCsv(table.header, table.rows),
      description: `${WHAT[what].title}: ${plural(count, WHAT[what].noun)} by ${plural(people.size, 'person', 'people')}`,
    },
  };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Reads `since` as a day (YYYY-MM-DD) in the configured zone; a message when it is not one. */
export function sinceOf(text: string | undefined, zone: string): { ok: true; value?: number } | { ok: false; error: string } {
  if (text === undefined) return { ok: true };
  const at = parseLocalDate(text, zone);
  return at === null ? { ok: false, error: `“${text}” is not a date: give since as YYYY-MM-DD, e.g. since:2026-01-05.` } : { ok: true, value: at };
}

/** `/quiz export`, `/prompt results`, `/debate transcripts`: this server's results as a private CSV file. */
export async function exportReply(ctx: CommandContext, what: ExportKind): Promise<Reply> {
  const since = sinceOf(str(ctx, 'since'), ctx.services.settings.defaultTimeZone);
  if (!since.ok) return notice(since.error);
  const channelId = str(ctx, 'channel');
  const filter: ExportFilter = {
    platform: ctx.platform, serverId: ctx.serverId,
    ...(channelId ? { channelId } : {}), ...(since.value !== undefined ? { since: since.value } : {}),
  };
  const built = await buildExport(ctx.services, what, filter);
  const where = `${channelId ? `channel ${channelId}` : ctx.platform === 'slack' ? 'this workspace' : 'this server'}${since.value !== undefined ? ` since ${str(ctx, 'since')}` : ''}`;
  if (built.count === 0) return notice(`There is nothing to export: no ${WHAT[what].noun}s in ${where} yet.`);
  return privateReply([
    { type: 'heading', text: WHAT[what].title },
    { type: 'text', text: `${built.file.description}, in ${where}. The CSV file opens in any spreadsheet; times are on the ${ctx.services.settings.defaultTimeZone} clock.` },
  ], { attachments: [built.file] });
}
