import type { Actor, Services, Where } from '../context.js';
import type { SeasonRecord } from '../store/records.js';
import { choiceId } from '../ids.js';
import { notice, privateReply, reply, type Reply } from '../reply.js';
import { dayLabel, startOfMonth, startOfWeek } from '../calendar.js';

/** The quiz leaderboard: points, questions answered and accuracy, per channel or server, week, month or season. */

export type Scope = 'channel' | 'server';
export type Period = 'week' | 'month' | 'all';

const PERIOD_TITLES: Record<Period, string> = { week: 'this week', month: 'this month', all: 'all season' };

interface Season {
  number: number;
  startedAt: number;
  /** When the next season started, for an old one. */
  endedAt: number | null;
}

/** Season 1 is every server's first; it exists without a row. */
async function seasons(services: Services, where: Where): Promise<Season[]> {
  return seasonsOf(await services.store.listSeasons(where.platform, where.serverId));
}

function seasonsOf(started: readonly SeasonRecord[]): Season[] {
  const all = [{ number: 1, startedAt: 0 }, ...started.filter((s) => s.number > 1)];
  return all.map((s, i) => ({ number: s.number, startedAt: s.startedAt, endedAt: all[i + 1]?.startedAt ?? null }));
}

function seasonSpan(s: Season, zone: string): string {
  const from = s.number === 1 ? 'from the start' : `from ${dayLabel(s.startedAt, zone)}`;
  return s.endedAt === null ? from : `${from} to ${dayLabel(s.endedAt, zone)}`;
}

export async function leaderboard(
  services: Services, where: Where, options: { scope?: string; period?: string; season?: number },
): Promise<Reply> {
  const zone = services.settings.defaultTimeZone;
  const scope: Scope = options.scope === 'channel' ? 'channel' : 'server';
  const period: Period = options.period === 'month' ? 'month' : options.period === 'all' ? 'all' : 'week';
  const now = services.now().getTime();
  const since = period === 'week' ? startOfWeek(now, zone) : period === 'month' ? startOfMonth(now, zone) : 0;
  // The seasons and the board come together (one statement on Postgres): the season asked for, or the current one.
  const board = await services.store.seasonLeaderboard({
    platform: where.platform, serverId: where.serverId, since, limit: 10,
    ...(options.season === undefined ? {} : { season: options.season }),
    ...(scope === 'channel' ? { channelId: where.channelId } : {}),
  });
  const all = seasonsOf(board.seasons);
  const current = all[all.length - 1]!;
  const season = options.season === undefined ? current : all.find((s) => s.number === options.season);
  if (!season) return notice(`There is no season ${options.season}: this server is in season ${current.number}.`);
  const rows = board.rows;
  const medal = (i: number) => ['🥇', '🥈', '🥉'][i] ?? `${i + 1}.`;
  const place = scope === 'channel' ? 'this channel' : where.platform === 'slack' ? 'this workspace' : 'this server';
  const old = season.number !== current.number;
  const when = old ? `season ${season.number}${period === 'all' ? '' : `, ${PERIOD_TITLES[period]}`}` : PERIOD_TITLES[period];
  const line = (r: { userName: string; points: number; answered: number }, i: number) =>
    `${medal(i)} ${r.userName} — ${r.points} point${r.points === 1 ? '' : 's'} · ${r.answered} answered · ${Math.round((100 * r.points) / Math.max(r.answered, 1))}% right`;
  return reply([
    { type: 'heading', text: `Quiz leaderboard — ${place}, ${when}` },
    { type: 'text', text: rows.length ? rows.map(line).join('\n') : 'No scores here yet. Start a quiz with /quiz start.' },
    {
      type: 'footer',
      text: `Season ${season.number}, ${seasonSpan(season, zone)}. A question scores one point if right the first time you answer it; retakes do not score again.`,
    },
  ]);
}

/** An admin's /quiz season: asks before starting the next season, since it sets every score back to zero. */
export async function confirmNewSeason(services: Services, where: Where): Promise<Reply> {
  const current = (await seasons(services, where)).at(-1)!;
  const next = current.number + 1;
  return privateReply([
    { type: 'heading', text: `Start season ${next}?` },
    {
      type: 'text',
      text: `The leaderboard starts again from zero and every question scores afresh. Season ${current.number} stays viewable with /quiz leaderboard season:${current.number}.`,
    },
    {
      type: 'choices',
      choices: [
        { id: choiceId('quiz', 'season', next), label: `Start season ${next}`, style: 'danger' },
        { id: choiceId('quiz', 'keep', current.number), label: `Keep season ${current.number}`, style: 'secondary' },
      ],
    },
  ]);
}

/** The confirmation's "start" choice: starts season `number` once, and tells the channel. */
export async function startSeason(services: Services, where: Where, user: Actor, isAdmin: boolean, number: number): Promise<Reply[]> {
  if (!isAdmin) return [notice('Only admins can start a new quiz season.')];
  const current = (await seasons(services, where)).at(-1)!;
  if (number !== current.number + 1) {
    return [{ ...notice(`This server is already in season ${current.number}; nothing was changed.`), replaceOriginal: true }];
  }
  const season: SeasonRecord = { platform: where.platform, serverId: where.serverId, number, startedAt: services.now().getTime(), startedBy: user.id };
  if (!(await services.store.startSeason(season))) {
    return [{ ...notice(`Season ${number} has already been started; nothing was changed.`), replaceOriginal: true }];
  }
  return [
    { ...notice(`Season ${number} has started.`), replaceOriginal: true },
    reply([
      { type: 'heading', text: `Quiz season ${number} has begun` },
      { type: 'text', text: `Scores start again from zero: every question scores afresh. Season ${number - 1} stays viewable with /quiz leaderboard season:${number - 1}.` },
    ]),
  ];
}

export function keepSeason(number: number): Reply[] {
  return [{ ...notice(`Season ${number} goes on; nothing was changed.`), replaceOriginal: true }];
}
