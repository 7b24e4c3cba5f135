import type { CommandContext } from '../context.js';
import type { SubcommandSpec } from './spec.js';
import type { ScheduleRecord } from '../store/schedule-store.js';
import { str } from './options.js';
import { typeableId } from '../ids.js';
import { notice, type Reply } from '../reply.js';
import { parseCadence } from '../schedule/cadence.js';
import { nextRuns } from '../schedule/scheduling.js';
import { lookUpTimeZone, resolveTimeZone, formatInZone } from '../schedule/zones.js';
import { parseDuration } from '../schedule/duration.js';
import { capitalise, channelLabel, listReply, scheduledReply } from '../schedule/present.js';

/** The `/prompt` subcommands that manage schedules; prompt.ts adds them to the command. */

const NOT_SAVED = 'Nothing was scheduled';

async function schedule(ctx: CommandContext): Promise<Reply[]> {
  const { services } = ctx;
  const now = services.now().getTime();
  const typedZone = str(ctx, 'timezone');
  const zone = typedZone ? lookUpTimeZone(typedZone) : resolveTimeZone(services.settings.defaultTimeZone || 'UTC');
  if (!zone.ok) {
    const why = typedZone ? zone.error : `The configured default time zone is not usable. ${zone.error}`;
    return [notice(why, NOT_SAVED)];
  }
  const cadence = parseCadence({ cadence: str(ctx, 'cadence') ?? '', time: str(ctx, 'time') }, zone.value, now, services.scheduling);
  if (!cadence.ok) return [notice(cadence.error, NOT_SAVED)];
  const typedClose = str(ctx, 'closes_after');
  const closeAfter = typedClose === undefined ? null : parseDuration(typedClose);
  if (closeAfter !== null && !closeAfter.ok) return [notice(closeAfter.error, NOT_SAVED)];

  const channelId = str(ctx, 'channel') ?? ctx.channelId;
  const runs = nextRuns(services.scheduling, cadence.value.cron, zone.value, now, 3);
  const record: ScheduleRecord = {
    id: typeableId(), platform: ctx.platform, serverId: ctx.serverId, channelId,
    cron: cadence.value.cron, label: cadence.value.label, timeZone: zone.value, createdBy: ctx.user.id,
    paused: false, pauseReason: null, nextRun: runs[0]?.getTime() ?? null, createdAt: now,
    closeAfterMinutes: closeAfter?.ok ? closeAfter.value : null,
  };
  const max = services.settings.maxSchedulesPerChannel;
  // The store checks the limit and for a twin in the same statement as the insert, so two admins at once cannot pass them.
  const saved = await services.store.createSchedule(record, max);
  if (!saved) {
    const where = channelLabel(channelId, ctx.channelId);
    const twin = (await services.store.listSchedules(ctx.platform, ctx.serverId))
      .find((s) => s.channelId === channelId && s.cron === record.cron && s.timeZone === record.timeZone);
    if (twin) {
      return [notice(`${capitalise(where)} already has schedule ${twin.id} for ${twin.label} (${twin.timeZone}): a second would post every prompt twice. Cancel it first with /prompt cancel ${twin.id}, or choose another time.`, NOT_SAVED)];
    }
    return [notice(`${capitalise(where)} already has ${max} schedule${max === 1 ? '' : 's'}, the most one channel may have. Cancel one first (/prompt list shows them).`, NOT_SAVED)];
  }
  services.wake();
  const typed = typedZone && typedZone.trim().toLowerCase() !== saved.timeZone.toLowerCase() ? typedZone.trim() : undefined;
  return [scheduledReply(saved, runs, ctx.channelId, typed)];
}

/** A schedule of this platform and server, or null: ids from elsewhere name nothing here. */
async function ownSchedule(ctx: CommandContext): Promise<ScheduleRecord | null> {
  // Ids are made lowercase, so one typed in capitals still names its schedule.
  const id = str(ctx, 'id')?.toLowerCase();
  if (!id) return null;
  const found = await ctx.services.store.getSchedule(id);
  return found && found.platform === ctx.platform && found.serverId === ctx.serverId ? found : null;
}

function noSuchSchedule(ctx: CommandContext): Reply {
  return notice(`There is no schedule “${str(ctx, 'id') ?? ''}” on this server. /prompt list shows the schedules and their ids.`);
}

async function pause(ctx: CommandContext): Promise<Reply[]> {
  const s = await ownSchedule(ctx);
  if (!s) return [noSuchSchedule(ctx)];
  if (s.paused) return [notice(`Schedule ${s.id} is already paused: ${s.pauseReason ?? 'no reason recorded'}.`)];
  const reason = `paused by ${ctx.user.name} on ${formatInZone(ctx.services.now(), s.timeZone)}`.slice(0, 300);
  await ctx.services.store.updateSchedule(s.id, { paused: true, pauseReason: reason });
  ctx.services.wake();
  return [notice(`Paused schedule ${s.id} (${s.label} in ${channelLabel(s.channelId, ctx.channelId)}). /prompt resume ${s.id} starts it again.`)];
}

async function resume(ctx: CommandContext): Promise<Reply[]> {
  const s = await ownSchedule(ctx);
  if (!s) return [noSuchSchedule(ctx)];
  const now = ctx.services.now().getTime();
  if (!s.paused) {
    const next = s.nextRun === null ? 'it has no upcoming runs' : `next run ${formatInZone(s.nextRun, s.timeZone)}`;
    return [notice(`Schedule ${s.id} is not paused (${next}).`)];
  }
  // Slots that passed while paused are not owed: the next run is planned from now.
  const nextRun = ctx.services.scheduling.slotAfter(s.cron, s.timeZone, now);
  await ctx.services.store.updateSchedule(s.id, { paused: false, pauseReason: null, nextRun });
  ctx.services.wake();
  const next = nextRun === null ? 'It has no upcoming runs.' : `Next run: ${formatInZone(nextRun, s.timeZone)}.`;
  return [notice(`Resumed schedule ${s.id} (${s.label} in ${channelLabel(s.channelId, ctx.channelId)}). ${next}`)];
}

async function cancel(ctx: CommandContext): Promise<Reply[]> {
  const s = await ownSchedule(ctx);
  if (!s) return [noSuchSchedule(ctx)];
  await ctx.services.store.deleteSchedule(s.id);
  ctx.services.wake();
  return [notice(`Cancelled schedule ${s.id} (${s.label} in ${channelLabel(s.channelId, ctx.channelId)}). Prompts already posted stay where they are.`)];
}

async function list(ctx: CommandContext): Promise<Reply[]> {
  return [listReply(await ctx.services.store.listSchedules(ctx.platform, ctx.serverId), ctx.channelId)];
}

const idOption = {
  name: 'id', description: 'The schedule’s id, as /prompt list shows it', type: 'string', required: true,
  autocomplete: 'schedule', rest: true, maxLength: 40,
} as const;

export const scheduleSubcommands: readonly SubcommandSpec[] = [
  {
    name: 'schedule',
    description: 'Post discussion prompts to a channel on a schedule',
    adminOnly: true,
    options: [
      {
        name: 'cadence', description: 'daily, weekdays, weekly:<day> (mon … sun), or a cron expression',
        type: 'string', required: true, rest: true, maxLength: 100,
      },
      { name: 'time', description: 'Time of day: 09:00, 21:30, 9am or 9:30 pm (not with a cron expression)', type: 'string', maxLength: 12 },
      { name: 'timezone', description: 'A city such as Kyiv or New York, or an IANA zone (default: the configured one)', type: 'string', autocomplete: 'timezone', maxLength: 64 },
      { name: 'closes_after', description: 'How long each prompt takes votes, e.g. 2h or 1d (default: until the next one posts)', type: 'string', maxLength: 20 },
      { name: 'channel', description: 'Where to post (default: this channel)', type: 'channel' },
    ],
    handler: schedule,
  },
  { name: 'list', description: 'Scheduled prompts on this server: next run, or why paused', options: [], handler: list },
  { name: 'pause', description: 'Pause a schedule', adminOnly: true, options: [idOption], handler: pause },
  { name: 'resume', description: 'Resume a paused schedule from now', adminOnly: true, options: [idOption], handler: resume },
  { name: 'cancel', description: 'Delete a schedule', adminOnly: true, options: [idOption], handler: cancel },
];
