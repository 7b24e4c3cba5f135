import type { Services, Where } from '../context.js';
import { sameIds } from '../ids.js';

const idOfItem = (item: { id: string }) => item.id;

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
  const ids = idsOf(items);
  const claimed = await services.store.claimNextUnseen(where, kind, ids, services.now().getTime());
  const at = claimed === null ? -1 : ids.indexOf(claimed);
  return at >= 0 ? items[at]! : null;
}

/**
 * The items' ids, made once per items array (a pack's prompts, a motion's key points, asked for
 * again and again): the same ids array each time is what lets the store reuse what it derives from
 * them (channel-items.ts). Checked against the items at each use, without allocating, so an array
 * changed since is simply read again.
 */
const idsMade = new WeakMap<readonly { id: string }[], string[]>();
function idsOf(items: readonly { id: string }[]): readonly string[] {
  const made = idsMade.get(items);
  if (made && sameIds(made, items, idOfItem)) return made;
  const ids = items.map((item) => item.id);
  idsMade.set(items, ids);
  return ids;
}
