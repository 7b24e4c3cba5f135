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

export function promptPostReply(services: Services, post: PromptPostRecord, tally: Record<Vote, number>, options: { thread?: boolean } = {}): Reply {
  const prompt = services.pack.promptById.get(post.promptId);
  if (!prompt) return notice('This prompt is no longer in the content pack.');
  const quote = promptQuote(services, prompt);
  const total = tally.agree + tally.disagree + tally.unsure;
  return reply(
    [
      { type: 'heading', text: 'Discussion prompt' },
      { type: 'text', text: prompt.question },
      { type: 'text', text: `Agree or disagree: ${prompt.stance}` },
      ...(quote ? [quote] : []),
      { type: 'choices', choices: VOTES.map((v) => ({ id: choiceId('vote', post.id, v.vote), label: v.label, style: 'secondary' as const })) },
      { type: 'footer', text: `Agree ${tally.agree} · Disagree ${tally.disagree} · Not sure ${tally.unsure} (${total} vote${total === 1 ? '' : 's'}; you can change yours)` },
    ],
    options.thread ? { thread: { name: prompt.question } } : {},
  );
}

/** Posts the channel's next unseen prompt; a scheduled post passes its (schedule, slot) key. */
export async function createPromptPost(
  services: Services, where: Where, origin: { scheduleId: string; slot: number } | null = null,
): Promise<{ post: PromptPostRecord; reply: Reply } | null> {
  const prompt = await nextUnseen(services, where, 'prompt', services.pack.prompts);
  if (!prompt) return null;
  const post: PromptPostRecord = {
    id: newId(), ...where, promptId: prompt.id, scheduleId: origin?.scheduleId ?? null, slot: origin?.slot ?? null,
    messageId: null, createdAt: services.now().getTime(),
  };
  await services.store.createPromptPost(post);
  return { post, reply: promptPostReply(services, post, { agree: 0, disagree: 0, unsure: 0 }, { thread: origin !== null }) };
}

export async function promptNow(services: Services, where: Where): Promise<Reply> {
  const created = await createPromptPost(services, where);
  return created?.reply ?? notice('This content pack has no discussion prompts.');
}

export async function vote(services: Services, user: Actor, postId: string, choice: string): Promise<Reply[]> {
  const entry = VOTES.find((v) => v.vote === choice);
  const post = await services.store.getPromptPost(postId);
  if (!entry || !post || !services.pack.promptById.has(post.promptId)) return [notice('This has expired: that prompt is no longer open for votes.')];
  const previous = await services.store.castVote(post.id, user.id, entry.vote, services.now().getTime());
  const tally = await services.store.tally(post.id);
  const was = previous && previous !== entry.vote ? ` (changed from ${VOTES.find((v) => v.vote === previous)?.label})` : '';
  return [
    { ...promptPostReply(services, post, tally), replaceOriginal: true },
    privateReply([{ type: 'text', text: `Your vote: ${entry.label}${was}.` }]),
  ];
}
