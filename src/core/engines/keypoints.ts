import type { Services, Where } from '../context.js';
import type { Point } from '../pack/schema.js';
import { deepFreeze } from '../freeze.js';
import { choiceId } from '../ids.js';
import { notice, reply, type Block, type Reply } from '../reply.js';
import { AUTHOR_LABEL, editorialLabel, pointBlocks, pointLine, quoteBlock, readerViewBlocks, sideLabel } from '../present.js';
import { nextUnseen } from './rotation.js';
import { keyPointForTopic } from './topic.js';

/**
 * Key points are the author's own points: each can be shown with the article's words. Made once per
 * pack and motion (a pack does not change once loaded): every /keypoints asks for them, and the
 * same array each time lets the rotation reuse what it derives from it (rotation.ts).
 */
const authorPointsMade = new WeakMap<Services['pack'], Map<string, readonly Point[]>>();
function authorPoints(services: Services, motionId?: string): readonly Point[] {
  const { pack } = services;
  let byMotion = authorPointsMade.get(pack);
  if (!byMotion) authorPointsMade.set(pack, (byMotion = new Map()));
  const key = motionId || '';
  let points = byMotion.get(key);
  if (!points) {
    points = Object.freeze(pack.points.filter((p) => p.source === 'author' && (!motionId || p.motion === motionId)));
    byMotion.set(key, points);
  }
  return points;
}

/**
 * A key point's reply depends on nothing but the pack, so each is built once and the same object
 * handed out again: an adapter can then keep its rendering (adapters/discord/rendered.ts). Replies
 * are never changed once made, and this one is frozen so that an edit in place fails loudly. Keyed
 * by the point, which belongs to one loaded pack.
 */
const keyPointReplies = new WeakMap<Point, Reply>();

function keyPointReply(services: Services, point: Point): Reply {
  let r = keyPointReplies.get(point);
  if (!r) {
    r = deepFreeze(buildKeyPointReply(services, point));
    keyPointReplies.set(point, r);
  }
  return r;
}

function buildKeyPointReply(services: Services, point: Point): Reply {
  const motion = services.pack.motionById.get(point.motion);
  const blocks: Block[] = [
    { type: 'heading', text: `Key point — ${motion?.title ?? point.motion}` },
    ...pointBlocks(services.pack, point),
    { type: 'footer', text: `This point argues ${sideLabel(point.side)}: ${motion?.statement ?? ''}`.trim() },
    {
      type: 'choices',
      choices: [
        { id: choiceId('kp', 'counter', point.id), label: 'Counterpoint', style: 'primary' },
        { id: choiceId('kp', 'next', point.motion), label: 'Another', style: 'secondary' },
      ],
    },
  ];
  return reply(blocks);
}

export async function showKeyPoint(services: Services, where: Where, options: { topic?: string; motion?: string }): Promise<Reply> {
  const { pack } = services;
  if (options.motion && !pack.motionById.has(options.motion)) {
    return notice(`There is no motion “${options.motion}”. Motions: ${pack.motions.map((m) => m.id).join(', ')}.`);
  }
  if (options.topic) {
    const best = keyPointForTopic(services, options.topic, options.motion);
    if (!best) {
      return notice(
        `I couldn’t find a key point of the article about “${options.topic}”. Try words such as “de facto member”, “strategic ambiguity” or “escalation”, or run /keypoints without a topic.`,
      );
    }
    await services.store.markSeen(where, 'keypoint', best.id, services.now().getTime());
    return keyPointReply(services, best);
  }
  const point = await nextUnseen(services, where, `keypoint`, authorPoints(services, options.motion));
  if (!point) return notice('This content pack has no key points to show.');
  return keyPointReply(services, point);
}

/** The strongest answer from the other side: the first counterpoint the pack lists for the point. */
export function counterpointReply(services: Services, pointId: string): Reply | null {
  const point = services.pack.pointById.get(pointId);
  const answer = services.pack.answersTo(pointId)[0];
  const answering = answer && services.pack.pointById.get(answer.answer);
  if (!point || !answer || !answering) return null;
  const blocks: Block[] = [
    { type: 'heading', text: `Counterpoint — ${sideLabel(answering.side)}` },
    { type: 'text', text: `To the point “${point.claim}”:` },
    { type: 'text', text: answer.rebuttal },
    { type: 'text', text: answering.claim },
  ];
  if (answering.source === 'author') {
    blocks.push({ type: 'footer', text: `${AUTHOR_LABEL}, in the article’s own words:` });
    for (const q of answering.quotes.slice(0, 1)) blocks.push(quoteBlock(services.pack, q));
  } else {
    blocks.push({ type: 'footer', text: editorialLabel(answering) });
  }
  blocks.push({ type: 'choices', choices: [{ id: choiceId('kp', 'next', point.motion), label: 'Another', style: 'secondary' }] });
  return reply(blocks);
}

export function listKeyPoints(services: Services, motionId?: string): Reply[] {
  const motions = motionId ? services.pack.motions.filter((m) => m.id === motionId) : services.pack.motions;
  if (motions.length === 0) return [notice(`There is no motion “${motionId}”. Motions: ${services.pack.motions.map((m) => m.id).join(', ')}.`)];
  const lists = motions.map((motion) => {
    const blocks: Block[] = [
      { type: 'heading', text: `${motion.title}` },
      { type: 'text', text: `${motion.statement}\nMotion id: ${motion.id} (to debate it: /debate start motion:${motion.id})` },
    ];
    for (const side of ['for', 'against'] as const) {
      const lines = services.pack.pointsOf(motion.id, side).map(pointLine);
      blocks.push({ type: 'fields', fields: [{ name: side === 'for' ? 'For' : 'Against', value: lines.join('\n') }] });
    }
    blocks.push({ type: 'footer', text: `Anchors name the article’s paragraphs (P1–P17) and key points (K1–K3); “editorial” marks an argument that is not the author’s.` });
    return reply(blocks, { visibility: 'private' });
  });
  // The overview of every motion ends with what readers said; a list for one motion stays on it.
  const readers = motionId ? [] : readerViewBlocks(services.pack);
  return readers.length ? [...lists, reply(readers, { visibility: 'private' })] : lists;
}
