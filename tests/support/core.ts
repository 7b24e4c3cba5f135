import { loadPack } from '../../src/core/pack/load.js';
import type { Pack } from '../../src/core/pack/model.js';
import { createMatcher } from '../../src/core/match/create-matcher.js';
import type { Matcher } from '../../src/core/match/matcher.js';
import { createServices } from '../../src/core/services.js';
import type { BaseContext, CoreSettings, Services } from '../../src/core/context.js';
import { openSqliteStore } from '../../src/store/sqlite.js';

let shared: Promise<{ pack: Pack; matcher: Matcher }> | null = null;

/** The shipped pack and its matcher, loaded once per test file. */
export function shippedPack(): Promise<{ pack: Pack; matcher: Matcher }> {
  shared ??= loadPack().then((pack) => ({ pack, matcher: createMatcher(pack) }));
  return shared;
}

/** A settable clock for tests: starts at `start` and moves only when told. */
export function testClock(start = Date.UTC(2026, 10, 26, 12, 0, 0)) {
  let t = start;
  return {
    now: () => new Date(t),
    set: (ms: number) => { t = ms; },
    advance: (ms: number) => { t += ms; },
  };
}

/** A repeatable random source (mulberry32), so shuffles are the same on every run. */
export function seededRandom(seed = 42): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Services over the real pack and matcher and an in-memory (or given) SQLite store. */
export async function testServices(options: { path?: string; settings?: Partial<CoreSettings>; now?: () => Date; random?: () => number } = {}): Promise<Services> {
  const { pack, matcher } = await shippedPack();
  const store = await openSqliteStore(options.path ?? ':memory:');
  return createServices({ pack, matcher, store, settings: options.settings, now: options.now, random: options.random ?? seededRandom() });
}

export function contextFor(services: Services, user = 'alice', channel = 'general', extra: Partial<BaseContext> = {}): BaseContext {
  return { platform: 'shell', serverId: 'server-1', channelId: channel, user: { id: user, name: user }, isAdmin: false, services, ...extra };
}
