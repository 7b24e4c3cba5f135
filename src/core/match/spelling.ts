/**
 * Folds British spellings to American ones before stemming. The article is American ("defense",
 * "standardization") while packs and users often write British ("defence", "standardisation"), and
 * the Porter stemmer keeps those apart. The rules run on index and query alike, so a rule that
 * also rewrites an unrelated word ("compromise" → "compromize") does no harm: both sides agree.
 */
const WHOLE_WORDS: ReadonlyMap<string, string> = new Map([
  ['defence', 'defense'],
  ['defences', 'defenses'],
  ['offence', 'offense'],
  ['offences', 'offenses'],
  ['pretence', 'pretense'],
  ['licence', 'license'],
  ['grey', 'gray'],
  ['programme', 'program'],
  ['programmes', 'programs'],
]);

const SUFFIXES: readonly [RegExp, string][] = [
  [/isation(s?)$/, 'ization$1'],
  [/is(e|ed|es|ing)$/, 'iz$1'],
  [/ys(e|ed|es|ing)$/, 'yz$1'],
  [/our(s|ed|ing)?$/, 'or$1'],
  [/tre(s?)$/, 'ter$1'],
];

/** Words this short are mostly function words or names where the suffix rules would misfire. */
const MIN_LENGTH = 6;

export function americanise(word: string): string {
  const whole = WHOLE_WORDS.get(word);
  if (whole) return whole;
  if (word.length < MIN_LENGTH) return word;
  for (const [pattern, replacement] of SUFFIXES) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return word;
}
