type Pending = undefined | null | false;

/**
 * Resolves with `check`'s first value other than undefined, null or false, polling every 10 ms: for
 * effects that no request or event announces (a log line, a row in the store, a child's output).
 */
export async function until<T>(check: () => T | Pending | Promise<T | Pending>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
