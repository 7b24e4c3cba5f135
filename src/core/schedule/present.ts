import type { ScheduleRecord } from '../store/schedule-store.js';
import { privateReply, type Block, type Reply } from '../reply.js';
import { formatInZone } from './zones.js';
import { durationLabel } from './duration.js';

/** How schedule replies read; every time is shown in the schedule's own zone, with the zone's name. */

/** Lists stay within every platform's message limits (Slack: 50 blocks, 3000 characters a section). */
export const MAX_LISTED = 20;

export function channelLabel(channelId: string, currentChannelId: string): string {
  return channelId === currentChannelId ? 'this channel' : `channel ${channelId}`;
}

/** When each of a schedule's prompts stops taking votes and its result is posted. */
export function closeLabel(s: ScheduleRecord): string {
  return s.closeAfterMinutes === null
    ? 'Each prompt takes votes until the next one posts; then its result is posted.'
    : `Each prompt takes votes for ${durationLabel(s.closeAfterMinutes)} (or until the next one posts); then its result is posted.`;
}

/** `typedZone` is how the admin named the zone, when it was not its IANA name ("kyiv"). */
export function scheduledReply(s: ScheduleRecord, runs: readonly Date[], currentChannelId: string, typedZone?: string): Reply {
  const next = runs.length > 0 ? runs.map((r) => `• ${formatInZone(r, s.timeZone)}`).join('\n') : 'It has no upcoming runs.';
  const zone = typedZone ? `${s.timeZone} time (for “${typedZone}”)` : `${s.timeZone} time`;
  return privateReply([
    { type: 'heading', text: 'Discussion prompts scheduled' },
    { type: 'text', text: `${capitalise(s.label)} in ${channelLabel(s.channelId, currentChannelId)}, ${zone}. ${closeLabel(s)}` },
    { type: 'text', text: `Next runs:\n${next}` },
    { type: 'footer', text: `Schedule ${s.id} · /prompt pause ${s.id} · /prompt cancel ${s.id}` },
  ]);
}

export function scheduleLine(s: ScheduleRecord, currentChannelId: string): string {
  const head = `${s.id} — ${s.label} in ${channelLabel(s.channelId, currentChannelId)}`;
  if (s.paused) return `${head}\nPaused: ${s.pauseReason ?? 'no reason recorded'}. Resume with /prompt resume ${s.id}.`;
  const open = s.closeAfterMinutes === null ? '' : `; each prompt open ${durationLabel(s.closeAfterMinutes)}`;
  return `${head}${open}\nNext: ${s.nextRun === null ? 'no upcoming runs' : formatInZone(s.nextRun, s.timeZone)}`;
}

export function listReply(schedules: readonly ScheduleRecord[], currentChannelId: string): Reply {
  if (schedules.length === 0) {
    return privateReply([{ type: 'text', text: 'No discussion prompts are scheduled on this server. An admin can add one with /prompt schedule.' }]);
  }
  const blocks: Block[] = [{ type: 'heading', text: 'Scheduled discussion prompts' }];
  for (const s of schedules.slice(0, MAX_LISTED)) blocks.push({ type: 'text', text: scheduleLine(s, currentChannelId) });
  const more = schedules.length - MAX_LISTED;
  blocks.push({ type: 'footer', text: more > 0 ? `…and ${more} more. Pause, resume or cancel one by its id.` : 'Pause, resume or cancel one by its id.' });
  return privateReply(blocks);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
