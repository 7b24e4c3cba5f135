import type { Services } from '../context.js';
import type { Point } from '../pack/schema.js';
import { analyse } from '../match/analyse.js';
import { normaliseText, words } from '../match/normalise.js';

// Some keywords are all stop words ("in between", "let in"): those are compared word for word.
const key = (text: string) => analyse(text).join(' ') || words(normaliseText(text)).join(' ');
const phrasesOf = (p: Point) => [...p.keywords, ...p.synonyms];

/**
 * The key point (an author point) a /keypoints topic is about. The pack's own keywords and synonyms
 * come first, looked up directly, since they are what the topic autocomplete offers and what a
 * teacher wrote the point to be found by; a single word such as "escalation" is too little for the
 * argument matcher, which asks for evidence before it places a line. In order:
 * 1. a key point with the topic as a keyword or synonym (inflection, case and stop words aside);
 * 2. the topic as another point's keyword or synonym: the key point answering it, or that it answers;
 * 3. a key point with a keyword or synonym containing every word of the topic ("escalation" in
 *    "risk of escalation"), the one with most such phrases first;
 * 4. the argument matcher's ranking, if it finds that the topic makes a point at all.
 */
export function keyPointForTopic(services: Services, topic: string, motion?: string): Point | undefined {
  const { pack, matcher } = services;
  const wanted = key(topic);
  if (!wanted) return undefined;
  const inScope = pack.points.filter((p) => !motion || p.motion === motion);
  const keyPoints = inScope.filter((p) => p.source === 'author');
  const named = (p: Point) => phrasesOf(p).some((k) => key(k) === wanted);

  const exact = keyPoints.find(named);
  if (exact) return exact;

  for (const other of inScope.filter(named)) {
    const linked = [
      ...pack.answersTo(other.id).map((c) => c.answer),
      ...pack.counterpoints.filter((c) => c.answer === other.id).map((c) => c.point),
    ].map((id) => pack.pointById.get(id)).find((p): p is Point => p?.source === 'author' && (!motion || p.motion === motion));
    if (linked) return linked;
  }

  const terms = wanted.split(' ');
  const containing = (p: Point) => phrasesOf(p).filter((k) => {
    const words = new Set(analyse(k));
    return terms.every((t) => words.has(t));
  }).length;
  const partial = keyPoints.map((p) => ({ p, n: containing(p) })).filter((x) => x.n > 0).sort((a, b) => b.n - a.n)[0];
  if (partial) return partial.p;

  return matcher.rank(topic, { motion })
    .map((m) => pack.pointById.get(m.point))
    .find((p): p is Point => p?.source === 'author');
}
