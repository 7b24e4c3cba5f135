import { beforeAll, describe, expect, it } from 'vitest';
import type { BaseContext, Services } from '../../../src/core/context.js';
import { suggest } from '../../../src/core/autocomplete.js';
import { analyse } from '../../../src/core/match/analyse.js';
import { normaliseText, words } from '../../../src/core/match/normalise.js';
import { runCommand } from '../../../src/core/dispatch.js';
import type { Reply } from '../../../src/core/reply.js';
import { contextFor, testServices } from '../../support/core.js';
import { choiceStarting, plain } from '../../support/replies.js';

let services: Services;
let ctx: BaseContext;
beforeAll(async () => {
  services = await testServices();
  ctx = contextFor(services, 'alice', 'kp-topics');
});

async function show(topic: string, motion?: string): Promise<Reply> {
  const replies = await runCommand(ctx, { command: 'keypoints', subcommand: 'show', options: { topic, ...(motion ? { motion } : {}) } });
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

/** The key point a reply shows, or null when it is the "couldn't find" notice. */
function shown(r: Reply) {
  if (!plain(r).startsWith('== Key point')) return null;
  return services.pack.pointById.get(choiceStarting(r, 'kp:counter:').id.slice('kp:counter:'.length)) ?? null;
}

const key = (text: string) => analyse(text).join(' ') || words(normaliseText(text)).join(' ');
const same = (a: string, b: string) => key(a) === key(b);

describe('/keypoints topic: (the shipped pack)', () => {
  it('finds a key point with that keyword for every suggestion the topic autocomplete offers', async () => {
    // With nothing typed yet the autocomplete offers every suggestion it has (platforms show 25 at a time).
    const suggestions = await suggest({ ...ctx, option: 'topic' }, 'topic', '');
    expect(suggestions.length).toBeGreaterThan(25);
    const missed: string[] = [];
    for (const s of suggestions) {
      const point = shown(await show(s.value));
      if (!point || point.source !== 'author' || ![...point.keywords, ...point.synonyms].some((k) => same(k, s.value))) missed.push(s.value);
    }
    expect(missed).toEqual([]);
  });

  it('finds a key point for every keyword and synonym the pack gives, editorial points’ too', async () => {
    const words = [...new Set(services.pack.points.flatMap((p) => [...p.keywords, ...p.synonyms]))];
    const missed: string[] = [];
    for (const w of words) if (shown(await show(w))?.source !== 'author') missed.push(w);
    expect(missed).toEqual([]);
  }, 120_000); // hundreds of look-ups through the store: slow only on a loaded machine

  it('finds one for “escalation”, the word its own not-found notice suggests', async () => {
    expect(shown(await show('escalation'))?.source).toBe('author');
    expect(shown(await show('Escalating'))?.source).toBe('author');
  });

  it('keeps to the motion given, and still answers a topic the article does not touch with a notice', async () => {
    for (const motion of services.pack.motions) {
      const point = shown(await show('escalation', motion.id));
      if (point) expect(point.motion).toBe(motion.id);
    }
    const r = await show('the best pizza topping');
    expect(shown(r)).toBeNull();
    expect(plain(r)).toContain('I couldn’t find a key point');
  });
});
