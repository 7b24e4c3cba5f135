import type { Side } from '../pack/schema.js';
import type { Outcome } from './confidence.js';

export type { Outcome } from './confidence.js';

/** A pack point a user's argument may make, as `rostrum match --json` prints it. */
export interface MatchResult {
  point: string;
  motion: string;
  side: Side;
  /** The article anchors the point quotes; empty for an editorial point. */
  anchors: string[];
  /** 0..1: how well the point fits the text (the ranking score). */
  score: number;
}

export interface MatchOptions {
  /** Only consider points of this motion (a running debate). */
  motion?: string;
}

/**
 * What a text makes, in one of three outcomes: `sure` of one point (answer it), `unsure` between a
 * few candidates (ask which), or `none` (it makes no point of the pack: refuse honestly).
 */
export interface Judgement {
  outcome: Outcome;
  /** The point it is sure of; null unless the outcome is `sure`. */
  match: MatchResult | null;
  /** The points to offer, best first (at most three); empty unless the outcome is `unsure`. */
  candidates: MatchResult[];
  /** 0..1: the calibrated probability that the first-ranked point is the one meant. */
  confidence: number;
}

/** One text, searched once, judged in as many scopes as asked: `judge` and `match` as on Matcher. */
export interface TextReading {
  /** The text's distinct analysed terms, in first-seen order (distinctTerms in analyse.ts). */
  terms: readonly string[];
  judge(options?: MatchOptions): Judgement;
  match(options?: MatchOptions): MatchResult | null;
}

export interface Matcher {
  judge(text: string, options?: MatchOptions): Judgement;
  /**
   * The text, looked up in the index once: a debate reply is judged in its motion and, when that is
   * not sure, across the pack, and both readings then share the one search (most of a reading's cost).
   */
  read(text: string): TextReading;
  /** The point the text surely makes, or null (unsure, off-topic, empty, gibberish, spam). */
  match(text: string, options?: MatchOptions): MatchResult | null;
  /** Points ranked by fit, best first; empty when the text makes no point at all. */
  rank(text: string, options?: MatchOptions & { limit?: number }): MatchResult[];
  /** Every point the text's words reach, best first, with no judgement: for look-ups such as a topic. */
  search(text: string, options?: MatchOptions & { limit?: number }): MatchResult[];
}
