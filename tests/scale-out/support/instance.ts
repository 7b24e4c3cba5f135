/**
 * One bot process for the cross-process tests: opens the shared SQLite file, runs the scheduled
 * prompt task on the real clock, and "posts" by appending a JSON line per post to a file.
 *
 *   node bin/run-ts.js tests/schedule/support/worker.ts <db> <posts.jsonl> [hang]
 *
 * Standard input drives it: "wake" re-plans (the test has just written a schedule), "stop" (or
 * the end of input) stops it. With `hang`, a post never returns after writing its line, so the
 * test can SIGKILL the process right after posting.
 */
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createServices } from '../../../src/core/services.js';
import { loadPack } from '../../../src/core/pack/load.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { startBackground } from '../../../src/core/background.js';
import { scheduledPromptTask } from '../../../src/schedule/runner.js';
import type { Poster } from '../../../src/core/poster.js';

const [dbPath, outPath, mode] = process.argv.slice(2);
if (!dbPath || !outPath) {
  console.error('usage: worker.ts <db> <posts.jsonl> [hang]');
  process.exit(2);
}
// Never outlive a test that forgot this process.
setTimeout(() => process.exit(5), 30_000).unref();

const store = await openSqliteStore(dbPath);
const services = createServices({ pack: await loadPack(), matcher: { match: () => null, rank: () => [] }, store });

const poster: Poster = {
  async post(_where, reply) {
    const postId = reply.blocks.flatMap((b) => (b.type === 'choices' ? b.choices : []))[0]?.id.split(':')[1] ?? '';
    const post = await store.getPromptPost(postId);
    appendFileSync(outPath, JSON.stringify({ pid: process.pid, slot: post?.slot ?? null, promptId: post?.promptId ?? null, at: Date.now() }) + '\n');
    if (mode === 'hang') await new Promise(() => {});
    return { messageId: `${process.pid}:${post?.slot}` };
  },
};

const background = startBackground(services, [scheduledPromptTask(services, 'discord', poster)]);
services.wake = () => background.wake();

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await background.stop();
  await store.close();
  process.exit(0);
}

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === 'wake') services.wake();
  if (line.trim() === 'stop') void stop();
});
lines.on('close', () => void stop());
process.stdout.write('ready\n');
