import type { PackData } from './schema.js';
import type { PackProblem } from './problems.js';
import { firstDifference, isVerbatim } from './verbatim.js';

/**
 * Checks what a schema cannot see: ids that must exist or be unique, quotes that must be the
 * article's exact words, and coverage rules (every point answered, every anchor used).
 */
/** How many different points of the other side must answer each point. */
export const MIN_ANSWERS = 3;

export function crossCheck(d: PackData): PackProblem[] {
  const problems: PackProblem[] = [];
  const add = (file: string, path: string, message: string) => problems.push({ file, path, message });

  const anchorText = new Map<string, string>();
  for (const [list, key] of [[d.article.keyPoints, 'keyPoints'], [d.article.paragraphs, 'paragraphs']] as const) {
    list.forEach((p, i) => {
      if (anchorText.has(p.anchor)) add('article.json', `${key}[${i}].anchor`, `anchor ${p.anchor} is defined twice`);
      anchorText.set(p.anchor, p.text);
    });
  }

  const checkQuote = (file: string, path: string, q: { anchor: string; text: string }) => {
    const paragraph = anchorText.get(q.anchor);
    if (paragraph === undefined) add(file, `${path}.anchor`, `anchor ${q.anchor} does not exist in the article`);
    else if (!isVerbatim(q.text, paragraph)) add(file, `${path}.text`, `the quote is not verbatim in ${q.anchor}: ${firstDifference(q.text, paragraph)}`);
  };
  const checkAnchor = (file: string, path: string, anchor: string) => {
    if (!anchorText.has(anchor)) add(file, path, `anchor ${anchor} does not exist in the article`);
  };
  const uniqueIds = (file: string, items: readonly { id: string }[]) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) add(file, `[${i}].id`, `id "${item.id}" is defined twice`);
      seen.add(item.id);
    });
    return seen;
  };

  const motionIds = uniqueIds('motions.json', d.motions);
  const pointIds = uniqueIds('points.json', d.points);
  uniqueIds('quiz.json', d.quiz);
  uniqueIds('prompts.json', d.prompts);
  const pointById = new Map(d.points.map((p) => [p.id, p]));

  const usedAnchors = new Set<string>();
  d.points.forEach((p, i) => {
    if (!motionIds.has(p.motion)) add('points.json', `[${i}].motion`, `motion "${p.motion}" is not defined`);
    p.quotes.forEach((q, j) => {
      usedAnchors.add(q.anchor);
      checkQuote('points.json', `[${i}].quotes[${j}]`, q);
    });
  });
  for (const motion of d.motions) {
    for (const side of ['for', 'against'] as const) {
      if (!d.points.some((p) => p.motion === motion.id && p.side === side)) {
        add('points.json', '(root)', `motion "${motion.id}" has no point ${side} it`);
      }
    }
  }

  const answered = new Set<string>();
  d.counterpoints.forEach((c, i) => {
    const point = pointById.get(c.point);
    const answer = pointById.get(c.answer);
    if (!point) add('counterpoints.json', `[${i}].point`, `point "${c.point}" is not defined`);
    if (!answer) add('counterpoints.json', `[${i}].answer`, `point "${c.answer}" is not defined`);
    if (point && answer) {
      if (point.motion !== answer.motion) add('counterpoints.json', `[${i}].answer`, `"${c.answer}" belongs to another motion than "${c.point}"`);
      else if (point.side === answer.side) add('counterpoints.json', `[${i}].answer`, `"${c.answer}" is on the same side as "${c.point}"`);
      else answered.add(c.point);
    }
  });
  d.points.forEach((p, i) => {
    if (!answered.has(p.id)) add('points.json', `[${i}]`, `point "${p.id}" has no counterpoint in counterpoints.json`);
  });

  // A debate answers a point once per different answering point: fewer than three and it runs dry.
  const answersOf = new Map<string, Set<string>>();
  for (const c of d.counterpoints) {
    const point = pointById.get(c.point);
    const answer = pointById.get(c.answer);
    if (point && answer && point.motion === answer.motion && point.side !== answer.side) {
      answersOf.set(c.point, (answersOf.get(c.point) ?? new Set()).add(c.answer));
    }
  }
  d.points.forEach((p, i) => {
    const n = answersOf.get(p.id)?.size ?? 0;
    if (n > 0 && n < MIN_ANSWERS) {
      add('points.json', `[${i}]`, `point "${p.id}" is answered by only ${n} point(s) of the other side in counterpoints.json; it needs ${MIN_ANSWERS} different answers`);
    }
  });

  // Retired ids stay valid for stored records only if they lead to a live point and are not reused.
  const retiredIds = new Set<string>();
  d.retired.forEach((r, i) => {
    if (pointIds.has(r.id)) add('retired.json', `[${i}].id`, `"${r.id}" is still a point in points.json; a retired id cannot also be live`);
    if (retiredIds.has(r.id)) add('retired.json', `[${i}].id`, `"${r.id}" is retired twice`);
    if (!pointIds.has(r.replacedBy)) add('retired.json', `[${i}].replacedBy`, `point "${r.replacedBy}" is not defined in points.json`);
    retiredIds.add(r.id);
  });

  // One line teaches one point: the same example under two points would teach the matcher both.
  const exampleOwner = new Map<string, string>();
  const normalised = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  d.examples.forEach((set, i) => {
    if (!pointIds.has(set.point)) add('examples.json', `[${i}].point`, `point "${set.point}" is not defined`);
    set.examples.forEach((text, j) => {
      const key = normalised(text);
      const owner = exampleOwner.get(key);
      if (owner !== undefined) {
        add('examples.json', `[${i}].examples[${j}]`, owner === set.point
          ? `this example is listed twice for "${set.point}"`
          : `this example is already an example of "${owner}"; an example belongs to one point`);
      } else exampleOwner.set(key, set.point);
    });
  });

  d.quiz.forEach((q, i) => {
    const right = q.options.filter((o) => o.correct).length;
    if (right !== 1) add('quiz.json', `[${i}].options`, `needs exactly one correct option, found ${right}`);
    const texts = new Set(q.options.map((o) => o.text.toLowerCase()));
    if (texts.size !== q.options.length) add('quiz.json', `[${i}].options`, 'two options have the same text');
    checkAnchor('quiz.json', `[${i}].anchor`, q.anchor);
    checkQuote('quiz.json', `[${i}].quote`, q.quote);
    if (q.kind === 'missing-word') {
      const word = q.options.find((o) => o.correct)?.text;
      if (!q.question.includes('_____')) add('quiz.json', `[${i}].question`, 'a missing-word question shows the quote with a _____ gap');
      if (word && !q.quote.text.includes(word)) add('quiz.json', `[${i}].options`, `the right word "${word}" is not in the quote`);
    }
  });

  d.prompts.forEach((p, i) => {
    p.points.forEach((id, j) => {
      if (!pointIds.has(id) && !retiredIds.has(id)) add('prompts.json', `[${i}].points[${j}]`, `point "${id}" is not defined`);
    });
    p.anchors.forEach((a, j) => checkAnchor('prompts.json', `[${i}].anchors[${j}]`, a));
    if (p.points.length === 0 && p.anchors.length === 0) add('prompts.json', `[${i}]`, 'a prompt names at least one point or anchor');
  });

  for (const anchor of anchorText.keys()) {
    if (!usedAnchors.has(anchor)) add('points.json', '(root)', `anchor ${anchor} is quoted by no point`);
  }
  return problems;
}
