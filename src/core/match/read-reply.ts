import type { Motion } from '../pack/schema.js';
import { motionTerms } from './motion-terms.js';
import { isRude } from './civility.js';
import type { Judgement, Matcher, MatchResult } from './matcher.js';

/** A debate reply as the bot reads it. */
export interface ReplyReading extends Judgement {
  /** Rude: answered with a line about keeping it civil, never placed. */
  rude: boolean;
  /** It only states a position on the motion, with no reason: the bot asks for one. */
  restates: boolean;
  /** A point it surely makes on another motion, when it places nothing on this motion (not even a question). */
  elsewhere: MatchResult | null;
}

const NOTHING: Judgement = { outcome: 'none', match: null, candidates: [], confidence: 0 };

/**
 * How the debate reads a reply on `motion`, in order: a rude reply is not placed at all (whatever
 * point it might also make); a point the matcher is sure of is answered; a bare assertion of the
 * motion is not asked about but explained; the matcher's unsure candidates on this motion are
 * offered; only a reply that places nothing here but surely makes a point of another motion is told
 * so. The debate, `rostrum match` and the evaluations all read replies through this one function,
 * so they cannot drift apart.
 */
export function readReply(matcher: Matcher, text: string, motion?: Motion): ReplyReading {
  if (isRude(text)) return { ...NOTHING, rude: true, restates: false, elsewhere: null };
  const reading = matcher.read(text);
  const judgement = reading.judge({ motion: motion?.id });
  if (judgement.outcome === 'sure' || !motion) return { ...judgement, rude: false, restates: false, elsewhere: null };
  if (restatesMotion(reading.terms, motion)) return { ...NOTHING, confidence: judgement.confidence, rude: false, restates: true, elsewhere: null };
  // Asking about this motion's points comes before naming another motion: a reply in this debate
  // that also fits another motion's point well was still most often meant for this one. On the
  // student sets, seven of the ten arguments named as another motion's had their point among the
  // candidates this motion would have offered, and no line without a point was refused for it.
  if (judgement.outcome === 'unsure') return { ...judgement, rude: false, restates: false, elsewhere: null };
  const anywhere = reading.match();
  if (anywhere && anywhere.motion !== motion.id) {
    return { ...NOTHING, confidence: judgement.confidence, rude: false, restates: false, elsewhere: anywhere };
  }
  return { ...judgement, rude: false, restates: false, elsewhere: null };
}

/**
 * "Ukraine is not in NATO" in a debate on "Ukraine is already a de facto member of NATO" only
 * asserts (or denies) the motion: every word of it is the motion's own. `said` is its distinct terms,
 * as the matcher's reading of it already has them.
 */
function restatesMotion(said: readonly string[], motion: Motion): boolean {
  if (said.length === 0 || said.length > 5) return false;
  const own = motionTerms(motion);
  return said.every((t) => own.has(t));
}
