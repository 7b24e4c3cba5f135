import type { Platform, Services } from './context.js';
import type { Poster } from './poster.js';
import { dueReveals, revealQuestion, type DueReveal } from './engines/quiz.js';
import { keyIdAndNumber, postOnce, type OnceKind, type OncePost } from './post-once.js';

/** Work that falls due on the clock rather than on a user's request. */
export interface DueTask {
  name: string;
  /** Does whatever is due at the services' `now`. */
  runDue(): Promise<void>;
  /** When it next falls due (epoch ms), or null when nothing is pending. */
  nextDue(): Promise<number | null>;
}

export interface Background {
  /** Re-plans the sleep: a new quiz deadline or schedule may be sooner than the current one. */
  wake(): void;
  /** Stops planning and waits for a run in flight to finish. */
  stop(): Promise<void>;
}

/** At most this long between checks, so a deadline written by another process is not missed for long. */
const MAX_SLEEP_MS = 30_000;
/**
 * Something that was due before the last run began and is due still is held elsewhere (another
 * process's post lease, until it expires) or cannot move: look again at this pace, not every few ms.
 */
const STILL_DUE_RETRY_MS = 1_000;
/** After a failing run, wait this long (doubling to MAX_SLEEP_MS) so a broken store is not hammered. */
const FIRST_BACKOFF_MS = 1_000;

export function quizRevealTask(services: Services, platform: Platform, poster: Poster): DueTask {
  return {
    name: 'quiz-reveal',
    async runDue() {
      for (const due of await dueReveals(services, platform)) await postOnce(services, poster, revealPost(services, due));
    },
    nextDue: () => services.store.nextQuizDeadline(platform),
  };
}

/** A channel question's reveal, keyed `reveal:<quiz>:<question>`. */
function revealPost(services: Services, due: DueReveal): OncePost {
  return {
    key: `reveal:${due.quizId}:${due.question}`,
    where: due.where,
    prepare: () => revealQuestion(services, due.quizId, due.question),
    async unreachable() {
      // Nobody would see the rest of the quiz, and it would keep the channel from starting another.
      await services.store.stopQuiz(due.quizId);
      services.logger.warn({ channel: due.where.channelId, quiz: due.quizId }, 'channel quiz stopped: the bot cannot post in its channel');
    },
  };
}

/** Takes over a reveal whose poster died. */
export function revealKind(services: Services): OnceKind {
  return {
    prefix: 'reveal',
    async recover(key) {
      const parsed = keyIdAndNumber(key);
      const quiz = parsed ? await services.store.getQuiz(parsed[0]) : null;
      if (!parsed || !quiz) return null;
      const question = parsed[1];
      return revealPost(services, { quizId: quiz.id, question, where: { platform: quiz.platform, serverId: quiz.serverId, channelId: quiz.channelId } });
    },
  };
}

/**
 * Sleeps until the earliest due task, runs what is due, and plans again. Cost follows what is due,
 * not how much is stored: each task answers "when next?" with one indexed query.
 */
export function startBackground(services: Services, tasks: DueTask[]): Background {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const planning = new Set<Promise<void>>();
  let stopped = false;
  let again = false;
  let backoff = 0;
  let lastRunAt = Number.NEGATIVE_INFINITY;
  /** When each task said it falls due, at the last plan: a run takes them in that order. */
  const dueAt = new Map<DueTask, number>();

  const planNext = async () => {
    const now = services.now().getTime();
    let next = now + MAX_SLEEP_MS;
    for (const task of tasks) {
      if (stopped) return;
      try {
        const due = await task.nextDue();
        dueAt.set(task, due ?? Number.POSITIVE_INFINITY);
        if (due !== null) next = Math.min(next, due);
      } catch (err) {
        services.logger.error({ err, task: task.name }, 'could not plan background work');
      }
    }
    if (stopped) return;
    if (timer) clearTimeout(timer);
    const soonest = next <= lastRunAt ? STILL_DUE_RETRY_MS : 25;
    timer = setTimeout(tick, Math.max(next - now, soonest, backoff));
    timer.unref?.();
  };

  /** Plans the next sleep; stop() waits for a plan in flight, whose queries must not reach a closed store. */
  const plan = async () => {
    if (stopped) return;
    const current = planNext();
    planning.add(current);
    await current.finally(() => planning.delete(current));
  };

  const tick = () => {
    timer = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    lastRunAt = services.now().getTime();
    running = (async () => {
      let failed = false;
      // What fell due first runs first (ties in the order given): a process killed soon after each
      // start (a crash loop, a starved machine) still gets to the oldest work, whichever task has it,
      // instead of spending every life on the first task's newest work.
      const order = [...tasks].sort((a, b) => (dueAt.get(a) ?? Number.POSITIVE_INFINITY) - (dueAt.get(b) ?? Number.POSITIVE_INFINITY));
      for (const task of order) {
        try {
          await task.runDue();
        } catch (err) {
          failed = true;
          services.logger.error({ err, task: task.name }, 'background work failed');
        }
      }
      backoff = failed ? Math.min(backoff ? backoff * 2 : FIRST_BACKOFF_MS, MAX_SLEEP_MS) : 0;
    })().finally(() => {
      running = null;
      if (again) {
        again = false;
        tick();
      } else void plan();
    });
  };

  void plan();
  return {
    wake() {
      if (!stopped && !running) void plan();
      else again = true;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await Promise.all(planning);
    },
  };
}
