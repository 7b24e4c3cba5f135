import { describe, expect, it } from 'vitest';
import { channel, ownPlatform, T0 } from './contract-helpers.js';
import { capturePrepared, plansOfPrepared } from './sqlite-plans.js';

/**
 * Every /debate reply and /debate end looks up the person's active debate, and every quiz command
 * the active quiz. The one-active indexes are partial (WHERE status = 'active'), and SQLite uses a
 * partial index only when the query's own condition names the same literal: with 'active' as a
 * bound parameter SQLite read a person's debate through debates_by_user on its platform prefix alone,
 * every debate ever held on the platform, a cost that grows all term.
 * The statements the store prepares for these lookups are captured at the driver and planned here.
 */
const prepared = capturePrepared();

describe('SQLite: active debate and quiz lookups use the one-active indexes', () => {
  it('finds and ends a person’s active debate and finds the active quizzes without scanning their tables', async () => {
    const where = channel(ownPlatform());
    const lookups = await plansOfPrepared(prepared, async (store) => {
      await store.activeDebate(where, 'u1');
      await store.endActiveDebate(where, 'u1', T0);
      await store.activeChannelQuiz(where);
      await store.activeSoloQuiz(where, 'u1');
    }, (s) => /\b(debates|quizzes)\b/.test(s) && /status/.test(s));

    // The person's debate (one statement serves both calls on SQLite: with no active debate there is
    // nothing to end by id), the channel quiz and the solo quiz. A change that stops capturing them
    // fails here rather than passing with nothing planned.
    expect(lookups.map(({ source }) => source.match(/from "(\w+)"/)?.[1])).toEqual(['debates', 'quizzes', 'quizzes']);
    for (const { source, details } of lookups) {
      expect(details.join(' | '), source).toMatch(/USING (COVERING )?INDEX (debates_one_active|quizzes_one_)/);
      expect(details.some((d) => /^SCAN (debates|quizzes)\b/.test(d)), source).toBe(false);
    }
  });
});
