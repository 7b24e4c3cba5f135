import { randomBytes } from 'node:crypto';
import type { Platform, Services, Where } from './context.js';
import type { DueTask } from './background.js';
import type { Reply } from './reply.js';
import { cannotReachChannel, type PostError, type Poster } from './poster.js';

/**
 * Exactly-once posting on the clock. A post is leased in the store before anything about it is
 * done; its key names the logical post (`sched:<schedule>:<slot>`, `reveal:<quiz>:<question>`, …).
 * The holder prepares it (the state change that makes it due no more, then its replies), posts each
 * reply under a key derived from the post's, and marks it posted. A holder that dies leaves a
 * 'posting' lease; once it expires another process (or this one, restarted) prepares the same post
 * again, which every `prepare` must allow, and posts it under the same keys: the platform's poster
 * answers a repeat with the message already posted (a Discord nonce, Slack message metadata).
 */
export interface OncePost {
  key: string;
  where: Where;
  /**
   * Makes the post's state change if it is not made yet and returns what to post; null when there
   * is nothing to post any more. Runs again after a crash, so it must find a change already made.
   */
  prepare(): Promise<Reply[] | null>;
  /** The channel is gone or closed to the bot; what this kind of post does about it (pause, stop). */
  unreachable?(err: PostError & { reason: 'channel-gone' | 'forbidden' }): Promise<void>;
  /** The post is out; the first reply's message id, when the platform gave one. */
  posted?(firstMessageId: string | null): Promise<void>;
}

export type OnceOutcome = 'posted' | 'nothing' | 'held' | 'unreachable' | 'failed';

/** Names this process as a lease holder: unique per process start, so a restart is a new holder. */
const HOLDER = `${process.pid}-${randomBytes(6).toString('hex')}`;

/**
 * How long after a post was first sent a retry may still be sent, for a poster that does not say
 * (Poster.retryWindowMs). Discord recognises a repeated nonce for "the past few minutes" only; later,
 * a retry could be a second message, so the post is given up (its lease ends 'given-up').
 */
export const RETRY_WINDOW_MS = 2 * 60_000;

/** The key of the n-th reply of a post; a platform derives one per message from it. */
export function replyKey(key: string, n: number): string {
  return `${key}#${n}`;
}

/** Leases, prepares and posts one post; see OncePost. */
export async function postOnce(services: Services, poster: Poster, post: OncePost): Promise<OnceOutcome> {
  const { store, logger } = services;
  const log = logger.child({ post: post.key, channel: post.where.channelId });
  const now = services.now().getTime();
  const taken = await store.takePostLease({
    key: post.key, platform: post.where.platform, holder: HOLDER, now, expiresAt: now + services.settings.postLeaseSeconds * 1000,
  });
  if (!taken) return 'held';
  const replies = await post.prepare();
  if (!replies || replies.length === 0) {
    await store.markPostDone(post.key, null, services.now().getTime(), HOLDER);
    return 'nothing';
  }
  // The lease is renewed for the sending alone and notes that sending began: until then nothing of
  // the post can be in the channel, so a takeover is safe however late (postRecoveryTask).
  const sendingAt = services.now().getTime();
  if (!(await store.beginSending(post.key, HOLDER, sendingAt, sendingAt + services.settings.postLeaseSeconds * 1000))) {
    log.warn({}, 'post taken over while it was being prepared (slower than its lease); left to the new holder');
    return 'held';
  }
  let first: string | null = null;
  for (const [n, r] of replies.entries()) {
    try {
      const sent = await poster.post(post.where, r, { key: replyKey(post.key, n), retry: taken === 'retry' });
      if (n === 0) first = sent.messageId;
    } catch (err) {
      if (cannotReachChannel(err)) {
        // A retry would only repeat the failure: the post is done with, and its kind says what follows.
        await post.unreachable?.(err);
        await store.markPostDone(post.key, null, services.now().getTime(), HOLDER);
        log.warn({ reason: err.reason }, 'cannot post in the channel; not retried');
        return 'unreachable';
      }
      // The lease stays 'posting': once it expires the post is taken up again, under the same keys,
      // so the replies already out are not repeated.
      log.warn({ err, reply: n }, 'post failed; it is retried once its lease expires');
      return 'failed';
    }
  }
  await post.posted?.(first);
  await store.markPostDone(post.key, first, services.now().getTime(), HOLDER);
  return 'posted';
}

/** Rebuilds the post a lease names, for a lease whose holder died: one per key prefix (`sched`, `reveal`…). */
export interface OnceKind {
  prefix: string;
  /** The post the key names, or null when there is nothing to post any more (its schedule is gone…). */
  recover(key: string): Promise<OncePost | null>;
}

/** Leases looked at per run of recovery: enough for a burst of crashes, bounded so a run stays short. */
const RECOVERY_BATCH = 50;

/** Takes over posts whose holder died, once their leases expire. */
export function postRecoveryTask(services: Services, platform: Platform, poster: Poster, kinds: OnceKind[]): DueTask {
  const windowMs = poster.retryWindowMs === undefined ? RETRY_WINDOW_MS : poster.retryWindowMs;
  return {
    name: 'post-recovery',
    async runDue() {
      let failed = 0;
      for (const lease of await services.store.expiredPostLeases(platform, services.now().getTime(), RECOVERY_BATCH)) {
        const log = services.logger.child({ post: lease.key });
        // Read for each lease: on a starved machine one run through a batch can take long.
        const now = services.now().getTime();
        try {
          if (windowMs !== null && lease.sentAt !== null && now - lease.sentAt > windowMs) {
            // Whether the first send reached the channel can no longer be told safely: a second copy
            // is the worse failure. A lease never sent has nothing out and is retried. Said in docs/scale-out.md.
            if (await services.store.givePostUp(lease.key, now)) {
              log.warn(
                { key: lease.key, sent: new Date(lease.sentAt).toISOString(), ageMs: now - lease.sentAt, retryWindowMs: windowMs },
                'post given up: first sent longer ago than a repeat is still recognised, so a retry could post it twice',
              );
            }
            continue;
          }
          const kind = kinds.find((k) => lease.key.startsWith(`${k.prefix}:`));
          const post = kind ? await kind.recover(lease.key) : null;
          if (!post) {
            await services.store.markPostDone(lease.key, null, now);
            log.warn({}, 'nothing to post any more for a lease whose holder stopped; dropped');
            continue;
          }
          const outcome = await postOnce(services, poster, post);
          log.info({ outcome }, 'post taken over from a holder that stopped');
        } catch (err) {
          failed++;
          log.error({ err }, 'could not take over a post; tried again later');
        }
      }
      // Thrown after the others had their turn, so the loop backs off rather than asking again at once.
      if (failed > 0) throw new Error(`${failed} post${failed === 1 ? '' : 's'} could not be taken over`);
    },
    nextDue: () => services.store.nextPostLeaseExpiry(platform),
  };
}

/** An `<id>:<integer>` lease key's id and number (`reveal:q1:2` → ['q1', 2]); null when it is not one. */
export function keyIdAndNumber(key: string): [string, number] | null {
  const parts = keyParts(key, 2);
  const n = Number(parts?.[1]);
  return parts && Number.isSafeInteger(n) ? [parts[0]!, n] : null;
}

/** Splits a lease key into its parts after the prefix (`reveal:q1:2` → ['q1', '2']); null when the count differs. */
export function keyParts(key: string, count: number): string[] | null {
  const parts = key.split(':').slice(1);
  return parts.length === count && parts.every((p) => p.length > 0) ? parts : null;
}
