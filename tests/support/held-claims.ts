import type { Services } from '../../src/core/context.js';

/**
 * Holds every request claim of `services` back until `release` is called (or `ms` pass), then lets
 * it through to the real store, as a stalled database would: for a test of what an instance sends
 * while its claim is still out.
 */
export function holdClaims(services: Services, ms?: number): { release: () => void } {
  const real = services.store.claimRequest.bind(services.store);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  if (ms !== undefined) setTimeout(release, ms);
  services.store = Object.create(services.store, {
    claimRequest: { value: async (key: string, now: number) => (await released, real(key, now)) },
  });
  return { release };
}
