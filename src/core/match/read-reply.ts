import type { Motion } from '../pack/schema.js';
import { distinctTerms } from './analyse.js';
import { isRude } from './civility.js';
import type { Judgement, Matcher, MatchResult } from './matcher.js';

/** A debate reply as the bot reads it. */
export interface ReplyReading extends Judgement {
  /** Rude: answered with a line about keeping it civil, never placed. */
  rude: boolean;
  /** It only states a position on the motion, with no reason: the bot asks for one. */
  restates: boolean;
  /** A point it surely makes on another motion, when it is not sure of one on this motion. */
  elsewhere: MatchResult | null;
}

const NOTHING: Judgement = { outcome: 'none', match: null, candidates: [], confidence: 0 };

/**
 * How the debate reads a reply on `motion`, in order: a rude reply is not placed at all (whatever
 * point it might also make); a point the matcher is sure of is answered; a bare assertion of the
 * motion, or a clear point on another motion, is not asked about but explained; otherwise the
 * matcher's unsure candidates are offered, or nothing is. The debate, `rostrum match` and the
 * evaluations all read replies through this one function, so they cannot drift apart.
 */
export function readReply(matcher: Matcher, text: string, motion?: Motion): ReplyReading {
  if (isRude(text)) return { ...NOTHING, rude: true, restates: false, elsewhere: null };
  const reading = matcher.read(text);
  const judgement = reading.judge({ motion: motion?.id });
  if (judgement.outcome === 'sure' || !motion) return { ...judgement, rude: false, restates: false, elsewhere: null };
  if (restatesMotion(text, motion)) return { ...NOTHING, confidence: judgement.confidence, rude: false, restates: true, elsewhere: null };
  const anywhere = reading.match();
  if (anywhere && anywhere.motion !== motion.id) {
    return { ...NOTHING, confidence: judgement.confidence, rude: false, restates: false, elsewhere: anywhere };
  }
  return { ...judgement, rude: false, restates: false, elsewhere: null };
}

/**
 * "Ukraine is not in NATO" in a debate on "Ukraine is already a de facto member of NATO" only
 * asserts (or denies) the motion: every word of it is the motion's own.
 */
function restatesMotion(text: string, motion: Motion): boolean {
  const said = distinctTerms(text);
  if (said.length === 0 || said.length > 5) return false;
  const motionTerms = new Set(distinctTerms(`${motion.statement} ${motion.title}`));
  return said.every((t) => motionTerms.has(t));
}
