import type { Reply } from '../../src/core/reply.js';
import { deepFreeze } from '../../src/core/freeze.js';
import { renderReply, type RenderedReply } from './render.js';

/**
 * Renderings of the Reply objects the core hands out more than once: a key point's reply is fixed
 * by the pack (src/core/engines/keypoints.ts), and notices such as "this has expired" are
 * constants. Rendering one (escaping, laying out embeds, splitting quotes) cost as much CPU as all
 * the rest of the adapter's work on a /keypoints interaction, for the same result every time.
 * Keyed by the object, so a reply built afresh is rendered afresh and nothing is kept once the
 * core lets go of it. A reply with files is not kept: it is built for one request.
 */
const renderings = new WeakMap<Reply, RenderedReply>();

/** `renderReply`, once per Reply object. The result is shared, so it is frozen: no sender may change it. */
export function rendered(r: Reply): RenderedReply {
  if (r.attachments?.length) return renderReply(r);
  let out = renderings.get(r);
  if (!out) {
    out = deepFreeze(renderReply(r));
    renderings.set(r, out);
  }
  return out;
}
