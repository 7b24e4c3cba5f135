/** What `within` settles with when the work is not done in time. */
export const LATE = Symbol('late');

/**
 * `work`'s outcome if it settles within `ms`, else LATE; the work goes on either way, for the caller
 * to await after acting on the delay. One promise and one timer, cleared as the work settles: it runs
 * for every interaction and claim, where a Promise.race with a timer promise cost more for the same outcome.
 */
export function within<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms, LATE);
    work.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (err: unknown) => { clearTimeout(timer); reject(err); },
    );
  });
}
