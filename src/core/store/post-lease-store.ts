/**
 * 'posting': somebody began it and has not said it is out. 'posted': done, never again (also a post
 * with nothing left to post, or a channel the bot cannot reach). 'given-up': begun too long ago to
 * retry without risking a second copy, and never posted by anyone who could say so: it may be missing.
 */
export type LeaseState = 'posting' | 'posted' | 'given-up';

/**
 * A lease on one logical post the bot makes on the clock, keyed by what the post is
 * (`sched:<schedule>:<slot>`, `reveal:<quiz>:<question>`, `close:<prompt post>`, …).
 */
export interface PostLeaseRecord {
  key: string;
  platform: string;
  state: LeaseState;
  /** Which process holds (or last held) it. */
  holder: string;
  /** Until when the holder may still be posting; after that another process takes the post over. */
  expiresAt: number;
  messageId: string | null;
  /** When the post was first begun; a takeover keeps it. */
  takenAt: number;
  /** When a holder first began sending it; null while nobody has, so nothing of it can be in the channel. */
  sentAt: number | null;
}

export interface PostLeaseRequest {
  key: string;
  platform: string;
  holder: string;
  now: number;
  expiresAt: number;
}

/**
 * How a post is won: 'fresh' when nobody had begun it, 'retry' when a holder began it and its lease
 * ran out (it may have posted before it died, so the platform must be asked), null when it is
 * posted, or still held by a live holder.
 */
export type LeaseTaken = 'fresh' | 'retry' | null;

export interface PostLeaseStore {
  /** Takes the lease: wins when there is no row, or the row is still 'posting' and has expired. One taker wins. */
  takePostLease(lease: PostLeaseRequest): Promise<LeaseTaken>;
  /**
   * The post is out (or will never be: a channel the bot cannot reach). Nobody takes it again. With
   * `holder`, only while that holder still holds it: a holder slower than its lease, whose post was
   * taken over, must not end the takeover's lease while the takeover is still posting.
   */
  /**
   * The holder is about to send: renews its lease to `expiresAt` and notes the first send. False when
   * it no longer holds the lease (it was slower than its lease and another process took the post over).
   */
  beginSending(key: string, holder: string, now: number, expiresAt: number): Promise<boolean>;
  markPostDone(key: string, messageId: string | null, now: number, holder?: string): Promise<void>;
  /**
   * Ends a lease nobody holds (still 'posting', its expiry passed) as 'given-up'; false when it is
   * held again or done meanwhile. Nobody takes it again.
   */
  givePostUp(key: string, now: number): Promise<boolean>;
  /** Leases still 'posting' whose expiry has passed, oldest expiry first: posts whose poster died. */
  expiredPostLeases(platform: string, now: number, limit: number): Promise<PostLeaseRecord[]>;
  /** The earliest expiry of a lease still 'posting', to wake when it can be taken over. */
  nextPostLeaseExpiry(platform: string): Promise<number | null>;
  getPostLease(key: string): Promise<PostLeaseRecord | null>;
}
