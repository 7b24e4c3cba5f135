import { createRequire } from 'node:module';

/** node:v8, loaded when first used: `rostrum shell` and the other commands never need it. */
const v8 = () => createRequire(import.meta.url)('node:v8') as typeof import('node:v8');

/**
 * V8 doubles its young generation (new space) after a scavenge that finds much of it still alive,
 * up to 32 MiB, and an idle process keeps what it grew to resident. Starting the bot (loading
 * discord.js or Bolt, the store, building the matcher's index, connecting) is mostly allocations
 * that live on, so it grew the young generation to its largest for objects that end up in the old
 * one anyway: a quarter of an idle Discord bot's memory. `rostrum start` holds the young generation
 * at its starting size until the bot has started, then lets it grow as V8 would for the traffic
 * that follows. V8 reads the factor at each growth, so setting it while running only decides how
 * much the next growth adds. `rostrum shell` does not hold it: it would scavenge more often on the
 * way to its first prompt, and the terminal's memory is well within its bound.
 */
export function holdYoungGeneration(): void {
  v8().setFlagsFromString('--semi-space-growth-factor=1');
}

/** Start-up is done: the young generation may grow again (2 is V8's own factor). */
export function startUpDone(): void {
  v8().setFlagsFromString('--semi-space-growth-factor=2');
}
