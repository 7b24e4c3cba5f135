import { describe, expect, it } from 'vitest';
import { lazyMatcher } from '../../../src/core/match/lazy-matcher.js';
import { noMatcher } from '../../support/no-matcher.js';
import { runCommand } from '../../../src/core/dispatch.js';
import { contextFor, testServices } from '../../support/core.js';

describe('lazyMatcher', () => {
  it('loads its code once, on first use, and builds the index once', async () => {
    let loads = 0;
    let builds = 0;
    const matcher = lazyMatcher(async () => {
      loads++;
      return () => {
        builds++;
        return noMatcher;
      };
    });
    expect(loads).toBe(0);
    expect(() => matcher.match('anything')).toThrow(/before its code loaded/);
    await Promise.all([matcher.load(), matcher.load()]);
    expect([loads, builds]).toEqual([1, 0]);
    expect(matcher.match('anything')).toBeNull();
    await matcher.warm();
    expect([loads, builds]).toEqual([1, 1]);
  });

  it('tries to load again after a load that failed', async () => {
    let attempts = 0;
    const matcher = lazyMatcher(async () => {
      if (++attempts === 1) throw new Error('disk hiccup');
      return () => noMatcher;
    });
    await expect(matcher.load()).rejects.toThrow('disk hiccup');
    await matcher.load();
    expect(matcher.rank('x')).toEqual([]);
    expect(attempts).toBe(2);
  });
});

describe('Services.ready', () => {
  it('is awaited before a command runs, and a failure to load answers as any failure does', async () => {
    const services = await testServices();
    let loaded = false;
    services.ready = async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      loaded = true;
    };
    const help = await runCommand(contextFor(services), { command: 'help', options: {} });
    expect(loaded).toBe(true);
    expect(JSON.stringify(help)).not.toMatch(/Something went wrong/);
    services.ready = async () => {
      throw new Error('missing chunk');
    };
    expect(JSON.stringify(await runCommand(contextFor(services), { command: 'help', options: {} }))).toMatch(/Something went wrong/);
  });
});
