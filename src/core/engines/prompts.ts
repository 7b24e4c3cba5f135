import { createHash } from 'node:crypto';
import type { Actor, Services, Where } from '../context.js';
import type { DiscussionPrompt } from '../pack/schema.js';
import type { PromptPostRecord, Vote } from '../store/records.js';
import { choiceId, newId } from '../ids.js';
import { notice, privateReply, reply, type Block, type Reply } from '../reply.js';
import { quoteBlock } from '../present.js';
import { nextUnseen } from './rotation.js';

export const VOTES: readonly { vote: Vote; label: string }[] = [
  { vote: 'agree', label: 'Agree' },
  { vote: 'disagree', label: 'Disagree' },
  { vote: 'unsure', label: 'Not sure' },
];

/** The choice that takes a vote back; its id ends in this instead of a vote. */
export const WITHDRAW = 'withdraw';

export type Tally = Record<Vote, number>;

/**
 * The paragraph a prompt names as its first anchor, whole. A prompt without an anchor shows no
 * quote: borrowing one from its points would show words the prompt is not about.
 */
function promptQuote(services: Services, prompt: DiscussionPrompt): Block | null {
  const { pack } = services;
  const anchor = prompt.anchors[0];
  const text = anchor && pack.anchors.get(anchor);
  return anchor && text ? quoteBlock(pack, { anchor, text }) : null;
}

export function tallyLine(tally: Tally): string {
  const total = tally.agree + tally.disagree + tally.unsure;
  return `Agree ${tally.agree} · Disagree ${tally.disagree} · Not sure ${tally.unsure} (${total} vote${total === 1 ? '' : 's'})`;
}

export function promptPostReply(services: Services, post: PromptPostRecord, tally: Tally, options: { thread?: boolean } = {}): Reply {
  const prompt = services.pack.promptById.get(post.promptId);
  if (!prompt) return notice('This prompt is no longer in the content pack.');
  const quote = promptQuote(services, prompt);
  const open = post.closedAt === null;
  return reply(
    [
      { type: 'heading', text: open ? 'Discussion prompt' : 'Discussion prompt (closed)' },
      { type: 'text', text: prompt.question },
      { type: 'text', text: `Agree or disagree: ${prompt.stance}` },
      ...(quote ? [quote] : []),
      ...(open
        ? [{
          type: 'choices' as const,
          choices: [
            ...VOTES.map((v) => ({ id: choiceId('vote', post.id, v.vote), label: v.label, style: 'secondary' as const })),
            { id: choiceId('vote', post.id, WITHDRAW), label: 'Withdraw my vote', style: 'secondary' as const },
          ],
        }]
        : []),
      { type: 'footer', text: `${tallyLine(tally)}${open ? '; you can change or withdraw yours' : '; voting has closed'}` },
    ],
    options.thread ? { thread: { name: prompt.question } } : {},
  );
}

/**
 * Posts the channel's next unseen prompt; a scheduled post passes its (schedule, slot) key. The
 * channel's earlier open prompts close as this one posts (their tallies follow from background
 * work); a schedule may also close each of its prompts after a set time.
 */
export async function createPromptPost(
  services: Services, where: Where, origin: { scheduleId: string; slot: number } | null = null,
): Promise<{ post: PromptPostRecord; reply: Reply } | null> {
  const id = origin ? slotPostId(origin) : newId();
  if (origin) {
    // A scheduled slot is prepared again when the process posting it died: the same slot is the
    // same prompt post, not another prompt taken from the rotation.
    const existing = await services.store.getPromptPost(id);
    if (existing) return { post: existing, reply: promptPostReply(services, existing, await services.store.tally(id), { thread: true }) };
  }
  const prompt = await nextUnseen(services, where, 'prompt', services.pack.prompts);
  if (!prompt) return null;
  const now = services.now().getTime();
  const closeAfter = origin ? (await services.store.getSchedule(origin.scheduleId))?.closeAfterMinutes ?? null : null;
  const post: PromptPostRecord = {
    id, ...where, promptId: prompt.id, scheduleId: origin?.scheduleId ?? null, slot: origin?.slot ?? null,
    messageId: null, createdAt: now, closesAt: closeAfter === null ? null : now + closeAfter * 60_000, closedAt: null,
  };
  const { closing } = await services.store.postPrompt(post);
  if (closing > 0 || post.closesAt !== null) services.wake();
  return { post, reply: promptPostReply(services, post, { agree: 0, disagree: 0, unsure: 0 }, { thread: origin !== null }) };
}

/** A scheduled slot's prompt post id, the same each time the slot is prepared, as long as newId(). */
export function slotPostId(origin: { scheduleId: string; slot: number }): string {
  return createHash('sha256').update(`prompt-slot:${origin.scheduleId}:${origin.slot}`).digest('base64url').slice(0, 12);
}

export async function promptNow(services: Services, where: Where): Promise<Reply> {
  const created = await createPromptPost(services, where);
  return created?.reply ?? notice('This content pack has no discussion prompts.');
}

const label = (v: Vote | null) => VOTES.find((x) => x.vote === v)?.label ?? '';

export async function vote(services: Services, user: Actor, postId: string, choice: string): Promise<Reply[]> {
  const entry = VOTES.find((v) => v.vote === choice);
  const post = await services.store.getPromptPost(postId);
  if ((!entry && choice !== WITHDRAW) || !post || !services.pack.promptById.has(post.promptId)) {
    return [notice('This has expired: that prompt is no longer open for votes.')];
  }
  const now = services.now().getTime();
  let said: string;
  let tally: Record<Vote, number>;
  if (!entry) {
    const withdrawn = await services.store.withdrawVote(post.id, user.id, now);
    if (!withdrawn) return [await closedOr(services, post, 'You have no vote on this prompt to withdraw.')];
    said = `Your vote (${label(withdrawn)}) is withdrawn.`;
    tally = await services.store.tally(post.id);
  } else {
    const cast = await services.store.castVote(post.id, user, entry.vote, now);
    if (!cast.recorded || !cast.tally) return [await closedOr(services, post, 'That prompt is no longer open for votes.')];
    const was = cast.previous && cast.previous !== entry.vote ? ` (changed from ${label(cast.previous)})` : '';
    said = `Your vote: ${entry.label}${was}.`;
    tally = cast.tally;
  }
  return [{ ...promptPostReply(services, post, tally), replaceOriginal: true }, privateReply([{ type: 'text', text: said }])];
}

/** Says a prompt has closed (with its final tally) when it has; otherwise `otherwise`. */
async function closedOr(services: Services, post: PromptPostRecord, otherwise: string): Promise<Reply> {
  const fresh = (await services.store.getPromptPost(post.id)) ?? post;
  const now = services.now().getTime();
  const closed = fresh.closedAt !== null || (fresh.closesAt !== null && fresh.closesAt <= now);
  if (!closed) return notice(otherwise);
  return notice(`This prompt has closed: votes are no longer taken. Final tally: ${tallyLine(await services.store.tally(post.id))}.`);
}
