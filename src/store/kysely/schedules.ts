import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Tables } from './tables.js';
import type { Exclusive } from '../kysely-store.js';
import type { DuePage, ScheduleRecord } from '../../core/store/schedule-store.js';
import { inserted, num, numOrNull, updated } from './rows.js';

function toRecord(r: Selectable<Tables['schedules']>): ScheduleRecord {
  return {
    id: r.id, platform: r.platform as ScheduleRecord['platform'], serverId: r.server_id, channelId: r.channel_id,
    cron: r.cron, label: r.label, timeZone: r.time_zone, createdBy: r.created_by, paused: num(r.paused) === 1,
    pauseReason: r.pause_reason, nextRun: numOrNull(r.next_run), createdAt: num(r.created_at),
    closeAfterMinutes: numOrNull(r.close_after_minutes),
  };
}

function toRow(s: ScheduleRecord): Insertable<Tables['schedules']> {
  return {
    id: s.id, platform: s.platform, server_id: s.serverId, channel_id: s.channelId, cron: s.cron, label: s.label,
    time_zone: s.timeZone, created_by: s.createdBy, paused: s.paused ? 1 : 0, pause_reason: s.pauseReason,
    next_run: s.nextRun, created_at: s.createdAt, close_after_minutes: s.closeAfterMinutes,
  };
}

export function scheduleQueries(db: Kysely<Tables>, exclusive: Exclusive) {
  return {
    async createSchedule(s: ScheduleRecord, maxPerChannel: number) {
      // The checks and the insert are one statement (INSERT … SELECT … WHERE count < limit AND no twin),
      // so no other write comes between the check and the write on SQLite; on Postgres `exclusive` also
      // keeps two creates for one channel apart (see each backend's). Paused schedules count too.
      const row = toRow(s);
      const columns = Object.keys(row) as (keyof typeof row)[];
      return exclusive(db, `schedules:${s.platform}:${s.channelId}`, async (db) => {
        const res = await db.insertInto('schedules').columns(columns)
          .expression(db.selectNoFrom((eb) => columns.map((c) => eb.val(row[c]).as(c)))
            .where((eb) => eb.and([
              eb(
                eb.selectFrom('schedules').select(eb.fn.countAll().as('n'))
                  .where('platform', '=', s.platform).where('channel_id', '=', s.channelId),
                '<',
                maxPerChannel,
              ),
              eb.not(eb.exists(eb.selectFrom('schedules').select('id')
                .where('platform', '=', s.platform).where('channel_id', '=', s.channelId)
                .where('cron', '=', s.cron).where('time_zone', '=', s.timeZone))),
            ])))
          .executeTakeFirst();
        return inserted(res) ? s : null;
      });
    },
    async getSchedule(id: string) {
      const row = await db.selectFrom('schedules').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async listSchedules(platform: string, serverId: string) {
      const rows = await db.selectFrom('schedules').selectAll().where('platform', '=', platform)
        .where('server_id', '=', serverId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toRecord);
    },
    async updateSchedule(id: string, patch: Partial<Pick<ScheduleRecord, 'paused' | 'pauseReason' | 'nextRun'>>) {
      const set: Partial<Tables['schedules']> = {};
      if (patch.paused !== undefined) set.paused = patch.paused ? 1 : 0;
      if (patch.pauseReason !== undefined) set.pause_reason = patch.pauseReason;
      if (patch.nextRun !== undefined) set.next_run = patch.nextRun;
      if (Object.keys(set).length === 0) return false;
      return updated(await db.updateTable('schedules').set(set).where('id', '=', id).executeTakeFirst());
    },
    async deleteSchedule(id: string) {
      return updated(await db.deleteFrom('schedules').where('id', '=', id).executeTakeFirst());
    },
    async dueSchedules(platform: string, now: number, page?: DuePage) {
      let query = db.selectFrom('schedules').selectAll().where('platform', '=', platform)
        .where('paused', '=', 0).where('next_run', 'is not', null).where('next_run', '<=', now);
      const after = page?.after;
      if (after) {
        // A row-value comparison, so both SQLite and Postgres seek the (…, next_run, id) index to the
        // cursor; spelled as an OR, each page re-read every due row from the cursor's slot onward.
        query = query.where((eb) => eb(eb.refTuple('next_run', 'id'), '>', eb.tuple(after.nextRun, after.id)));
      }
      const rows = await query.orderBy('next_run').orderBy('id').$if(page !== undefined, (q) => q.limit(page!.limit)).execute();
      return rows.map(toRecord);
    },
    async nextScheduleRun(platform: string) {
      const row = await db.selectFrom('schedules').select((eb) => eb.fn.min('next_run').as('next'))
        .where('platform', '=', platform).where('paused', '=', 0).executeTakeFirst();
      return row?.next == null ? null : num(row.next as number);
    },
  };
}
