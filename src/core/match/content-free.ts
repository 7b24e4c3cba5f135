import { analyse } from './analyse.js';
import { normaliseText, words } from './normalise.js';
import { STOP_WORDS } from './stopwords.js';

/**
 * Replies that make no claim, however many of the pack's words they use. A point is a claim about
 * the war or the alliance: something is so, because of something. Three kinds of reply have the
 * motion's vocabulary and still claim nothing, and the ranking alone cannot tell them from an
 * argument, because it scores words, not what links them:
 *
 * - a bare list: names or keywords in a row, with no word between them that could link one to
 *   another ("biden, orban, erdogan, article 5", "himars / f-16s / patriots");
 * - a reply whose every meaningful word is the topic itself, a verdict, or talk about the debate:
 *   "nato bad", "ukraine good honestly", "interesting motion tbh", "what does de facto mean".
 *   Topic words are the motion's own (its statement, its title and the id it is started by) and
 *   those most of its points use (ukraine, nato, russia…), so they cannot tell one point from
 *   another; a verdict judges without giving a reason;
 * - a question to the bot about a name (asksTheBot): "whats a reassurance force", "can u explain the
 *   bucharest thing".
 *
 * All are refused in a debate, neither answered nor asked about: a sure answer or a "Did you
 * mean…?" would put an argument in the user's mouth. Questions that only ask about the topic or the
 * debate ("can u explain the motion", "what does de facto mean") are the second kind. Of the 1,352
 * arguments in the tune halves of the four student sets, the older labelled sets' tuning parts and
 * the pack's examples, none is any of them.
 */

/** Judging without a reason. Not "right" ("Ukraine's right to choose" is a point) nor "true". */
const VERDICTS: ReadonlySet<string> = new Set(analyse(`
  good bad wrong correct incorrect disagree yeah yep yup nah nope facts fax cap based valid fair
  exactly absolutely definitely nonsense ridiculous great terrible awful best worst weird simple
  whatever big oppose opposed favour favor
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
export function isBareList(text: string, normalised = normaliseText(text)): boolean {
  if (RELATION.test(text)) return false;
  const items = normalised.split(LIST_SEPARATOR).map((item) => words(item)).filter((item) => item.length > 0);
  return items.length >= LIST_ITEMS && items.every((item) => item.length <= ITEM_WORDS && !item.some(links));
}

/** Every meaningful term is a topic word, a verdict or talk about the debate (and there is at least one). */
export function onlyTopicAndVerdict(terms: readonly string[], topic: ReadonlySet<string>): boolean {
  return terms.length > 0 && terms.every((t) => topic.has(t) || VERDICTS.has(t) || DEBATE_TALK.has(t));
}

/**
 * A question to the bot rather than a reply in the debate: a request to explain, define or tell
 * about something, or "what is / who is / what does … mean" about a short name. What it asks
 * about is a bare name (at most ITEM_WORDS + 1 words, nothing linking them but an article), and
 * nothing follows the question: "can u explain the bucharest thing", "whats a reassurance force",
 * "what does de facto even mean", "nato stands for north atlantic treaty organisation right", and the
 * same asked as a statement ("i have no idea what co-belligerent means").
 * A rhetorical question that argues ("what does ukraine gain from a statement with no guarantee?",
 * "whats the difference if art 5 = help of each allys choosing") relates its words, or goes on.
 */
const OPENERS = String.raw`(?:(?:hey|hi|ok|okay|so|um|uh|wait|sorry|pls|please|bot|rostrum|quick|question)\s+)*`;
const ASKING: readonly RegExp[] = [
  // "can u explain X", "could someone tell me about X", "explain X pls", "remind me what X is".
  new RegExp(String.raw`^${OPENERS}(?:(?:can|could|would|will)\s+(?:you|u|ya|someone|somebody|anyone)\s+(?:pls\s+|please\s+)?)?` +
    String.raw`(?:explain|define|clarify|describe|summari[sz]e|tell\s+(?:me|us)\s+(?:about|what)|remind\s+(?:me|us)\s+(?:about|of|what))\s+(.+?)` +
    String.raw`(?:\s+(?:is|are|was|means?))?$`),
  // "what is X", "whats a X", "who was X", "what are X".
  new RegExp(String.raw`^${OPENERS}(?:what|who|wat|wut)(?:\s+(?:is|are|was|were)|'s|s|'re)\s+(.+)$`),
  // "what does X mean", "what do X stand for".
  new RegExp(String.raw`^${OPENERS}(?:what|wat|wut)\s+(?:does|do|did)\s+(.+?)\s+(?:even\s+)?(?:mean|stand\s+for)$`),
  // "i have no idea what X means", "idk what X is", "not sure what X stands for": asking, said as a statement.
  new RegExp(String.raw`^${OPENERS}(?:i\s+|i'm\s+|im\s+)?(?:have\s+no\s+idea|no\s+idea|(?:do\s+not|don't|dont)\s+(?:really\s+)?(?:know|get|understand)|dunno|idk|(?:am\s+)?not\s+sure)` +
    String.raw`\s+what\s+(.+?)\s+(?:even\s+)?(?:means?|is|are|stands?\s+for)$`),
  // "X stands for Y": spelling a name out.
  /^[\p{L}\p{N}-]+\s+(?:stands|stand|is\s+short)\s+for\s+(.+)$/u,
];
/** Chat that may trail a question without changing what it asks. */
const TRAILING = new Set(['again', 'thing', 'things', 'stuff', 'pls', 'please', 'right', 'exactly', 'even', 'lol', 'bro', 'then', 'here', 'mean']);
const ASKED_WORDS = ITEM_WORDS + 1;

export function asksTheBot(text: string, normalised = normaliseText(text)): boolean {
  // One question, nothing after it: the trailing "?" or "!" may go, any other stop means more follows.
  const said = normalised.trim().replace(/[\s?!.]+$/, '').replace(/\s+/g, ' ');
  if (/[.?!,;:=<>]/.test(said)) return false;
  for (const re of ASKING) {
    const asked = re.exec(said)?.[1];
    if (asked === undefined) continue;
    const item = words(asked);
    while (item.length > 0 && TRAILING.has(item[item.length - 1]!)) item.pop();
    if (item.length > 0 && item.length <= ASKED_WORDS && !item.some(links)) return true;
  }
  return false;
}

/**
 * Whether a reply, with `terms` its distinct analysed terms (and `normalised` its normaliseText, when
 * the caller has it already), makes no claim in a debate whose topic words are `topic`.
 */
export function makesNoClaim(text: string, terms: readonly string[], topic: ReadonlySet<string>, normalised = normaliseText(text)): boolean {
  return isBareList(text, normalised) || onlyTopicAndVerdict(terms, topic) || asksTheBot(text, normalised);
}
