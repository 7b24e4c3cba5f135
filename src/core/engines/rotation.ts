import type { Services, Where } from '../context.js';

/**
 * Picks the next item a channel has not seen, in order, starting over once every item has been
 * shown: prompts and key points do not repeat until the pack is exhausted.
 */
export async function nextUnseen<T extends { id: string }>(
  services: Services, where: Where, kind: string, items: readonly T[],
): Promise<T | null> {
  if (items.length === 0) return null;
  const now = services.now().getTime();
  // One statement marks the first unseen item; requests (or instances) at the same moment get different ones.
  const claimed = await services.store.claimNextUnseen(where, kind, items.map((item) => item.id), now);
  if (claimed !== null) return items.find((item) => item.id === claimed) ?? null;
  const seen = await services.store.seenInChannel(where, kind);
  await services.store.resetSeen(where, kind);
  // `items` may be a subset (one motion's key points): starting it over must not forget what
  // the channel has seen of the rest, or those would repeat before the rest was shown.
  const ours = new Set(items.map((item) => item.id));
  for (const id of seen) if (!ours.has(id)) await services.store.markSeen(where, kind, id, now);
  const first = items[0]!;
  await services.store.markSeen(where, kind, first.id, now);
  return first;
}
