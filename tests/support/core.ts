import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { loadPack } from '../../src/core/pack/load.js';
import type { Pack } from '../../src/core/pack/model.js';
import { createMatcher } from '../../src/core/match/create-matcher.js';
import type { Matcher } from '../../src/core/match/matcher.js';
import { createServices } from '../../src/core/services.js';
import type { Logger } from '../../src/core/logger.js';
import type { BaseContext, CoreSettings, Services } from '../../src/core/context.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { cronerScheduling } from '../../src/schedule/slots.js';

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
export async function testServices(options: { path?: string; settings?: Partial<CoreSettings>; now?: () => Date; random?: () => number; logger?: Logger } = {}): Promise<Services> {
  const { pack, matcher } = await shippedPack();
  const store = await openSqliteStore(options.path ?? ':memory:');
  return createServices({ pack, matcher, store, scheduling: cronerScheduling, settings: options.settings, now: options.now, random: options.random ?? seededRandom(), logger: options.logger });
}

export function contextFor(services: Services, user = 'alice', channel = 'general', extra: Partial<BaseContext> = {}): BaseContext {
  return { platform: 'shell', serverId: 'server-1', channelId: channel, user: { id: user, name: user }, isAdmin: false, services, ...extra };
}

/** A path for a SQLite file in a fresh temporary folder (several Services may open it: a restart, a second instance). */
export function tempDbPath(name = 'rostrum.db'): string {
  const dir = mkdtempSync(join(tmpdir(), 'rostrum-test-'));
  tempDirs.push(dir);
  return join(dir, name);
}
const tempDirs: string[] = [];
// Registered on the file that imports this module: its temporary folders go when its tests are done.
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const MATCH_CASES = fileURLToPath(new URL('../fixtures/match-cases.json', import.meta.url));

/**
 * A text the shipped matcher places on `pointId` within its motion: the point's claim, else one of
 * the labelled arguments of tests/fixtures/match-cases.json. Throws when none does, so a test says why.
 */
export async function argumentFor(pointId: string): Promise<string> {
  const { pack, matcher } = await shippedPack();
  const point = pack.pointById.get(pointId);
  if (!point) throw new Error(`no point ${pointId} in the pack`);
  const cases = JSON.parse(readFileSync(MATCH_CASES, 'utf8')) as { arguments: { text: string; point: string }[] };
  const candidates = [point.claim, ...cases.arguments.filter((a) => a.point === pointId).map((a) => a.text)];
  const text = candidates.find((t) => matcher.match(t, { motion: point.motion })?.point === pointId);
  if (!text) throw new Error(`the matcher places no known text on ${pointId}`);
  return text;
}

/** Texts the shipped matcher places on no point of `motion` (off-topic chatter from the fixtures). */
export async function unplaceableTexts(motion?: string): Promise<string[]> {
  const { matcher } = await shippedPack();
  const cases = JSON.parse(readFileSync(MATCH_CASES, 'utf8')) as { offTopic: string[] };
  return cases.offTopic.filter((t) => t.trim().length > 3 && matcher.match(t, { motion }) === null);
}
