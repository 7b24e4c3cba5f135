import { beforeEach, describe, expect, it } from 'vitest';
import type { BaseContext, Services } from '../../../src/core/context.js';
import type { Point } from '../../../src/core/pack/schema.js';
import { otherSide } from '../../../src/core/pack/model.js';
import { runChoice, runCommand, runText } from '../../../src/core/dispatch.js';
import { AUTHOR_LABEL, editorialLabel, sideLabel } from '../../../src/core/present.js';
import type { Reply } from '../../../src/core/reply.js';
import { contextFor, testServices, unplaceableTexts } from '../../support/core.js';
import { blocksOf, choiceStarting, plain, quoteProblems, texts } from '../../support/replies.js';

let services: Services;
let ctx: BaseContext;
beforeEach(async () => {
  services = await testServices();
  ctx = contextFor(services, 'alice', 'kp-general');
});

const authorPoints = () => services.pack.points.filter((p) => p.source === 'author');

/** The point a key-point reply shows, read from its Counterpoint button (`kp:counter:<point>`). */
function shownPoint(r: Reply): Point {
  const id = choiceStarting(r, 'kp:counter:').id.slice('kp:counter:'.length);
  const point = services.pack.pointById.get(id);
  if (!point) throw new Error(`the reply names no known point: ${id}`);
  return point;
}

async function show(where: BaseContext, options: Record<string, string> = {}): Promise<Reply> {
  const replies = await runCommand(where, { command: 'keypoints', subcommand: 'show', options });
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

describe('/keypoints show: rotation', () => {
  it('shows every author point once before any repeats, then starts over', async () => {
    const all = authorPoints().map((p) => p.id);
    const firstRound: string[] = [];
    for (let i = 0; i < all.length; i++) firstRound.push(shownPoint(await show(ctx)).id);
    expect(new Set(firstRound).size).toBe(all.length);
    expect([...firstRound].sort()).toEqual([...all].sort());

    const secondRound: string[] = [];
    for (let i = 0; i < all.length; i++) secondRound.push(shownPoint(await show(ctx)).id);
    expect([...secondRound].sort()).toEqual([...all].sort());
  });

  it('keeps a rotation per channel', async () => {
    const other = contextFor(services, 'bob', 'kp-other');
    const here = [shownPoint(await show(ctx)).id, shownPoint(await show(ctx)).id, shownPoint(await show(ctx)).id];
    const there = shownPoint(await show(other)).id;
    // The other channel starts from the beginning, not where this one got to.
    expect(there).toBe(here[0]);
    const rest: string[] = [];
    for (let i = 3; i < authorPoints().length; i++) rest.push(shownPoint(await show(ctx)).id);
    expect(new Set([...here, ...rest]).size).toBe(authorPoints().length);
  });

  it('shows only a motion’s points when asked, and still without repeats', async () => {
    const motion = services.pack.motions[1]!;
    const ids = authorPoints().filter((p) => p.motion === motion.id).map((p) => p.id);
    const seen: string[] = [];
    for (let i = 0; i < ids.length; i++) seen.push(shownPoint(await show(ctx, { motion: motion.id })).id);
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it('keeps other motions’ progress when one motion’s rotation starts over', async () => {
    const [a, b] = services.pack.motions;
    const pointsOf = (motion: string) => authorPoints().filter((p) => p.motion === motion).map((p) => p.id);
    for (let i = 0; i < pointsOf(a!.id).length; i++) await show(ctx, { motion: a!.id });
    // Motion b round and a half: its rotation starts over.
    for (let i = 0; i <= pointsOf(b!.id).length; i++) await show(ctx, { motion: b!.id });
    const rest: string[] = [];
    for (let i = 0; i < authorPoints().length - pointsOf(a!.id).length - 1; i++) rest.push(shownPoint(await show(ctx)).id);
    expect(rest.filter((id) => pointsOf(a!.id).includes(id))).toEqual([]);
    expect(new Set(rest).size).toBe(rest.length);
  });

  it('refuses an unknown motion by name instead of claiming the pack is empty', async () => {
    const r = await show(ctx, { motion: 'no-such-motion' });
    expect(r.visibility).toBe('private');
    expect(plain(r)).toContain('no motion “no-such-motion”');
    for (const m of services.pack.motions) expect(plain(r)).toContain(m.id);
  });

  it('offers Another, which continues the motion’s rotation', async () => {
    const first = await show(ctx);
    const another = choiceStarting(first, 'kp:next:');
    const [next] = await runChoice(ctx, { choiceId: another.id });
    expect(shownPoint(next!).id).not.toBe(shownPoint(first).id);
    expect(shownPoint(next!).motion).toBe(shownPoint(first).motion);
  });
});

describe('/keypoints show: the reply', () => {
  it('quotes every author point verbatim from its anchor, with anchor, title and author', async () => {
    for (let i = 0; i < authorPoints().length; i++) {
      const r = await show(ctx);
      const point = shownPoint(r);
      const quotes = blocksOf(r, 'quote');
      expect(quotes.length).toBeGreaterThan(0);
      expect(quoteProblems(services.pack, r)).toEqual([]);
      expect(quotes[0]).toMatchObject({ text: point.quotes[0]!.text, citation: { anchor: point.quotes[0]!.anchor } });
      expect(plain(r)).toContain(point.claim);
      expect(plain(r)).toContain(sideLabel(point.side));
    }
  });

  it('is public', async () => {
    expect((await show(ctx)).visibility).toBe('public');
  });
});

describe('/keypoints show: one reply per point', () => {
  it('hands out the same reply object each time a point is shown, in any channel, so an adapter can keep its rendering', async () => {
    const first = await show(ctx);
    for (let i = 1; i < authorPoints().length; i++) await show(ctx);
    const again = await show(ctx);
    expect(shownPoint(again).id).toBe(shownPoint(first).id);
    expect(again).toBe(first);
    expect(await show(contextFor(services, 'bob', 'kp-elsewhere'))).toBe(first);
  });

  it('is frozen, so an edit in place fails instead of changing every later answer', async () => {
    const r = await show(ctx);
    expect(Object.isFrozen(r)).toBe(true);
    expect(() => (r.blocks as unknown as unknown[]).push({ type: 'text', text: 'x' })).toThrow(TypeError);
    expect(Object.isFrozen(r.blocks[0])).toBe(true);
  });
});

describe('/keypoints show topic:', () => {
  it('shows the author point whose claim the topic states', async () => {
    for (const point of authorPoints()) {
      expect(shownPoint(await show(ctx, { topic: point.claim })).id).toBe(point.id);
    }
  });

  it('shows a point about a topic in plain words, through the text grammar too', async () => {
    const point = authorPoints().find((p) => p.keywords.length > 0)!;
    const [r] = await runText(ctx, 'keypoints', `show topic:${point.claim}`);
    expect(shownPoint(r!).id).toBe(point.id);
    const [bare] = await runText(ctx, 'keypoints', point.claim);
    expect(shownPoint(bare!).id).toBe(point.id);
  });

  it('keeps to the motion given with the topic', async () => {
    const point = authorPoints()[0]!;
    const elsewhere = services.pack.motions.find((m) => m.id !== point.motion)!;
    expect(shownPoint(await show(ctx, { topic: point.claim, motion: point.motion })).id).toBe(point.id);
    const r = await show(ctx, { topic: point.claim, motion: elsewhere.id });
    const shown = blocksOf(r, 'choices').length > 0 ? shownPoint(r) : null;
    expect(shown?.id).not.toBe(point.id);
    if (shown) expect(shown.motion).toBe(elsewhere.id);
  });

  it('answers a topic the article does not touch with a polite notice naming it', async () => {
    const [topic] = await unplaceableTexts();
    expect(topic).toBeDefined();
    const r = await show(ctx, { topic: topic! });
    expect(r.visibility).toBe('private');
    expect(plain(r)).toContain(`about “${topic}”`);
    expect(blocksOf(r, 'quote')).toEqual([]);
    expect(blocksOf(r, 'choices')).toEqual([]);
  });

  it('counts a topic’s point as seen in the rotation', async () => {
    const point = authorPoints()[0]!;
    await show(ctx, { topic: point.claim });
    const rest: string[] = [];
    for (let i = 1; i < authorPoints().length; i++) rest.push(shownPoint(await show(ctx)).id);
    expect(rest).not.toContain(point.id);
  });
});

describe('the Counterpoint choice', () => {
  async function counterTo(point: Point): Promise<Reply> {
    const r = await show(ctx, { topic: point.claim });
    const [counter] = await runChoice(ctx, { choiceId: choiceStarting(r, 'kp:counter:').id });
    return counter!;
  }

  it('answers from the other side with the pack’s first counterpoint, labelled by its source', async () => {
    for (const point of authorPoints()) {
      const first = services.pack.answersTo(point.id)[0]!;
      const answering = services.pack.pointById.get(first.answer)!;
      expect(answering.side).toBe(otherSide(point.side));
      const r = await counterTo(point);
      const all = texts(r);
      expect(blocksOf(r, 'heading')[0]?.text).toContain(sideLabel(answering.side));
      expect(all).toContain(first.rebuttal);
      expect(all).toContain(answering.claim);
      expect(quoteProblems(services.pack, r)).toEqual([]);
      const footers = blocksOf(r, 'footer').map((f) => f.text);
      if (answering.source === 'author') {
        expect(footers.some((f) => f.startsWith(AUTHOR_LABEL))).toBe(true);
        expect(blocksOf(r, 'quote').map((q) => q.text)).toEqual([answering.quotes[0]!.text]);
      } else {
        expect(footers).toContain(editorialLabel(answering));
        expect(blocksOf(r, 'quote')).toEqual([]);
      }
    }
  });

  it('covers both kinds of answer in the shipped pack', () => {
    const sources = new Set(authorPoints().map((p) => services.pack.pointById.get(services.pack.answersTo(p.id)[0]!.answer)!.source));
    expect(sources).toEqual(new Set(['author', 'editorial']));
  });

  it('answers a counterpoint id that names no point with the expired notice', async () => {
    const [r] = await runChoice(ctx, { choiceId: 'kp:counter:no-such-point' });
    expect(r?.visibility).toBe('private');
    expect(plain(r!)).toMatch(/expired/i);
  });
});

describe('/keypoints list', () => {
  it('lists every point of a motion, both sides, with anchors or “editorial”', async () => {
    for (const motion of services.pack.motions) {
      const replies = await runCommand(ctx, { command: 'keypoints', subcommand: 'list', options: { motion: motion.id } });
      expect(replies).toHaveLength(1);
      const text = plain(replies);
      expect(text).toContain(motion.statement);
      const points = services.pack.pointsOf(motion.id);
      expect(points.length).toBeGreaterThan(0);
      for (const p of points) {
        expect(text).toContain(p.claim);
        const where = p.source === 'author' ? [...new Set(p.quotes.map((q) => q.anchor))].join(', ') : 'editorial'; // each anchor once
        expect(text).toContain(`${p.claim} (${where})`);
      }
      for (const other of services.pack.points.filter((p) => p.motion !== motion.id)) expect(text).not.toContain(other.claim);
    }
  });

  it('lists every motion when none is named', async () => {
    const replies = await runText(ctx, 'keypoints', 'list');
    for (const p of services.pack.points) expect(plain(replies)).toContain(p.claim);
    // Both reader comments on the saved page are unfit to quote (one calls for partitioning Ukraine,
    // the other is abusive), so the shipped pack quotes none and the list has no readers' reply;
    // how a reader view is shown, with what it replied to, is tested in tests/core/present.test.ts.
    expect(services.pack.article.readerViews).toEqual([]);
    expect(replies).toHaveLength(services.pack.motions.length);
    expect(plain(replies)).not.toContain('What readers said');
  });

  it('keeps a list for one motion to that motion, without the readers’ comments', async () => {
    const replies = await runText(ctx, 'keypoints', `list ${services.pack.motions[0]!.id}`);
    expect(plain(replies)).not.toContain('What readers said');
  });

  it('refuses an unknown motion, naming the real ones', async () => {
    const [r] = await runText(ctx, 'keypoints', 'list no-such-motion');
    expect(r?.visibility).toBe('private');
    for (const m of services.pack.motions) expect(plain(r!)).toContain(m.id);
  });
});
