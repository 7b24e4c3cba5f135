import type { Pack } from '../pack/model.js';
import { otherSide } from '../pack/model.js';
import type { DebateTurn } from '../store/records.js';
import type { DebateExportRow } from '../store/results-store.js';
import { spreadsheetTime } from '../calendar.js';
import type { Cell } from './csv.js';

/** What a turn did, in a teacher's words. */
function turnKind(t: DebateTurn): string {
  if (t.by === 'bot') return { argue: 'opening point', rebut: 'counterpoint', concede: 'conceded the point', 'own-goal': '', unplaced: '' }[t.kind] || t.kind;
  return { argue: 'argued a point for their side', 'own-goal': 'made a point for the bot’s side', unplaced: 'made no point found in the article', rebut: '', concede: '' }[t.kind] || t.kind;
}

/** One row per turn of each debate: who spoke, what the turn did, and the point it made. */
export function debatesTable(pack: Pack, rows: readonly DebateExportRow[], zone: string): { header: string[]; rows: Cell[][] } {
  const header = [
    'platform', 'server', 'channel', 'debate', 'person id', 'person', 'motion id', 'motion', 'bot argued', 'student argued',
    'status', `started (${zone})`, `last turn (${zone})`, 'turn', 'by', 'what the turn did', 'point id', 'point', 'source', 'answers point',
  ];
  const out: Cell[][] = [];
  for (const d of rows) {
    const motion = pack.motionById.get(d.motionId);
    const head: Cell[] = [
      d.platform, d.serverId, d.channelId, d.id, d.userId, d.userName ?? '', d.motionId, motion?.statement ?? '', d.botSide,
      otherSide(d.botSide), d.status, spreadsheetTime(d.createdAt, zone), spreadsheetTime(d.updatedAt, zone),
    ];
    d.turns.forEach((t, i) => {
      const point = t.point ? pack.pointById.get(t.point) : undefined;
      const source = point ? (point.source === 'author' ? `the author (${[...new Set(point.quotes.map((q) => q.anchor))].join(', ')})` : 'editorial') : '';
      out.push([...head, i + 1, t.by === 'bot' ? 'bot' : 'student', turnKind(t), t.point, point?.claim ?? '', source, t.answers ?? '']);
    });
  }
  return { header, rows: out };
}
