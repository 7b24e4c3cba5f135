import { describe, expect, it } from 'vitest';
import { batchedByKey, batchedPerTurn } from '../../src/store/kysely/batches.js';

describe('batchedByKey', () => {
  it('serves a lone request at once, then the requests that waited meanwhile together, in their order', async () => {
    const calls: { first: string; count: number }[] = [];
    let release!: () => void;
    const firstCall = new Promise<void>((r) => (release = r));
    const serve = async (first: string, count: number) => {
      calls.push({ first, count });
      if (calls.length === 1) await firstCall;
      return Array.from({ length: count }, (_, i) => `${first}+${i}`);
    };
    const claim = batchedByKey(serve, 3);
    const results = [claim('k', 'a'), claim('k', 'b'), claim('k', 'c'), claim('k', 'd'), claim('k', 'e'), claim('other', 'x')];
    release();
    expect(await Promise.all(results)).toEqual(['a+0', 'b+0', 'b+1', 'b+2', 'e+0', 'x+0']);
    // a alone; b, c, d (at most 3) together; then e; another key is never held up by this one.
    expect(calls).toEqual([{ first: 'a', count: 1 }, { first: 'x', count: 1 }, { first: 'b', count: 3 }, { first: 'e', count: 1 }]);
  });

  it('fails every request of a batch whose call fails, and serves the next batch afresh', async () => {
    let n = 0;
    const claim = batchedByKey(async (_first: string, count: number) => {
      n += 1;
      if (n === 2) throw new Error('database gone');
      return Array.from({ length: count }, () => n);
    }, 10);
    const first = claim('k', 'a');
    const failing = [claim('k', 'b'), claim('k', 'c')];
    expect(await first).toBe(1);
    await expect(Promise.all(failing)).rejects.toThrow('database gone');
    await expect(failing[1]).rejects.toThrow('database gone');
    expect(await claim('k', 'd')).toBe(3);
  });
});

describe('batchedPerTurn', () => {
  it('serves the calls of one turn of the event loop together, at most `max` at a time, in their order', async () => {
    const calls: string[][] = [];
    const claim = batchedPerTurn(async (args: string[]) => (calls.push(args), args.map((a) => `${a}!`)), 2);
    const results = await Promise.all(['a', 'b', 'c'].map(claim));
    expect(results).toEqual(['a!', 'b!', 'c!']);
    expect(calls).toEqual([['a', 'b'], ['c']]);
    // A call in a later turn is a batch of its own.
    expect(await claim('d')).toBe('d!');
    expect(calls).toEqual([['a', 'b'], ['c'], ['d']]);
  });

  it('fails every call of a batch whose call fails, and serves the next turn afresh', async () => {
    let n = 0;
    const claim = batchedPerTurn(async (args: string[]) => {
      n += 1;
      if (n === 1) throw new Error('database gone');
      return args.map(() => n);
    }, 10);
    const failing = [claim('a'), claim('b')];
    await expect(failing[0]).rejects.toThrow('database gone');
    await expect(failing[1]).rejects.toThrow('database gone');
    expect(await claim('c')).toBe(2);
  });

  it('fails the calls of a batch whose serve throws before it returns a promise, and serves the next turn afresh', async () => {
    let n = 0;
    const claim = batchedPerTurn((args: string[]) => {
      n += 1;
      if (n === 1) throw new Error('no statement');
      return Promise.resolve(args.map(() => n));
    }, 10);
    const failing = [claim('a'), claim('b')];
    await expect(failing[0]).rejects.toThrow('no statement');
    await expect(failing[1]).rejects.toThrow('no statement');
    expect(await claim('c')).toBe(2);
  });
});
