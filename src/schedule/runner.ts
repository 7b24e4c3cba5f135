import type { Platform, Services, Where } from '../core/context.js';
import type { DueTask } from '../core/background.js';
import { cannotReachChannel, type Poster } from '../core/poster.js';
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

export async function runDueSchedules(services: Services, platform: Platform, poster: Poster): Promise<void> {
  const now = services.now().getTime();
  for (const schedule of await services.store.dueSchedules(platform, now)) {
    try {
      await runSchedule(services, poster, schedule, now);
    } catch (err) {
      // One schedule's failure (a store error) must not hold up the others due at the same time.
      services.logger.error({ err, schedule: schedule.id }, 'scheduled prompt failed');
    }
  }
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
  // The claim is the exactly-once guard: one row per (schedule, slot), so a restart, a repeated run
  // or a second process that reaches the same slot loses here and posts nothing.
  const won = await services.store.claimSlot(schedule.id, plan.post, now);
  // Move on before posting, so a slow or failing post is never taken up again as still due.
  await services.store.updateSchedule(schedule.id, { nextRun: plan.next });
  if (!won) {
    log.debug({ slot: new Date(plan.post).toISOString() }, 'slot already claimed elsewhere');
    return;
  }
  await postSlot(services, poster, schedule, plan.post, now, log);
}

async function postSlot(
  services: Services, poster: Poster, schedule: ScheduleRecord, slot: number, now: number, log: Services['logger'],
): Promise<void> {
  const where: Where = { platform: schedule.platform, serverId: schedule.serverId, channelId: schedule.channelId };
  const slotText = new Date(slot).toISOString();
  // From here on the slot is claimed for good: if anything below fails, the slot is lost rather
  // than retried. At most once is the promise; a duplicate prompt in a channel is the worse failure.
  try {
    const created = await createPromptPost(services, where, { scheduleId: schedule.id, slot });
    if (!created) {
      log.warn({ slot: slotText }, 'scheduled prompt not posted: the content pack has no prompts');
      return;
    }
    const posted = await poster.post(where, created.reply);
    if (posted.messageId) await services.store.setPromptMessage(created.post.id, posted.messageId);
    log.info({ slot: slotText, prompt: created.post.promptId }, 'scheduled prompt posted');
  } catch (err) {
    if (cannotReachChannel(err)) {
      // Retrying a channel that is gone or closed to the bot only repeats the failure: pause and say why.
      const reason = pauseReasonFor(err.reason, now, schedule.timeZone);
      await services.store.updateSchedule(schedule.id, { paused: true, pauseReason: reason });
      log.warn({ slot: slotText, reason: err.reason }, 'schedule paused: cannot post to its channel');
      return;
    }
    log.error({ err, slot: slotText }, 'scheduled prompt could not be posted; the slot is not retried');
  }
}
