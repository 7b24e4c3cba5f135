import type { Services, Where } from '../context.js';

/**
 * Picks the next item a channel has not seen, in order, starting over once every item has been
 * shown: prompts and key points do not repeat until the pack is exhausted.
 */
export async function nextUnseen<T extends { id: string }>(
  services: Services, where: Where, kind: string, items: readonly T[],
): Promise<T | null> {
  if (items.length === 0) return null;
  const seen = new Set(await services.store.seenInChannel(where, kind));
  let next = items.find((item) => !seen.has(item.id));
  if (!next) {
    await services.store.resetSeen(where, kind);
    next = items[0];
  }
  if (next) await services.store.markSeen(where, kind, next.id, services.now().getTime());
  return next ?? null;
}
