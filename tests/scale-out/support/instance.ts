/**
 * One bot instance for the scale-out tests: opens the shared database, runs the background work a
 * platform adapter runs (channel-quiz reveals and scheduled prompts, src/adapter.ts) on the real
 * clock, and "posts" by appending one JSON line per post to a file.
 *
 *   node bin/run-ts.js tests/scale-out/support/instance.ts <sqlite file | postgres url> <posts.jsonl> [hang]
 *
 * Standard input drives it: "wake" re-plans (the test has just written a schedule or a quiz), "stop"
 * (or the end of input) stops it. With `hang`, a post never returns after writing its line, so the
 * test can SIGKILL the process right after posting. A channel-quiz question stays open 1 s.
 */
import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createServices } from '../../../src/core/services.js';
import { loadPack } from '../../../src/core/pack/load.js';
import { startBackground } from '../../../src/core/background.js';
import { dueTasks } from '../../../src/adapter.js';
import type { Poster } from '../../../src/core/poster.js';
import { openTarget } from './target.js';
import { noMatcher } from '../../support/no-matcher.js';

/** One line of the posts file. */
export interface PostLine {
  pid: number;
  channel: string;
  /** The reply's first heading: "Discussion prompt", "Answer to question 1", "Quiz finished"… */
  heading: string | null;
  /** A scheduled prompt's slot and prompt; null for other posts. */
  slot: number | null;
  promptId: string | null;
  at: number;
}

const [target, outPath, mode] = process.argv.slice(2);
if (!target || !outPath) {
  console.error('usage: instance.ts <sqlite file | postgres url> <posts.jsonl> [hang]');
  process.exit(2);
}
// Never outlive a test that forgot this process.
setTimeout(() => process.exit(5), 30_000).unref();

const store = await openTarget(target);
const services = createServices({
  pack: await loadPack(), matcher: noMatcher, store, settings: { quizChannelSeconds: 1 },
});

const poster: Poster = {
  async post(where, reply) {
    const voteId = reply.blocks.flatMap((b) => (b.type === 'choices' ? b.choices : []))[0]?.id ?? '';
    const post = voteId.startsWith('vote:') ? await store.getPromptPost(voteId.split(':')[1]!) : null;
    const heading = reply.blocks.find((b) => b.type === 'heading');
    const line: PostLine = {
      pid: process.pid, channel: where.channelId, heading: heading?.type === 'heading' ? heading.text : null,
      slot: post?.slot ?? null, promptId: post?.promptId ?? null, at: Date.now(),
    };
    appendFileSync(outPath, JSON.stringify(line) + '\n');
    if (mode === 'hang') await new Promise(() => {});
    return { messageId: `${process.pid}:${line.at}` };
  },
};

const background = startBackground(services, dueTasks(services, 'discord', poster));
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
