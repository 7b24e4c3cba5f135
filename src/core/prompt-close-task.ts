import type { Platform, Services } from './context.js';
import type { DueTask } from './background.js';
import type { Poster } from './poster.js';
import type { PromptPostRecord } from './store/records.js';
import { closePrompt, dueCloses } from './engines/prompt-close.js';
import { postOnce, type OnceKind, type OncePost } from './post-once.js';

/** Background work that posts each discussion prompt's result when it closes. */
export function promptCloseTask(services: Services, platform: Platform, poster: Poster): DueTask {
  return {
    name: 'prompt-close',
    async runDue() {
      for (const post of await dueCloses(services, platform)) await postOnce(services, poster, closePost(services, post));
    },
    nextDue: () => services.store.nextPromptClose(platform),
  };
}

/** A prompt's result, keyed `close:<prompt post>`; a channel it cannot reach needs nothing more (the close is recorded). */
function closePost(services: Services, post: PromptPostRecord): OncePost {
  return {
    key: `close:${post.id}`,
    where: { platform: post.platform, serverId: post.serverId, channelId: post.channelId },
    prepare: () => closePrompt(services, post.id),
  };
}

/** Takes over a prompt result whose poster died. */
export function promptCloseKind(services: Services): OnceKind {
  return {
    prefix: 'close',
    async recover(key) {
      const post = await services.store.getPromptPost(key.slice('close:'.length));
      return post ? closePost(services, post) : null;
    },
  };
}
