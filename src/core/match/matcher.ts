import type { Side } from '../pack/schema.js';

/** The pack point a user's argument makes, as `rostrum match --json` prints it. */
export interface MatchResult {
  point: string;
  motion: string;
  side: Side;
  /** The article anchors the point quotes; empty for an editorial point. */
  anchors: string[];
  /** 0..1: how sure the matcher is. */
  score: number;
}

export interface MatchOptions {
  /** Only consider points of this motion (a running debate). */
  motion?: string;
}

export interface Matcher {
  /** The best point the text makes, or null when it makes none (off-topic, empty, gibberish, spam). */
  match(text: string, options?: MatchOptions): MatchResult | null;
  /** Points ranked by fit, best first, only those above the acceptance threshold. */
  rank(text: string, options?: MatchOptions & { limit?: number }): MatchResult[];
}
