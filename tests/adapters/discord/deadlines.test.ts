import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Deadlines, LATE } from '../../../adapters/discord/deadlines.js';

// Fake timers (performance.now included) move time only when told, so each deadline is checked
// exactly, whatever the machine's load.
beforeEach(() => { vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }); });
afterEach(() => { vi.useRealTimers(); });

/** A promise settled from outside, as the core's replies are. */
function pending<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

/** What `p` has settled to so far. */
function watch<T>(p: Promise<T>) {
  const seen: { value?: T; error?: unknown; settled: boolean } = { settled: false };
  p.then((value) => Object.assign(seen, { value, settled: true }), (error: unknown) => Object.assign(seen, { error, settled: true }));
  return seen;
}

describe('Deadlines: which comes first, the work or its deadline', () => {
  it('gives the work when it settles before its deadline, and LATE when the deadline passes first', async () => {
    const d = new Deadlines();
    const now = performance.now();
    const early = pending<string>();
    const slow = pending<string>();
    const a = watch(d.first(early.promise, now + 1000));
    const b = watch(d.first(slow.promise, now + 1000));
    early.resolve('replies');
    await vi.advanceTimersByTimeAsync(999);
    expect(a).toMatchObject({ settled: true, value: 'replies' });
    expect(b.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(b).toMatchObject({ settled: true, value: LATE });
    // Settling after the deadline changes nothing: the caller awaits the work itself then.
    slow.resolve('late replies');
    await vi.advanceTimersByTimeAsync(0);
    expect(b.value).toBe(LATE);
  });

  it('keeps each deadline when they are watched out of order, and after the earliest is answered', async () => {
    const d = new Deadlines();
    const now = performance.now();
    const works = [pending<string>(), pending<string>(), pending<string>()];
    const late = watch(d.first(works[0]!.promise, now + 1200));
    const earlier = watch(d.first(works[1]!.promise, now + 300));
    const answered = watch(d.first(works[2]!.promise, now + 100));
    works[2]!.resolve('quick');
    await vi.advanceTimersByTimeAsync(299);
    expect(answered.value).toBe('quick');
    expect(earlier.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(earlier.value).toBe(LATE);
    await vi.advanceTimersByTimeAsync(899);
    expect(late.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(late.value).toBe(LATE);
  });

  it('passes on a failure of the work', async () => {
    const d = new Deadlines();
    const work = pending<string>();
    const seen = watch(d.first(work.promise, performance.now() + 1000));
    const failure = new Error('store down');
    work.reject(failure);
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen.error).toBe(failure);
  });

  it('still tells a later waiter it is late after the timer fired with nothing waiting', async () => {
    const d = new Deadlines();
    const first = pending<string>();
    watch(d.first(first.promise, performance.now() + 100));
    first.resolve('quick');
    await vi.advanceTimersByTimeAsync(150);
    const next = watch(d.first(pending<string>().promise, performance.now() + 100));
    await vi.advanceTimersByTimeAsync(99);
    expect(next.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(next.value).toBe(LATE);
  });

  it('waits for a later deadline when the timer was armed for an earlier waiter that has gone', async () => {
    const d = new Deadlines();
    const first = pending<string>();
    watch(d.first(first.promise, performance.now() + 100));
    first.resolve('quick');
    await vi.advanceTimersByTimeAsync(0);
    const later = watch(d.first(pending<string>().promise, performance.now() + 500));
    await vi.advanceTimersByTimeAsync(499);
    expect(later.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(later.value).toBe(LATE);
  });
});
