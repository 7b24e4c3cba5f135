import type { BaseContext, CoreSettings, Platform, Services, Where } from '../../../src/core/context.js';
import type { Pack } from '../../../src/core/pack/model.js';
import type { Reply } from '../../../src/core/reply.js';
import type { PostKey, Poster } from '../../../src/core/poster.js';
import type { Store } from '../../../src/core/store/store.js';
import { createServices } from '../../../src/core/services.js';
import { cronerScheduling } from '../../../src/schedule/slots.js';
import { loadPack } from '../../../src/core/pack/load.js';
import { openSqliteStore } from '../../../src/store/sqlite.js';
import { runCommand } from '../../../src/core/dispatch.js';
import { renderPlainText } from '../../../src/core/reply.js';
import { runDueSchedules, scheduledSlotKind } from '../../../src/schedule/runner.js';
import { postRecoveryTask } from '../../../src/core/post-once.js';
import { recordingLogger, type LogEntry } from '../../support/logger.js';
import { noMatcher } from '../../support/no-matcher.js';

let pack: Promise<Pack> | null = null;
/** The real content pack, read once per test file. */
export function realPack(): Promise<Pack> {
  pack ??= loadPack();
  return pack;
}

export interface PostedRecord {
  where: Where;
  reply: Reply;
  /** The clock when the post went out. */
  at: number;
  once?: PostKey;
}

/** A poster that records what it is asked to post; `failWith` makes the next posts throw. */
export class RecordingPoster implements Poster {
  readonly posts: PostedRecord[] = [];
  attempts = 0;
  failWith: Error | null = null;
  /** As a platform's poster says it (Poster.retryWindowMs); unset, the default window. */
  retryWindowMs?: number | null;
  private seq = 0;

  constructor(private readonly clock: () => number) {}

  async post(where: Where, reply: Reply, once?: PostKey) {
    this.attempts++;
    if (this.failWith) throw this.failWith;
    this.posts.push({ where, reply, at: this.clock(), ...(once ? { once } : {}) });
    return { messageId: `m${++this.seq}` };
  }
}

export interface Harness {
  services: Services;
  store: Store;
  poster: RecordingPoster;
  logs: LogEntry[];
  wakes: number;
  now(): number;
  setClock(at: number | string): void;
  /** Runs whatever is due at the current clock, as the background loop would. */
  runDue(): Promise<void>;
  /** Takes over slots whose leases expired unposted, as the background loop would. */
  recover(): Promise<void>;
  /**
   * Plays the background loop forward: sleeps until the store's next run, runs what is due, and
   * repeats until `until`. Returns how many times it woke.
   */
  runUntil(until: number | string): Promise<number>;
  command(subcommand: string, options?: Record<string, string>, as?: Partial<BaseContext>): Promise<Reply[]>;
  /** The plain-text rendering of a command's replies. */
  text(subcommand: string, options?: Record<string, string>, as?: Partial<BaseContext>): Promise<string>;
}

const toMs = (t: number | string) => (typeof t === 'number' ? t : Date.parse(t));

export const PLATFORM: Platform = 'shell';
export const SERVER = 'guild-1';
export const CHANNEL = 'chan-1';

export async function makeHarness(start: string, settings: Partial<CoreSettings> = {}, store?: Store): Promise<Harness> {
  let clock = toMs(start);
  const logs: LogEntry[] = [];
  const theStore = store ?? (await openSqliteStore(':memory:'));
  const services = createServices({
    pack: await realPack(),
    matcher: noMatcher,
    store: theStore,
    scheduling: cronerScheduling,
    settings,
    logger: recordingLogger(logs),
    now: () => new Date(clock),
  });
  const poster = new RecordingPoster(() => clock);
  const h: Harness = {
    services, store: theStore, poster, logs, wakes: 0,
    now: () => clock,
    setClock(at) {
      clock = toMs(at);
    },
    runDue: () => runDueSchedules(services, PLATFORM, poster),
    recover: () => postRecoveryTask(services, PLATFORM, poster, [scheduledSlotKind(services)]).runDue(),
    async runUntil(until) {
      const end = toMs(until);
      let wakes = 0;
      for (;;) {
        const due = await theStore.nextScheduleRun(PLATFORM);
        if (due === null || due > end) break;
        if (++wakes > 10_000) throw new Error('the schedule never settles');
        clock = Math.max(clock, due);
        await h.runDue();
      }
      clock = Math.max(clock, end);
      return wakes;
    },
    command(subcommand, options = {}, as = {}) {
      const base: BaseContext = {
        platform: PLATFORM, serverId: SERVER, channelId: CHANNEL, user: { id: 'u-admin', name: 'Ada' },
        isAdmin: true, services, ...as,
      };
      return runCommand(base, { command: 'prompt', subcommand, options });
    },
    async text(subcommand, options, as) {
      return (await h.command(subcommand, options, as)).map(renderPlainText).join('\n---\n');
    },
  };
  services.wake = () => {
    h.wakes++;
  };
  return h;
}

/** The local calendar date of an instant in a zone, e.g. 2026-03-29. */
export function localDate(at: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The local wall time with its offset, e.g. "04:30 GMT+3". */
export function localTime(at: number, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'shortOffset' }).format(at);
}

/** The prompt id behind a posted reply: its vote choices carry the post id. */
export async function promptIdOf(store: Store, reply: Reply): Promise<string | undefined> {
  const postId = reply.blocks.flatMap((b) => (b.type === 'choices' ? b.choices : []))[0]?.id.split(':')[1];
  return postId ? (await store.getPromptPost(postId))?.promptId : undefined;
}
