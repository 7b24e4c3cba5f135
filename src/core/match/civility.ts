import { createRequire } from 'node:module';
import type { RegExpMatcher } from 'obscenity';
import { normaliseText } from './normalise.js';

/**
 * Words obscenity's English list has that a debate on a war may use without insulting anyone:
 * "that would piss off Putin" is an argument, and war crimes have to be nameable.
 */
const NOT_RUDE_HERE = new Set(['piss', 'rape']);

// obscenity's maintained list catches profanity and slurs in their disguised spellings too. Loading
// it and building its matcher cost a few per cent of every start, and only a free-text reply needs
// it, so it is loaded (synchronously: isRude is) and built on the first reply read.
const load = createRequire(import.meta.url);
let profanityCheck: ((normalised: string) => boolean) | undefined;
function profanity(): (normalised: string) => boolean {
  if (profanityCheck) return profanityCheck;
  const { DataSet, englishDataset, englishRecommendedTransformers, RegExpMatcher } = load('obscenity') as typeof import('obscenity');
  const dataset = new DataSet<{ originalWord: string }>()
    .addAll(englishDataset)
    .removePhrasesIf((phrase) => NOT_RUDE_HERE.has(phrase.metadata?.originalWord ?? ''));
  return (profanityCheck = screened(new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers })));
}

/** obscenity 0.4.6's private parts `screened` reads; the version is pinned (package.json). */
interface MatcherInternals {
  blacklistedTerms: readonly { regExp: RegExp }[];
  blacklistMatcherTransformers: unknown;
  applyTransformers(input: string, transformers: unknown): [number[], string];
}

/**
 * `matcher.hasMatch`, answered without it for the text that contains no listed term at all, which is
 * nearly every reply. hasMatch transforms the text twice (for its whitelist and its list) and runs
 * each of its hundred-odd patterns over it with matchAll, a copied regex and iterator apiece, which
 * was most of what reading a reply cost outside the search. A whitelisted phrase ("analysis") can
 * only excuse a match, so when the transformed text matches none of the patterns (one regex, their
 * alternation: none has a group or a back-reference for another to disturb), hasMatch is false;
 * otherwise hasMatch itself decides.
 */
export function screened(matcher: RegExpMatcher): (normalised: string) => boolean {
  const internals = matcher as unknown as MatcherInternals;
  // Parts read that are not there (another obscenity), or a pattern that captures or refers back, which
  // the alternation could disturb: hasMatch alone then.
  const readable = Array.isArray(internals.blacklistedTerms) && typeof internals.applyTransformers === 'function';
  const plain = !readable || internals.blacklistedTerms.some((term) => term.regExp.flags !== 'gs' || /\\[1-9k]|\((?!\?:)/.test(term.regExp.source));
  if (plain) return (normalised) => matcher.hasMatch(normalised);
  const any = new RegExp(internals.blacklistedTerms.map((term) => `(?:${term.regExp.source})`).join('|'), 's');
  return (normalised) => {
    const [, transformed] = internals.applyTransformers(normalised, internals.blacklistMatcherTransformers);
    return any.test(transformed) && matcher.hasMatch(normalised);
  };
}

/**
 * Insults aimed at the other debater, which use no swear word at all. Kept short on purpose: an
 * idea may be called stupid ("it's dumb to think Ukraine is in NATO"), a person may not.
 */
const FILLER = String.raw`(?:(?:so|really|very|literally|actually|just|such|a|an|the|most|totally)\s+)*`;
const INSULT = String.raw`(?:idiots?|morons?|imbeciles?|stupid|dumb|brain\s*dead|brainless|annoying|useless|pathetic|losers?|clowns?|trash|garbage)`;
const INSULTS: readonly RegExp[] = [
  // "ur literally brain dead", "you're such an idiot", "this bot is so dumb": a person or the bot, called names.
  new RegExp(String.raw`\b(?:you|u|ur|you're|youre|bot)\s+(?:are\s+|is\s+|r\s+|re\s+)?${FILLER}${INSULT}\b`),
  new RegExp(String.raw`\b(?:stupid|dumb|useless|idiot|idiotic|moronic|trash|garbage)\s+(?:bot|ai|machine|robot)\b`),
  /\b(?:shut\s+up|stfu|gtfo|kys|kill\s+yourself|go\s+die|you\s+suck|u\s+suck|nobody\s+asked)\b/,
  // "ur mom is inside the tent": the playground insult, whatever it is attached to.
  /\b(?:ur|your|yo)\s+(?:mom|mum|mama|momma|moms|mums)\b/,
];

/** Whether a reply is rude: profanity, a slur, or an insult at the person or the bot. */
export function isRude(text: string): boolean {
  const normalised = normaliseText(text);
  return profanity()(normalised) || INSULTS.some((re) => re.test(normalised));
}
