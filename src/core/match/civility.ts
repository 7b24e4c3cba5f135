import { DataSet, englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { normaliseText } from './normalise.js';

/**
 * Words obscenity's English list has that a debate on a war may use without insulting anyone:
 * "that would piss off Putin" is an argument, and war crimes have to be nameable.
 */
const NOT_RUDE_HERE = new Set(['piss', 'rape']);

const dataset = new DataSet<{ originalWord: string }>()
  .addAll(englishDataset)
  .removePhrasesIf((phrase) => NOT_RUDE_HERE.has(phrase.metadata?.originalWord ?? ''));

// Built once: obscenity's maintained list catches profanity and slurs in their disguised spellings too.
const profanity = new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers });

/**
 * Insults aimed at the other debater, which use no swear word at all. Kept short on purpose: an
 * idea may be called stupid ("it's dumb to think Ukraine is in NATO"), a person may not.
 */
const INSULTS: readonly RegExp[] = [
  /\b(?:you|u|ur|you're|youre)\s+(?:are\s+|r\s+|re\s+)?(?:an?\s+|so\s+|such\s+an?\s+)?(?:idiot|moron|imbecile|stupid|dumb|loser|clown|brainless|pathetic)s?\b/,
  /\b(?:stupid|dumb|useless|idiot|idiotic|moronic|trash|garbage)\s+(?:bot|ai|machine|robot)\b/,
  /\b(?:this|the)\s+bot\s+(?:is\s+)?(?:stupid|dumb|trash|garbage|useless)\b/,
  /\b(?:shut\s+up|stfu|gtfo|kys|kill\s+yourself|go\s+die|you\s+suck|u\s+suck)\b/,
];

/** Whether a reply is rude: profanity, a slur, or an insult at the person or the bot. */
export function isRude(text: string): boolean {
  const normalised = normaliseText(text);
  return profanity.hasMatch(normalised) || INSULTS.some((re) => re.test(normalised));
}
