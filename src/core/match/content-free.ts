import { analyse } from './analyse.js';
import { normaliseText, words } from './normalise.js';
import { STOP_WORDS } from './stopwords.js';

/**
 * Replies that make no claim, however many of the pack's words they use. A point is a claim about
 * the war or the alliance: something is so, because of something. Two kinds of reply have the
 * motion's vocabulary and still claim nothing, and the ranking alone cannot tell them from an
 * argument, because it scores words, not what links them:
 *
 * - a bare list: names or keywords in a row, with no word between them that could link one to
 *   another ("biden, orban, erdogan, article 5", "himars / f-16s / patriots");
 * - a reply whose every meaningful word is the topic itself, a verdict, or talk about the debate:
 *   "nato bad", "ukraine good honestly", "interesting motion tbh", "what does de facto mean".
 *   Topic words are the motion's own (its statement, its title and the id it is started by) and
 *   those most of its points use (ukraine, nato, russia…), so they cannot tell one point from
 *   another; a verdict judges without giving a reason.
 *
 * Both are refused in a debate, neither answered nor asked about: a sure answer or a "Did you
 * mean…?" would put an argument in the user's mouth. Questions that only ask about the topic or the
 * debate ("can u explain the motion", "what does de facto mean") are the second kind. Of the 1,319
 * arguments in the tune halves of the student sets, the older labelled sets and the pack's
 * examples, none is either.
 */

/** Judging without a reason. Not "right" ("Ukraine's right to choose" is a point) nor "true". */
const VERDICTS: ReadonlySet<string> = new Set(analyse(`
  good bad wrong correct incorrect disagree yeah yep yup nah nope facts fax cap based valid fair
  exactly absolutely definitely nonsense ridiculous great terrible awful best worst weird simple
  whatever big
`));

/**
 * Words about the debate, the article or the chat rather than the world, and the fillers chat
 * wraps them in: they argue nothing.
 */
const DEBATE_TALK: ReadonlySet<string> = new Set(analyse(`
  motion debate topic article argument points question opinion opinions side sides idea discuss
  discussion explain interesting complicated confusing metaphor thing things stuff bot read wrote
  written author one basically actually kinda wow idk tbh ngl hmm lol lmao bro dude man guys
`));

/** What may separate the items of a list: punctuation, "and", "&", "+". */
const LIST_SEPARATOR = /[,;/|+&\n•·]|\band\b/;

/** A list needs at least this many items (two are as often a phrase: "russia bad, ukraine good"). */
const LIST_ITEMS = 3;

/** An item longer than this is a phrase, not a name or keyword. */
const ITEM_WORDS = 3;

/** Articles belong to a name ("the baltics"); every other function word could link one item to another. */
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the']);
const links = (word: string) => STOP_WORDS.has(word) && !ARTICLES.has(word);

/**
 * Chat writes predicates as symbols too: "armed ukraine = safer europe", "tanks > troops",
 * "aid -> peace" (Slack escapes < and > as &lt; and &gt;).
 */
const RELATION = /[=<>→⇒≠≈]|&[gl]t;|\bvs\.?\b/i;

/**
 * A run of at least three short items and nothing else, with no function word but an article and
 * no relating symbol: without "is", "has", "because", "they", "no", "=", ">"… nothing relates one
 * item to another, so there is no claim.
 */
export function isBareList(text: string): boolean {
  if (RELATION.test(text)) return false;
  const items = normaliseText(text).split(LIST_SEPARATOR).map((item) => words(item)).filter((item) => item.length > 0);
  return items.length >= LIST_ITEMS && items.every((item) => item.length <= ITEM_WORDS && !item.some(links));
}

/** Every meaningful term is a topic word, a verdict or talk about the debate (and there is at least one). */
export function onlyTopicAndVerdict(terms: readonly string[], topic: ReadonlySet<string>): boolean {
  return terms.length > 0 && terms.every((t) => topic.has(t) || VERDICTS.has(t) || DEBATE_TALK.has(t));
}

/** Whether a reply, with `terms` its distinct analysed terms, makes no claim in a debate whose topic words are `topic`. */
export function makesNoClaim(text: string, terms: readonly string[], topic: ReadonlySet<string>): boolean {
  return isBareList(text) || onlyTopicAndVerdict(terms, topic);
}
