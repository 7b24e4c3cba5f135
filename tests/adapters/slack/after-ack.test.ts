import { describe, expect, it } from 'vitest';
import { AfterAckQueue } from '../../../adapters/slack/after-ack.js';
import { until } from '../../support/until.js';

/** A job that runs until the test lets it finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('the queue for work after an ack', () => {
  it('runs jobs in the order they came, never more at once than its concurrency', async () => {
    const queue = new AfterAckQueue({ concurrency: 2, maxWaiting: 100 });
    const started: number[] = [];
    const gates = Array.from({ length: 5 }, gate);
    let running = 0;
    let most = 0;
    gates.forEach((g, i) => queue.push(async () => {
      started.push(i);
      running += 1;
      most = Math.max(most, running);
      await g.opened;
      running -= 1;
    }, async () => {}));
    await until(() => started.length === 2);
    expect(started).toEqual([0, 1]);
    gates[1]!.open();
    await until(() => started.length === 3);
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    await queue.drain();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
    expect(queue.size).toBe(0);
  });

  it('runs the overflow job in place of a job that finds too many waiting', async () => {
    const queue = new AfterAckQueue({ concurrency: 1, maxWaiting: 1 });
    const ran: string[] = [];
    const first = gate();
    queue.push(async () => { ran.push('first'); await first.opened; }, async () => { ran.push('first busy'); });
    await until(() => ran.length === 1);
    queue.push(async () => { ran.push('second'); }, async () => { ran.push('second busy'); });
    queue.push(async () => { ran.push('third'); }, async () => { ran.push('third busy'); });
    first.open();
    await queue.drain();
    expect(ran).toEqual(['first', 'second', 'third busy']);
  });

  it('keeps going after a job that throws, and drain waits for a job started ahead of the queue', async () => {
    const queue = new AfterAckQueue({ concurrency: 1, maxWaiting: 10 });
    const ran: string[] = [];
    const urgent = gate();
    queue.push(async () => { throw new Error('boom'); }, async () => {});
    queue.push(async () => { ran.push('after the failure'); }, async () => {});
    queue.now(async () => { await urgent.opened; ran.push('urgent'); });
    let drained = false;
    const draining = queue.drain().then(() => (drained = true));
    await until(() => ran.includes('after the failure'));
    expect(drained).toBe(false);
    urgent.open();
    await draining;
    expect(ran).toEqual(['after the failure', 'urgent']);
  });
});
