/**
 * Leaving the process without losing output. On a pipe, Node hands stdout and stderr writes to the
 * OS asynchronously: when the reader is slow and the pipe is full, what does not fit waits in the
 * stream's queue, and `process.exit()` drops that queue. So the command waits for both streams to
 * empty before it exits, and a reader that has gone away (EPIPE) ends the wait rather than the process.
 */

/** Streams whose writes have failed (EPIPE: the reader closed its end). */
const failed = new WeakSet<NodeJS.WritableStream>();

/** True once the reader of this stream has gone: nothing written to it can arrive any more. */
function readerGone(stream: NodeJS.WritableStream & { destroyed?: boolean; writableEnded?: boolean }): boolean {
  return failed.has(stream) || Boolean(stream.destroyed || stream.writableEnded);
}

/** Resolves once everything written to `stream` so far has been handed to the OS, or its reader has gone. Never rejects. */
export function flushed(stream: NodeJS.WriteStream): Promise<void> {
  if (readerGone(stream)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('close', done);
      resolve();
    };
    // A write goes through the same queue as every earlier one, so its callback runs only once they
    // are all out; an empty chunk adds nothing. A reader that closes meanwhile calls it with an error.
    stream.once('close', done);
    stream.write('', () => done());
  });
}

/**
 * A reader that stops early (`rostrum shell --json | head -1`) makes the next write fail with EPIPE,
 * which, as an 'error' event nobody listens to, would end the process with a stack trace. Writing
 * to a reader that has left is not the command's failure: the output is dropped quietly and the
 * command decides what to do (the terminal adapter stops reading input; see adapters/shell/index.ts).
 */
export function toleratePipeReaders(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  // Node's stdio streams cannot really be destroyed (they reopen themselves), hence the set above.
  for (const stream of streams) stream.on('error', () => failed.add(stream));
}

/** Exits with `code` once stdout and stderr are written out (or their readers have gone). */
export async function exitWhenFlushed(code: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}
