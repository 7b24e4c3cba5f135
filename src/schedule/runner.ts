import type { Platform, Services, Where } from '../core/context.js';
import type { DueTask } from '../core/background.js';
import type { Poster } from '../core/poster.js';
import { keyIdAndNumber, postOnce, type OnceKind, type OncePost } from '../core/post-once.js';
import { createPromptPost } from '../core/engines/prompts.js';
import type { ScheduleRecord } from '../core/store/schedule-store.js';
import { planSlot } from './plan.js';
import { formatInZone } from '../core/schedule/zones.js';

/** Why a schedule paused itself, as /prompt list shows it. */
export function pauseReasonFor(failure: 'channel-gone' | 'forbidden', at: number, zone: string): string {
  const what = failure === 'channel-gone'
    ? 'the channel is gone (deleted, or the bot can no longer see it)'
    : 'the bot lost permission to post in the channel';
  return `${what}; paused ${formatInZone(at, zone)}`;
}

/**
 * Scheduled discussion prompts as background work: sleeps until the earliest `nextRun` of an
 * unpaused schedule, so the cost follows the schedules that are due, not all that exist.
 */
export function scheduledPromptTask(services: Services, platform: Platform, poster: Poster): DueTask {
  return {
    name: 'scheduled-prompts',
    runDue: () => runDueSchedules(services, platform, poster),
    nextDue: () => services.store.nextScheduleRun(platform),
  };
}

/** How many due schedules are read at once, and how many of them post at once. */
export interface DueLimits {
  batch: number;
  concurrency: number;
}

/**
 * Bounded whatever the number due at one moment (a popular 09:00): at most `batch` schedules are in
 * memory and at most `concurrency` posts are in flight, so the store's connections and the
 * platform's rate limits are not flooded. Batches follow each other in slot order until none is due.
 */
export const DUE_LIMITS: DueLimits = { batch: 100, concurrency: 4 };

export async function runDueSchedules(services: Services, platform: Platform, poster: Poster, limits: DueLimits = DUE_LIMITS): Promise<void> {
  const now = services.now().getTime();
  let after: { nextRun: number; id: string } | undefined;
  for (;;) {
    const batch = await services.store.dueSchedules(platform, now, { limit: limits.batch, ...(after ? { after } : {}) });
    // Channels run side by side; one channel's schedules run in turn, since each new prompt closes the
    // channel's open ones and two at once would close each other.
    await inParallel(byChannel(batch), limits.concurrency, async (inChannel) => {
      for (const schedule of inChannel) {
        try {
          await runSchedule(services, poster, schedule, now);
        } catch (err) {
          // One schedule's failure (a store error) must not hold up the others due at the same time.
          services.logger.error({ err, schedule: schedule.id }, 'scheduled prompt failed');
        }
      }
    });
    const last = batch.at(-1);
    // Read on after the last one seen, not from the start: one that failed stays due and would be read again.
    if (batch.length < limits.batch || !last || last.nextRun === null) return;
    after = { nextRun: last.nextRun, id: last.id };
  }
}

function byChannel(schedules: readonly ScheduleRecord[]): ScheduleRecord[][] {
  const groups = new Map<string, ScheduleRecord[]>();
  for (const s of schedules) groups.set(s.channelId, [...(groups.get(s.channelId) ?? []), s]);
  return [...groups.values()];
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function runSchedule(services: Services, poster: Poster, schedule: ScheduleRecord, now: number): Promise<void> {
  const log = services.logger.child({ schedule: schedule.id, platform: schedule.platform, channel: schedule.channelId });
  if (schedule.nextRun === null) return;
  let plan;
  try {
    plan = planSlot(schedule.cron, schedule.timeZone, schedule.nextRun, now, services.settings.scheduleGraceMinutes * 60_000);
  } catch (err) {
    // A row croner cannot read would be due forever; pausing it stops a retry loop and says why.
    log.error({ err, cron: schedule.cron, timeZone: schedule.timeZone }, 'schedule cadence unreadable; paused');
    await services.store.updateSchedule(schedule.id, { paused: true, pauseReason: 'its cadence or time zone can no longer be read; cancel it and schedule again' });
    return;
  }
  if (plan.skippedSince !== null) {
    log.warn(
      { missed: new Date(plan.skippedSince).toISOString(), graceMinutes: services.settings.scheduleGraceMinutes },
      'scheduled prompt skipped: its slot passed more than the grace window ago',
    );
  }
  if (plan.folded > 0) log.info({ folded: plan.folded }, 'several missed slots within the grace window; posting only the latest');

  if (plan.post === null) {
    await services.store.updateSchedule(schedule.id, { nextRun: plan.next });
    return;
  }
  // The lease is taken before the schedule moves on: a process that dies in between leaves the
  // schedule due, and whoever runs it next moves it on while the lease brings the slot back later.
  const outcome = await postOnce(services, poster, slotPost(services, schedule, plan.post, {
    // Move on before posting, so a slow or failing post is never taken up again as still due.
    before: () => services.store.updateSchedule(schedule.id, { nextRun: plan.next }).then(() => {}),
  }));
  if (outcome === 'held') {
    await services.store.updateSchedule(schedule.id, { nextRun: plan.next });
    log.debug({ slot: new Date(plan.post).toISOString() }, 'slot already taken elsewhere');
  }
}

/** The post of one schedule slot, keyed `sched:<schedule>:<slot>`. */
function slotPost(services: Services, schedule: ScheduleRecord, slot: number, options: { before?: () => Promise<void> } = {}): OncePost {
  const where: Where = { platform: schedule.platform, serverId: schedule.serverId, channelId: schedule.channelId };
  const log = services.logger.child({ schedule: schedule.id, channel: schedule.channelId, slot: new Date(slot).toISOString() });
  let created: Awaited<ReturnType<typeof createPromptPost>> = null;
  return {
    key: `sched:${schedule.id}:${slot}`,
    where,
    async prepare() {
      await options.before?.();
      created = await createPromptPost(services, where, { scheduleId: schedule.id, slot });
      if (!created) log.warn({}, 'scheduled prompt not posted: the content pack has no prompts');
      return created ? [created.reply] : null;
    },
    async unreachable(err) {
      // Retrying a channel that is gone or closed to the bot only repeats the failure: pause and say why.
      const reason = pauseReasonFor(err.reason, services.now().getTime(), schedule.timeZone);
      await services.store.updateSchedule(schedule.id, { paused: true, pauseReason: reason });
      log.warn({ reason: err.reason }, 'schedule paused: cannot post to its channel');
    },
    async posted(messageId) {
      if (created && messageId) await services.store.setPromptMessage(created.post.id, messageId);
      log.info({ prompt: created?.post.promptId }, 'scheduled prompt posted');
    },
  };
}

/** Takes over a slot whose poster died: the same prompt post, under the same keys. */
export function scheduledSlotKind(services: Services): OnceKind {
  return {
    prefix: 'sched',
    async recover(key) {
      const parsed = keyIdAndNumber(key);
      if (!parsed) return null;
      const [scheduleId, slot] = parsed;
      // Past the grace window a slot is skipped, as planSlot skips one that was never begun.
      if (services.now().getTime() - slot > services.settings.scheduleGraceMinutes * 60_000) return null;
      const schedule = await services.store.getSchedule(scheduleId);
      // A schedule cancelled or paused since has nothing to post.
      return schedule && !schedule.paused ? slotPost(services, schedule, slot) : null;
    },
  };
}
