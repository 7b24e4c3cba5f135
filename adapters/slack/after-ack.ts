import { setImmediate as nextTurn } from 'node:timers/promises';

export interface AfterAckOptions {
  /** Jobs running at once. */
  concurrency: number;
  /** Jobs waiting beyond this get their `overflow` instead (a short "busy" answer), so memory stays bounded. */
  maxWaiting: number;
}

export const AFTER_ACK_DEFAULTS: AfterAckOptions = { concurrency: 16, maxWaiting: 10_000 };

type Job = () => Promise<void>;

/**
 * The work that follows a Slack ack (running the command, answering through response_url), in
 * arrival order with at most `concurrency` jobs running. Acks share the event loop with this work:
 * unbounded, 200 commands in flight held every new request behind 200 jobs' worth of work, and
 * acks passed Slack's 3 s. Each job also starts on a later turn of the event loop, after the
 * requests that have arrived meanwhile have been read and acked. Stopping waits for all of it.
 */
export class AfterAckQueue {
  private readonly waiting: Job[] = [];
  private running = 0;
  /** Jobs started by now(): they count until done, but not against the concurrency. */
  private urgent = 0;
  private readonly idle = new Set<() => void>();

  constructor(private readonly options: AfterAckOptions = AFTER_ACK_DEFAULTS) {}

  /** Queues `job`; past `maxWaiting` waiting jobs, `overflow` runs in its place (it should be cheap). */
  push(job: Job, overflow: Job): void {
    this.waiting.push(this.waiting.length < this.options.maxWaiting ? job : overflow);
    this.pump();
  }

  /** Starts `job` at once, ahead of the queue and beyond its bound: for the rare job that cannot wait (a trigger_id about to expire). */
  now(job: Job): void {
    this.urgent += 1;
    void job().catch(() => undefined).finally(() => {
      this.urgent -= 1;
      this.settle();
    });
  }

  /** Jobs queued or running. */
  get size(): number {
    return this.waiting.length + this.running + this.urgent;
  }

  /** Resolves once nothing is queued or running. */
  drain(): Promise<void> {
    return this.size === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.add(resolve));
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running += 1;
      void nextTurn()
        .then(job)
        // A job logs its own failures; one that throws anyway must not stop the queue.
        .catch(() => undefined)
        .finally(() => {
          this.running -= 1;
          this.pump();
          this.settle();
        });
    }
  }

  private settle(): void {
    if (this.size > 0) return;
    for (const resolve of this.idle) resolve();
    this.idle.clear();
  }
}
