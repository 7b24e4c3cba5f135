import type { Services } from '../../context.js';
import type { ClassDebateMember, ClassDebateRecord } from '../../store/class-debate-store.js';
import type { Vote } from '../../store/records.js';
import { reply, type Block, type Reply } from '../../reply.js';
import { VOTES } from '../prompts.js';
import { buildArgumentMap } from '../../map/model.js';
import { mapAttachment } from '../../map/attachment.js';
import { motionOf, tallyFields, voteCount } from './posts.js';
import { mapStateOf, tallyArguments } from './tally.js';

const BAR = 12;

function bar(n: number, scale: number): string {
  const full = scale === 0 ? 0 : Math.round((n / scale) * BAR);
  return '█'.repeat(full) + '░'.repeat(BAR - full);
}

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

/**
 * The stance shift as text: each answer's count before and after, with a bar for each on one scale,
 * so a shift reads at a glance in every client (and the terminal).
 */
export function stanceChart(members: readonly ClassDebateMember[]): string {
  const before = voteCount(members, 'before');
  const after = voteCount(members, 'after');
  const scale = Math.max(1, ...Object.values(before), ...Object.values(after));
  const width = Math.max(...VOTES.map((v) => v.label.length));
  const lines = VOTES.map(({ vote, label }: { vote: Vote; label: string }) =>
    `${label.padEnd(width)}  ${bar(before[vote], scale)} ${String(before[vote]).padStart(2)} → ${bar(after[vote], scale)} ${String(after[vote]).padStart(2)}  (${signed(after[vote] - before[vote])})`);
  const total = (c: Record<Vote, number>) => c.agree + c.disagree + c.unsure;
  const changed = members.filter((m) => m.before && m.after && m.before !== m.after).length;
  lines.push(`Votes: ${total(before)} before → ${total(after)} after; ${changed} of those who voted both times changed their mind.`);
  return lines.join('\n');
}

export type RecapReason = 'chair' | 'vote-ended' | 'expired';

const INTRO: Record<RecapReason, string> = {
  chair: 'The chair closed the debate.',
  'vote-ended': 'The closing vote has closed.',
  expired: 'This debate was left open for a day, so it closed itself.',
};

/** The recap: the stance shift, the points each side made, what stood unanswered, and the argument map. */
export async function recapPost(services: Services, d: ClassDebateRecord, reason: RecapReason): Promise<Reply> {
  const { store, pack } = services;
  const [members, args] = await Promise.all([store.classDebateMembers(d.id), store.classArguments(d.id)]);
  const tally = tallyArguments(pack, args);
  const motion = motionOf(services, d);
  const blocks: Block[] = [
    { type: 'heading', text: `Class debate recap — ${motion?.title ?? d.motionId}` },
    { type: 'text', text: `${INTRO[reason]} Motion: ${motion?.statement ?? d.motionId}` },
    { type: 'heading', text: 'Stance shift (opening vote → closing vote)' },
    { type: 'text', text: stanceChart(members) },
    tallyFields(tally),
    { type: 'footer', text: `${tally.posted} argument${tally.posted === 1 ? '' : 's'} posted; ${tally.untagged} made no point of the article. The argument map is attached.` },
  ];
  const map = buildArgumentMap(pack, d.motionId, mapStateOf(tally));
  const attachments = map ? [await mapAttachment(services, map, `argument-map-${d.motionId}`)] : [];
  return reply(blocks, { attachments });
}
