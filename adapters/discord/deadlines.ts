/** What `Deadlines.first` resolves to when the deadline passes before the work settles. */
export const LATE = Symbol('late');

interface Waiter {
  at: number;
  late: () => void;
}

/**
 * The defer deadlines of the interactions being answered, on one timer. Each answer waits for the
 * core's replies or its deadline, whichever comes first (interactions.ts); nearly all replies come
 * within milliseconds, so a timer of its own per interaction (setTimeout, Promise.race, clearTimeout)
 * was set and cleared for nothing on each one. Here a settled answer only leaves the set, and the one
 * timer is armed for the earliest deadline still waiting, so it fires when that deadline is due, as
 * a timer of its own would. Times are `performance.now()`: a wall-clock step cannot move them.
 * The timer is not cleared when the last waiter leaves (clearing and setting it again would cost
 * what a timer per interaction did, whenever the bot is not busy): it fires once for nothing at
 * most, and it is unref'd, so it never holds the process open by itself.
 */
export class Deadlines {
  private readonly waiting = new Set<Waiter>();
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Infinity;

  /** `work`'s outcome if it settles before `at`, else LATE (and `work` goes on: the caller still awaits it). */
  first<T>(work: Promise<T>, at: number): Promise<T | typeof LATE> {
    return new Promise<T | typeof LATE>((resolve, reject) => {
      const waiter: Waiter = { at, late: () => resolve(LATE) };
      this.add(waiter);
      work.then(
        (value) => { this.remove(waiter); resolve(value); },
        (err: unknown) => { this.remove(waiter); reject(err); },
      );
    });
  }

  private add(w: Waiter): void {
    this.waiting.add(w);
    if (w.at < this.armedFor) this.arm(w.at);
  }

  private remove(w: Waiter): void {
    this.waiting.delete(w);
  }

  private arm(at: number): void {
    clearTimeout(this.timer);
    this.armedFor = at;
    this.timer = setTimeout(() => this.due(), Math.max(0, at - performance.now())).unref();
  }

  /** Tells every waiter whose deadline has passed, then waits for the earliest one left. */
  private due(): void {
    this.timer = undefined;
    this.armedFor = Infinity;
    const now = performance.now();
    let next = Infinity;
    for (const w of this.waiting) {
      if (w.at <= now) {
        this.waiting.delete(w);
        w.late();
      } else if (w.at < next) {
        next = w.at;
      }
    }
    if (next < Infinity) this.arm(next);
  }
}
