import type { Where } from '../../src/core/context.js';
import type { PostKey, Poster } from '../../src/core/poster.js';
import type { Reply } from '../../src/core/reply.js';

/** One logical post background work made: its lease key, where, and its replies in order. */
export interface DuePost {
  key: string;
  where: Where;
  replies: Reply[];
}

/**
 * Runs background work against a poster that records, and groups what it posted by post: each
 * reply's key is its post's key with `#n` added (src/core/post-once.ts).
 */
export async function duePosts(run: (poster: Poster) => Promise<void>): Promise<DuePost[]> {
  const posts: DuePost[] = [];
  const poster: Poster = {
    async post(where, reply, once?: PostKey) {
      const key = once?.key.replace(/#\d+$/, '') ?? '';
      const post = posts.find((p) => p.key === key) ?? posts[posts.push({ key, where, replies: [] }) - 1]!;
      post.replies.push(reply);
      return { messageId: null };
    },
  };
  await run(poster);
  return posts;
}
