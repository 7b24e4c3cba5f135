import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/**
 * Registers hooks that start something before each test (or once, before all of the file's, with
 * `per: 'file'`) and stop it afterwards. Returns a stand-in that reaches the one running now, so a
 * test file can hold it in a `const` and use it as if it were the thing itself.
 */
export function useStarted<T extends object>(start: () => Promise<T>, stop: (it: T) => Promise<void>, per: 'test' | 'file' = 'test'): T {
  let current: T | undefined;
  const [before, after] = per === 'test' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    current = await start();
  });
  after(async () => {
    const started = current;
    current = undefined;
    if (started) await stop(started);
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (!current) throw new Error(`nothing is running: it is started ${per === 'test' ? 'before each test' : 'before the first test'}, not at import`);
      return Reflect.get(current, key, current);
    },
  });
}
