import type { Platform, Services } from './context.js';
import type { DueTask } from './background.js';
import type { Poster } from './poster.js';
import { closeDuePrompts } from './engines/prompt-close.js';

/** Background work that posts each discussion prompt's result when it closes. */
export function promptCloseTask(services: Services, platform: Platform, poster: Poster): DueTask {
  return {
    name: 'prompt-close',
    async runDue() {
      for (const closed of await closeDuePrompts(services, platform)) {
        for (const r of closed.replies) {
          try {
            await poster.post(closed.where, r);
          } catch (err) {
            // The close is recorded either way: a result that cannot be posted is not retried into a duplicate.
            services.logger.warn({ err, channel: closed.where.channelId, post: closed.postId }, 'prompt result could not be posted');
          }
        }
      }
    },
    nextDue: () => services.store.nextPromptClose(platform),
  };
}
