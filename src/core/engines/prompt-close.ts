import type { Services } from '../context.js';
import type { PromptPostRecord, Vote, VoteEvent } from '../store/records.js';
import { reply, type Reply } from '../reply.js';
import { tallyLine, VOTES, type Tally } from './prompts.js';

/** The result of a discussion prompt, posted once when it closes. */

const HOUR_MS = 60 * 60 * 1000;

/** Each person's standing vote at `at`, from the history of votes cast, changed and withdrawn. */
export function tallyAt(history: readonly VoteEvent[], at: number): Tally {
  const standing = new Map<string, Vote | null>();
  for (const e of history) if (e.at <= at) standing.set(e.userId, e.vote);
  const tally: Tally = { agree: 0, disagree: 0, unsure: 0 };
  for (const v of standing.values()) if (v) tally[v] += 1;
  return tally;
}

function share(n: number, total: number): string {
  return total === 0 ? '0%' : `${Math.round((100 * n) / total)}%`;
}

function resultReply(services: Services, post: PromptPostRecord, tally: Tally): Reply {
  const prompt = services.pack.promptById.get(post.promptId);
  const total = tally.agree + tally.disagree + tally.unsure;
  return reply([
    { type: 'heading', text: 'Discussion prompt closed: the result' },
    ...(prompt ? [{ type: 'text' as const, text: `${prompt.question}\nAgree or disagree: ${prompt.stance}` }] : []),
    { type: 'fields', fields: VOTES.map((v) => ({ name: v.label, value: `${tally[v.vote]} (${share(tally[v.vote], total)})`, inline: true })) },
    { type: 'footer', text: `${total === 0 ? 'Nobody voted' : `${total} vote${total === 1 ? '' : 's'} in all`}; voting on this prompt has closed.` },
  ]);
}

/** How the vote moved from the end of the first hour to the close, for the prompt's thread. */
export function movementText(history: readonly VoteEvent[], post: PromptPostRecord, closedAt: number): string {
  const hour = post.createdAt + HOUR_MS;
  const final = tallyAt(history, closedAt);
  if (closedAt <= hour) return `It closed within its first hour. Final tally: ${tallyLine(final)}.`;
  const early = tallyAt(history, hour);
  const changes = VOTES.map((v) => ({ label: v.label, d: final[v.vote] - early[v.vote] })).filter((c) => c.d !== 0)
    .map((c) => `${c.label} ${c.d > 0 ? '+' : '−'}${Math.abs(c.d)}`);
  return `After the first hour: ${tallyLine(early)}. At the close: ${tallyLine(final)}. ${changes.length ? `Since the first hour: ${changes.join(', ')}.` : 'Nothing moved after the first hour.'}`;
}

/** Open prompts whose close time has come at the services' `now`. */
export async function dueCloses(services: Services, platform: string): Promise<PromptPostRecord[]> {
  return services.store.duePromptCloses(platform, services.now().getTime());
}

/**
 * Closes a prompt if it is still open and returns its result (and, for a scheduled prompt, how the
 * vote moved, in its thread). Asked again after it closed (the process posting it died), it returns
 * the same result: no vote is taken once a prompt has closed.
 */
export async function closePrompt(services: Services, postId: string): Promise<Reply[] | null> {
  const { store } = services;
  let post = await store.getPromptPost(postId);
  if (post && post.closedAt === null) {
    await store.markPromptClosed(post.id, services.now().getTime());
    post = await store.getPromptPost(postId);
  }
  if (!post || post.closedAt === null) return null;
  const closedAt = post.closesAt ?? post.closedAt;
  const history = await store.voteHistory(post.id);
  const replies = [resultReply(services, post, await store.tally(post.id))];
  // A scheduled prompt opened a thread under its message; the movement goes there.
  if (post.scheduleId && post.messageId) {
    replies.push({ ...reply([{ type: 'text', text: movementText(history, post, closedAt) }]), threadOf: post.messageId });
  }
  return replies;
}
