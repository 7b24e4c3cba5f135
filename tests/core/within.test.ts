import { afterEach, describe, expect, it, vi } from 'vitest';
import { LATE, within } from '../../src/core/within.js';

describe('within', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('gives the work’s value when it comes in time, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    await expect(within(Promise.resolve(7), 1000)).resolves.toBe(7);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives LATE when the time runs out first, while the work goes on to its own value', async () => {
    vi.useFakeTimers();
    let finish!: (v: string) => void;
    const work = new Promise<string>((resolve) => { finish = resolve; });
    const outcome = within(work, 50);
    await vi.advanceTimersByTimeAsync(50);
    await expect(outcome).resolves.toBe(LATE);
    finish('done');
    await expect(work).resolves.toBe('done');
  });

  it('rejects as the work does when it fails in time', async () => {
    vi.useFakeTimers();
    await expect(within(Promise.reject(new Error('store down')), 1000)).rejects.toThrow('store down');
    expect(vi.getTimerCount()).toBe(0);
  });
});
