import type { Reply } from '../../src/core/reply.js';
import { deepFreeze } from '../../src/core/freeze.js';
import { renderReply, type RenderedReply } from './render.js';

/**
 * Renderings of the Reply objects the core hands out more than once: a key point's reply is fixed
 * by the pack and frozen (src/core/engines/keypoints.ts), and so are this adapter's own notices.
 * Rendering one (escaping, laying out embeds, splitting quotes) cost as much CPU as all the rest of
 * the adapter's work on a /keypoints interaction, for the same result every time.
 * Keyed by the object, so nothing is kept once the core lets go of it. Only a frozen reply is kept:
 * freezing is how the core marks a reply it shares, and a reply it built for one request (a debate
 * turn, a quiz question, anything with files) would only pay for freezing and storing a rendering
 * that is never asked for again.
 */
const renderings = new WeakMap<Reply, RenderedReply>();

/** `renderReply`, once per shared Reply object. What is kept is frozen: no sender may change it. */
export function rendered(r: Reply): RenderedReply {
  if (!Object.isFrozen(r) || r.attachments?.length) return renderReply(r);
  let out = renderings.get(r);
  if (!out) {
    out = deepFreeze(renderReply(r));
    renderings.set(r, out);
  }
  return out;
}
