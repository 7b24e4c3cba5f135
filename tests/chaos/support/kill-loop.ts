import { expect, it } from 'vitest';
import { loadPack } from '../../../src/core/pack/load.js';
import { slotAfter } from '../../../src/schedule/slots.js';
import { slotPostId } from '../../../src/core/engines/prompts.js';
import type { Platform } from '../../../src/core/context.js';
import type { Store } from '../../../src/core/store/store.js';
import { until } from '../../support/until.js';
import type { Backend } from '../../scale-out/support/backends.js';
import { START_TIMEOUT_MS, useChildren, type Child } from '../../scale-out/support/children.js';
import { openTarget } from '../../scale-out/support/target.js';
import { CHANNELS, startChaosFake, type ChaosFake } from './fakes.js';
import { LEASE_SECONDS } from './settings.js';

/**
 * Kill -9 around scheduled slots and quiz deadlines, on the real clock. Bot processes (bot.ts) post
 * through the real Discord or Slack poster to a fake; the test kills them at random moments (a
 * random time, the instant a post reaches the fake, just after a slot falls due), starts them
 * again, and in the end counts what reached the fake.
 *
 * Counting. The schedule posts every second. A slot is counted when it fell inside the run: from
 * the first slot to one second before the last kill. After the last kill the bots run on until no
 * lease is left unposted (every post begun has been taken over) and every quiz has finished.
 * - doubled: a slot with more than one message, a closed slot prompt with more than one result, a
 *   quiz post (reveal, next question, results) that appears twice;
 * - missed: a slot begun (its lease taken) with no message, a closed slot prompt without its result,
 *   a quiz post that never appears, a reveal whose "Answers" differs from the answers the store
 *   accepted for that question.
 * Slot messages are told apart by their keys' marks (Discord's nonce, Slack's metadata key).
 * - given up: a post whose lease ended 'given-up' (src/core/post-once.ts), reported on its own. One
 *   with nothing in the channel is lost past the window: its holder died after it began sending and
 *   no instance took it over within Discord's nonce window, where docs/scale-out.md says the
 *   guarantee ends. The fake accepts every post, so on a machine where bots start quickly enough
 *   for a takeover inside the window, that is a miss like any other (see slowestStartMs).
 * - folded: a slot never begun, because when the scheduler next ran a later slot was also due (a
 *   bot was down over it, or late): it posts only the latest of them, by design (src/schedule/plan.ts).
 */
export interface KillLoopRun {
  backend: Backend;
  platform: Exclude<Platform, 'shell'>;
  /** How many bot processes run at once, each killed and restarted on its own. */
  instances: number;
  kills: number;
}

const BOT = 'tests/chaos/support/bot.ts';
const SCHEDULE = 'chaos';
const SCHEDULE_CHANNEL = CHANNELS[0]!;
const QUIZ_LANES = 2;
const QUESTIONS = 8;
const SECOND = 1000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One quiz the test started: where, and how many answers the store accepted per question. */
interface QuizRun {
  id: string;
  channel: string;
  accepted: number[];
}

function expectedQuizHeadings(n: number): string[] {
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    out.push(`Answer to question ${i}`);
    if (i < n) out.push(`Question ${i + 1} of ${n}`);
  }
  return [...out, 'Quiz finished'].sort();
}

/** What happened to each counted thing; a test asserts doubled and missed are zero. */
export interface KillLoopFigures {
  kills: number;
  slots: number;
  posted: number;
  folded: number;
  doubled: number;
  missed: number;
  givenUp: number;
  /** Given up with nothing in the channel: past the guarantee's documented end (see above). */
  lostPastWindow: number;
  /** The slowest bot start of the run, spawn to ready. */
  slowestStartMs: number;
  quizzes: number;
  quizPosts: number;
  answers: number;
  promptResults: number;
  refusedRepeats: number;
}

export function killLoopTest(run: KillLoopRun): void {
  const spawn = useChildren();
  const name = `${run.kills} kill -9s of ${run.instances} ${run.platform} bot process${run.instances > 1 ? 'es' : ''} on ${run.backend.name}: every slot, reveal and answer once`;
  // 50 kills took 10 minutes with a load of 20 on 2 cores (starts of 20 s and more).
  it(name, { timeout: 1_200_000 }, async () => {
    const db = await run.backend.fresh();
    const fake = await startChaosFake(run.platform);
    const store = await openTarget(db.target);
    const quizzes: QuizRun[] = [];
    let feeding = true;
    let slowestStartMs = 0;
    try {
      const pack = await loadPack();
      const start = (): Promise<Child> => {
        const child = spawn(BOT, [db.target, run.platform, fake.apiUrl]);
        const began = Date.now();
        // Under a load of 15 on 2 cores a start has taken over 30 s: that is the run that must still count right.
        return child.waitFor('ready', 4 * START_TIMEOUT_MS).then(() => {
          slowestStartMs = Math.max(slowestStartMs, Date.now() - began);
          return child;
        });
      };
      const cron = '* * * * * *';
      const firstSlot = slotAfter(cron, 'UTC', Date.now() + 2 * SECOND)!;
      await store.createSchedule({
        id: SCHEDULE, platform: run.platform, serverId: 'g', channelId: SCHEDULE_CHANNEL, cron, label: cron, timeZone: 'UTC',
        createdBy: 'test', paused: false, pauseReason: null, nextRun: firstSlot, createdAt: Date.now(), closeAfterMinutes: null,
      }, 5);

      // Channel quizzes, one after another in each lane, each in a channel of its own, answered by
      // new people every few tens of milliseconds through the store, as the answer buttons would.
      const questions = pack.quiz.slice(0, QUESTIONS).map((q) => ({ id: q.id, order: [0, 1, 2, 3] }));
      let channelIndex = 1;
      let people = 0;
      const feedLane = async () => {
        let current: QuizRun | null = null;
        for (;;) {
          const quiz = current ? await store.getQuiz(current.id) : null;
          if (!quiz || quiz.status !== 'active') {
            if (!feeding) return;
            const channel = CHANNELS[channelIndex++]!;
            current = { id: `quiz-${channelIndex}`, channel, accepted: Array<number>(QUESTIONS).fill(0) };
            await store.createQuiz({
              id: current.id, platform: run.platform, serverId: 'g', channelId: channel, starterId: 'test', mode: 'channel',
              questions, current: 0, status: 'active', deadline: Date.now() + SECOND, createdAt: Date.now(), seconds: null, reveal: 'each',
            });
            quizzes.push(current);
            continue;
          }
          const q = quiz.current;
          const option = people % 4;
          const ok = await store.recordAnswer({
            quizId: quiz.id, question: q, questionId: questions[q]!.id, userId: `u${++people}`, userName: `u${people}`,
            option, correct: option === 0, answeredAt: Date.now(),
          });
          if (ok) current!.accepted[q]! += 1;
          await sleep(30 + Math.random() * 60);
        }
      };
      const feeders = Array.from({ length: QUIZ_LANES }, feedLane);

      // The kill loop: each lane keeps one bot alive, kills it, starts another.
      let kills = 0;
      let lastKill = 0;
      // On a machine loaded enough that starts take a minute, 50 kills can pass with hardly a slot or
      // quiz run; the loop then goes on killing (within the test's time) until the run has done enough
      // to say something, rather than failing as vacuous.
      const extendUntil = Date.now() + 12 * 60_000;
      const enough = () => quizzes.length >= QUIZ_LANES * 2 + 1 && fake.messages(SCHEDULE_CHANNEL).length >= 6;
      const lane = async () => {
        while (kills < run.kills || (!enough() && Date.now() < extendUntil)) {
          const child = await start();
          const mode = Math.floor(Math.random() * 3);
          if (mode === 0) await sleep(200 + Math.random() * 2300);
          else if (mode === 1) {
            // The instant a post reaches the fake: the process dies before it can record it as posted.
            const before = fake.total();
            const deadline = Date.now() + 4 * SECOND;
            while (fake.total() === before && Date.now() < deadline) await sleep(2);
          } else {
            // Just after a slot falls due: between taking the lease and posting.
            await sleep(SECOND - (Date.now() % SECOND) + Math.random() * 40);
          }
          await child.kill();
          kills++;
          lastKill = Date.now();
        }
      };
      await Promise.all(Array.from({ length: run.instances }, lane));

      // Drain: fresh bots run until every post begun is out and the last quizzes have finished.
      feeding = false;
      const survivors = await Promise.all(Array.from({ length: run.instances }, start));
      await Promise.all(feeders);
      await sleep((LEASE_SECONDS + 1) * SECOND);
      await until(async () => (await store.nextPostLeaseExpiry(run.platform)) === null, 120_000, 'every leased post posted');
      await sleep(SECOND); // a late repeat gets the chance to show
      await Promise.all(survivors.map((c) => c.kill()));

      const figures = await count(store, fake, run, firstSlot, lastKill - SECOND, quizzes, kills);
      figures.slowestStartMs = slowestStartMs;
      console.log(`kill -9 figures (${run.backend.name}, ${run.platform}, ${run.instances} instance${run.instances > 1 ? 's' : ''}): ${JSON.stringify(figures)}`);
      expect(figures.kills).toBeGreaterThanOrEqual(run.kills);
      expect({ doubled: figures.doubled, missed: figures.missed }).toEqual({ doubled: 0, missed: 0 });
      // A post lost past the nonce window is the guarantee's documented end, reached only when no
      // instance can take a post over within 2 minutes of its first send: bots that each live a few
      // seconds, and take longer than a lease (30 s) to start. On any machine where they start
      // faster, such a loss is a miss.
      if (figures.slowestStartMs <= LEASE_SECONDS * SECOND) expect(figures.lostPastWindow, 'lost past the window with quick starts').toBe(0);
      // Not a vacuous run: slots were posted and prompts closed, and quizzes ran through the kills.
      // (A bot start takes seconds on a loaded machine, so many slots fall while both are starting.)
      // Bounds that hold with load averages of 15 on 2 cores, where 19 to 48 slots were posted.
      expect(figures.posted).toBeGreaterThanOrEqual(5);
      expect(figures.promptResults).toBeGreaterThanOrEqual(3);
      expect(figures.quizzes).toBeGreaterThanOrEqual(QUIZ_LANES * 2);
    } finally {
      feeding = false;
      await store.close();
      await fake.close();
      await db.drop();
    }
  });
}

async function count(
  store: Store, fake: ChaosFake, run: KillLoopRun, firstSlot: number, lastSlot: number, quizzes: QuizRun[], kills: number,
): Promise<KillLoopFigures> {
  const figures: KillLoopFigures = {
    kills, slots: 0, posted: 0, folded: 0, doubled: 0, missed: 0, givenUp: 0, lostPastWindow: 0, slowestStartMs: 0, quizzes: quizzes.length, quizPosts: 0, answers: 0,
    promptResults: 0, refusedRepeats: fake.refusedRepeats(),
  };
  // Each message is told apart by what its key left on it (a nonce, metadata), not by its look: a
  // slot taken over after a later slot closed its prompt shows the prompt closed, without buttons.
  const marks = new Map<string, number>();
  for (const m of fake.messages(SCHEDULE_CHANNEL)) if (m.mark) marks.set(m.mark, (marks.get(m.mark) ?? 0) + 1);
  const postsOf = (key: string) => marks.get(fake.markOf(`${key}#0.0`)) ?? 0;
  /** A post's lease at the end: never left 'posting' (the drain waited for that); a give-up is counted. */
  const leaseOf = async (key: string) => {
    const lease = await store.getPostLease(key);
    if (lease) expect(lease.state, key).not.toBe('posting');
    if (lease?.state === 'given-up') figures.givenUp++;
    return lease;
  };
  const miss = (what: string, lease: { state: string } | null) => {
    if (lease?.state === 'given-up') figures.lostPastWindow++;
    else figures.missed++;
    if (process.env.CHAOS_DEBUG) console.log(`missed ${what}`, JSON.stringify(lease));
  };
  for (let slot: number | null = firstSlot; slot !== null && slot <= lastSlot; slot = slotAfter('* * * * * *', 'UTC', slot)) {
    figures.slots++;
    const key = `sched:${SCHEDULE}:${slot}`;
    const n = postsOf(key);
    const lease = await leaseOf(key);
    if (n > 1) figures.doubled++;
    if (n === 1) figures.posted++;
    if (n === 0 && lease) miss(key, lease);
    if (n === 0 && !lease) figures.folded++;
    // Every prompt closes when the next one posts; each closed prompt has one result.
    const post = await store.getPromptPost(slotPostId({ scheduleId: SCHEDULE, slot }));
    if (n === 1 && post?.closedAt != null) {
      const closeKey = `close:${post.id}`;
      const results = postsOf(closeKey);
      const closeLease = await leaseOf(closeKey);
      figures.promptResults += results;
      if (results > 1) figures.doubled++;
      if (results === 0) miss(closeKey, closeLease);
    }
  }
  if (process.env.CHAOS_DEBUG) {
    console.log(JSON.stringify([...marks.entries()].filter(([, n]) => n > 1)));
  }
  for (const quiz of quizzes) {
    const seen = fake.messages(quiz.channel);
    if (process.env.CHAOS_DEBUG) console.log(quiz.id, JSON.stringify(seen.map((m) => [m.heading, m.answers])), JSON.stringify(quiz.accepted));
    // A reveal's quote goes in a message of its own after the first; the headed first messages are counted.
    const headings = seen.flatMap((m) => (m.heading === null ? [] : [m.heading])).sort();
    const expected = expectedQuizHeadings(QUESTIONS);
    figures.quizPosts += headings.length;
    const reveals: Awaited<ReturnType<typeof leaseOf>>[] = [];
    for (let q = 0; q < QUESTIONS; q++) reveals.push(await leaseOf(`reveal:${quiz.id}:${q}`));
    // A reveal's reply carries its answer, then the next question (or, after the last, the end).
    const revealOf = (heading: string) => {
      const n = Number(/^Answer to question (\d+)$/.exec(heading)?.[1] ?? /^Question (\d+) of/.exec(heading)?.[1] ?? NaN);
      if (heading === 'Quiz finished') return reveals[QUESTIONS - 1] ?? null;
      return reveals[heading.startsWith('Answer') ? n - 1 : n - 2] ?? null;
    };
    const extra = [...headings];
    for (const h of expected) {
      const at = extra.indexOf(h);
      if (at === -1) miss(`${quiz.id}: ${h}`, revealOf(h));
      else extra.splice(at, 1);
    }
    figures.doubled += extra.length;
    for (let q = 0; q < QUESTIONS; q++) {
      const lease = reveals[q]!;
      if (lease?.state === 'given-up' && process.env.CHAOS_DEBUG) console.log('given up', JSON.stringify(lease));
      const reveal = seen.find((m) => m.heading === `Answer to question ${q + 1}`);
      figures.answers += quiz.accepted[q]!;
      // A long reveal (thousands of answers while a question waited for a takeover) is split, and its
      // "Answers" may be in a later message of the reply: read it from the reply's messages, by mark.
      const parts = new Set(Array.from({ length: 10 }, (_, part) => fake.markOf(`reveal:${quiz.id}:${q}#0.${part}`)));
      const answers = seen.find((m) => m.mark !== null && parts.has(m.mark) && m.answers !== null)?.answers ?? null;
      if (reveal && answers !== quiz.accepted[q]) figures.missed++;
    }
  }
  return figures;
}
