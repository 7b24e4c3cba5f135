/**
 * Words that carry no argument: function words, plus the hedges people wrap a debate point in
 * ("I think", "clearly", "honestly"). Dropping them keeps them out of the BM25 score and, more
 * importantly, out of the coverage ratio, so "I really think that X" is judged on X alone.
 * Contractions appear twice, with and without the apostrophe, because chat users often skip it.
 *
 * Negations are stop words too: a bag-of-words index cannot tell "is" from "is not", so keeping
 * them would only make every negated sentence look less covered.
 */
const WORDS = `
a about above after again against all also although am an and any are aren't as at
be because been before being below between both but by
can can't cannot could couldn't
did didn't do does doesn't doing don't down during
each either else even ever every
few for from further
get gets getting got gotta
had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's however
i i'd i'll i'm i've if in into is isn't it it's its itself
just
let let's like
may maybe me might more most much must mustn't my myself
neither never no nor not now
of off on once only or other others ought our ours ourselves out over own
per perhaps please
quite
rather really
same shall shan't she she'd she'll she's should shouldn't since so some such
than that that's the their theirs them themselves then there there's these they they'd they'll they're they've
this those though through thus to too
under until up upon us
very via
was wasn't we we'd we'll we're we've were weren't what what's when when's where where's whether which while who who's whom whose why why's will with won't would wouldn't
yes yet you you'd you'll you're you've your yours yourself yourselves
aint arent cant couldnt didnt doesnt dont hadnt hasnt havent im isnt ive lets shouldnt thats
theres theyre wasnt werent whats wont wouldnt youre
agree argue argued argues arguing believe clearly guess honestly literally mean obviously
okay ok point probably say said saying seems simply sure think thinks thought totally truly
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
