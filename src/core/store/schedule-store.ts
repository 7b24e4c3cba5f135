import type { ChannelRef } from './records.js';

/** A channel's schedule of discussion prompts. */
export interface ScheduleRecord extends ChannelRef {
  id: string;
  /** The cron expression the cadence compiles to (presets included). */
  cron: string;
  /** How the admin said it, for lists: "weekdays at 09:00". */
  label: string;
  timeZone: string;
  createdBy: string;
  paused: boolean;
  pauseReason: string | null;
  /** Epoch ms of the next slot to post, or null when none is due. */
  nextRun: number | null;
  /** Each prompt it posts closes this long after posting; null: when the next prompt posts in the channel. */
  closeAfterMinutes: number | null;
  createdAt: number;
}

/** A batch of due schedules: how many, and after which one (its next slot and id). */
export interface DuePage {
  limit: number;
  after?: { nextRun: number; id: string };
}

export interface ScheduleStore {
  /**
   * Saves a schedule unless its channel already has `maxPerChannel`, or already has one with the same
   * cron and time zone (it would post twice at once); null then. Holds when instances create at once.
   */
  createSchedule(s: ScheduleRecord, maxPerChannel: number): Promise<ScheduleRecord | null>;
  getSchedule(id: string): Promise<ScheduleRecord | null>;
  listSchedules(platform: string, serverId: string): Promise<ScheduleRecord[]>;
  updateSchedule(id: string, patch: Partial<Pick<ScheduleRecord, 'paused' | 'pauseReason' | 'nextRun'>>): Promise<boolean>;
  deleteSchedule(id: string): Promise<boolean>;
  /**
   * Unpaused schedules whose next slot is at or before `now`, earliest slot first (then by id). With
   * a page: at most `limit` of them, after `after` in that order, so a caller reads them in batches.
   */
  dueSchedules(platform: string, now: number, page?: DuePage): Promise<ScheduleRecord[]>;
  /** The earliest next slot over unpaused schedules, to sleep until it. */
  nextScheduleRun(platform: string): Promise<number | null>;
}
