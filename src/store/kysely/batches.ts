/**
 * Requests for the same key that arrive while one is being served wait, then are served together (up
 * to `max` at a time) by one call to `serve(args of the first, count)`, which returns one result per
 * waiter in their order of arrival. Calls for one key therefore never overlap in this process, and
 * under load each request costs a fraction of a call; a lone request is served at once, alone.
 */
export function batchedByKey<A, R>(serve: (first: A, count: number) => Promise<R[]>, max: number): (key: string, args: A) => Promise<R> {
  const queues = new Map<string, { args: A; resolve: (r: R) => void; reject: (e: unknown) => void }[]>();

  const drain = async (key: string) => {
    const queue = queues.get(key)!;
    while (queue.length > 0) {
      const batch = queue.splice(0, max);
      try {
        const results = await serve(batch[0]!.args, batch.length);
        batch.forEach((w, i) => w.resolve(results[i]!));
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    queues.delete(key);
  };

  return (key, args) => new Promise<R>((resolve, reject) => {
    const queue = queues.get(key);
    if (queue) {
      queue.push({ args, resolve, reject });
      return;
    }
    queues.set(key, [{ args, resolve, reject }]);
    void drain(key);
  });
}

/**
 * Calls made in one turn of the event loop are served together, at its end (setImmediate), by one
 * call to `serve(args in order of arrival)`, which returns one result per call in that order; more
 * than `max` go in several. A burst of requests that arrived together (one read from a socket
 * holds many) then costs one statement, where each on its own paid a statement and a commit; a lone
 * call waits only for the events already due in this turn.
 */
export function batchedPerTurn<A, R>(serve: (args: A[]) => Promise<R[]>, max: number): (args: A) => Promise<R> {
  let pending: { args: A; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];

  const flush = () => {
    const all = pending;
    pending = [];
    for (let i = 0; i < all.length; i += max) {
      const batch = all.slice(i, i + max);
      // Through a promise, so that a serve that throws before its first await fails its callers
      // (rather than escaping from setImmediate and leaving them waiting).
      Promise.resolve().then(() => serve(batch.map((w) => w.args))).then(
        (results) => batch.forEach((w, n) => w.resolve(results[n]!)),
        (err: unknown) => batch.forEach((w) => w.reject(err)),
      );
    }
  };

  return (args) => new Promise<R>((resolve, reject) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push({ args, resolve, reject });
  });
}
