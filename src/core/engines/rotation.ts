import type { Services, Where } from '../context.js';

/**
 * Picks the next item a channel has not seen, in order, starting over once every item has been
 * shown: prompts and key points do not repeat until the pack is exhausted. `items` may be a subset
 * (one motion's key points): starting it over keeps what the channel has seen of the rest.
 */
export async function nextUnseen<T extends { id: string }>(
  services: Services, where: Where, kind: string, items: readonly T[],
): Promise<T | null> {
  if (items.length === 0) return null;
  // One statement marks the next item; requests (or instances) at the same moment get different ones.
  const claimed = await services.store.claimNextUnseen(where, kind, items.map((item) => item.id), services.now().getTime());
  return items.find((item) => item.id === claimed) ?? null;
}
