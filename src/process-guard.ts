import type { Logger } from './core/logger.js';
import { exitWhenFlushed } from './output-flush.js';

/** Exit code of a process that stopped on a failure nothing handled: a supervisor restarts it. */
export const UNEXPECTED_FAILURE_EXIT = 1;
/** How long the last log line may take to reach a blocked stderr before the process goes anyway. */
const LAST_WORDS_MS = 5000;

/**
 * The last line of defence of a running bot, installed by `rostrum start` and `rostrum shell`.
 *
 * An unhandled rejection is one event's failure, logged and survived. Everything a bot does starts
 * from an event and runs as a promise chain: our interaction and request handlers, and the
 * libraries' own dispatch. discord.js handles each gateway packet synchronously (client/websocket/
 * handlers/*), but it is called from the listener of @discordjs/ws's shard 'dispatch' event, which
 * is emitted inside the shard's async `onMessage` (started with `void` from the socket's onmessage).
 * So a malformed payload that makes discord.js throw — an INTERACTION_CREATE without `data` throws a
 * TypeError in InteractionCreateAction — rejects that one `onMessage` promise and nothing else: the
 * packet's sequence number is already stored, the next packet is handled as usual. The same holds
 * for Bolt (every listener is awaited inside `processEvent`). What one event left half done lives in
 * the store, whose writes are transactions, so carrying on is safe. Node's default for an unhandled
 * rejection (since Node 15) is to crash: that is how one bad packet used to stop the bot.
 *
 * An uncaught exception is different: it was thrown synchronously from a timer, a socket callback
 * or a plain EventEmitter listener, outside any promise, and Node's documentation is explicit that
 * the process is then in an unknown state (a stream half written, a lock held, a library's state
 * machine stuck between two states). That is logged and the process exits non-zero at once, so the
 * supervisor (systemd's Restart=on-failure, a container's restart policy; see docs/operations.md)
 * starts a clean one. Quiz deadlines, schedules and debates live in the store and carry on there.
 */
export function guardProcess(logger: Logger, exit: (code: number) => unknown = exitWithin): () => void {
  const onRejection = (reason: unknown) => {
    safely(() => logger.error({ ...describe(reason), origin: 'unhandledRejection' }, 'an event handler failed; the bot carries on'));
  };
  let exiting = false;
  const onException = (err: unknown, origin: string) => {
    safely(() => logger.error({ ...describe(err), origin }, 'unexpected failure: stopping, for the supervisor to start rostrum again'));
    if (exiting) return;
    exiting = true;
    exit(UNEXPECTED_FAILURE_EXIT);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}

/** Errors go under `err`, which the logger prints with their stack; anything else that was thrown, as text. */
function describe(thrown: unknown): object {
  return thrown instanceof Error ? { err: thrown } : { thrown: String(thrown) };
}

/** A logger that itself fails must not turn a survivable failure into a crash loop. */
function safely(log: () => void): void {
  try {
    log();
  } catch {
    process.stderr.write('rostrum: an error could not be logged\n');
  }
}

/** Exits once the log line is out, or after a few seconds when stderr's reader is stuck. */
function exitWithin(code: number): void {
  setTimeout(() => process.exit(code), LAST_WORDS_MS);
  void exitWhenFlushed(code);
}
