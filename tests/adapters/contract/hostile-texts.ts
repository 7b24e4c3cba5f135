import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXTS } from '../../chaos/support/hostile.js';

/**
 * One suite that every adapter runs (Discord, Slack over HTTP and over Socket Mode, the terminal):
 * hostile texts through every free-text path — a debate reply typed and in its box, a class-debate
 * argument typed and in its box, a topic, an option echoed back in an error, and a user's own name —
 * then every message the bot sent is audited in the platform's own terms. No ping may be possible,
 * every reply is polite, and none shows a stack trace.
 */

/** The villain's display name is a mass mention in the platform's syntax, wherever the platform lets a user choose it. */
export type Person = 'alice' | 'bob' | 'admin' | 'villain';

/** What one request brought back, as a person reads it, and the labels of the buttons on it. */
export interface Said {
  texts: string[];
  labels: string[];
}

export interface HostileDriver {
  /** Runs `/command subcommand` with options as the platform delivers them (typed text on Slack and the terminal). */
  command(command: string, subcommand: string, options: Record<string, string>, as: Person): Promise<Said>;
  /** Presses the button labelled `label` on `said` and types `text` into the box it opens. */
  box(said: Said, label: string, text: string, as: Person): Promise<Said>;
  /** Everything the bot sent could ping someone through these (empty when nothing could). */
  pingsPossible(): string[];
  /** How many messages the audit read. */
  messagesAudited(): number;
}

const MOTION = 'de-facto-member';
const IMPOLITE = /Something went wrong|\n\s+at \S+ \(|\b(?:TypeError|RangeError|ReferenceError|SyntaxError)\b|\[object Object\]|\bundefined\b|CronPattern|SQLITE_|invalid byte sequence/;

function checkPolite(path: string, text: string, said: Said): void {
  expect(said.texts.length, `${path}: no reply to ${JSON.stringify(text.slice(0, 60))}`).toBeGreaterThan(0);
  for (const t of said.texts) expect(t, `${path}: ${JSON.stringify(text.slice(0, 60))}`).not.toMatch(IMPOLITE);
}

export function hostileTextSuite(name: string, driver: () => HostileDriver, timeoutMs = 240_000): void {
  describe(`hostile texts on ${name}`, () => {
    it('go through every free-text path with no ping possible and only polite replies', async () => {
      const d = driver();
      // A one-on-one debate: each text as a typed reply and as the reply box's text.
      const started = await d.command('debate', 'start', { motion: MOTION, side: 'for' }, 'alice');
      checkPolite('debate start', '', started);
      // The newest message with a Reply button: a refusal (a text too long) brings none, and the last one still works.
      let replyable = started;
      for (const text of HOSTILE_TEXTS) {
        const said = await d.command('debate', 'reply', { text }, 'alice');
        checkPolite('/debate reply', text, said);
        if (said.labels.includes('Reply')) replyable = said;
      }
      for (const text of HOSTILE_TEXTS) {
        const said = await d.box(replyable, 'Reply', text, 'alice');
        checkPolite('debate reply box', text, said);
        if (said.labels.includes('Reply')) replyable = said;
      }
      await d.command('debate', 'end', {}, 'alice');

      // Texts the bot reads, then names or quotes back: a topic, and an option in an error.
      for (const text of HOSTILE_TEXTS) {
        checkPolite('/keypoints show topic', text, await d.command('keypoints', 'show', { topic: text }, 'bob'));
        checkPolite('/prompt schedule timezone', text, await d.command('prompt', 'schedule', { cadence: 'daily', time: '09:00', timezone: text }, 'admin'));
        checkPolite('/prompt schedule cadence', text, await d.command('prompt', 'schedule', { cadence: text }, 'admin'));
      }

      // A class debate, joined by a user whose name is a mass mention: arguments typed and in the box.
      const lobby = await d.command('debate', 'open', { motion: MOTION, format: 'open', cap: '20' }, 'admin');
      checkPolite('/debate open', '', lobby);
      checkPolite('/debate join', '', await d.command('debate', 'join', { side: 'for' }, 'villain'));
      checkPolite('/debate join', '', await d.command('debate', 'join', { side: 'against' }, 'bob'));
      let live = await d.command('debate', 'begin', {}, 'admin');
      checkPolite('/debate begin', '', live);
      const spoken: Said[] = [];
      for (const text of HOSTILE_TEXTS) {
        const said = await d.command('debate', 'say', { argument: text }, 'villain');
        checkPolite('/debate say', text, said);
        spoken.push(said);
      }
      // The arguments were placed, and are shown: the class-debate path was walked, not refused.
      expect(spoken[0]!.texts.join('\n')).toContain('look at this');
      const boxed: Said[] = [];
      for (const text of HOSTILE_TEXTS) {
        if (!live.labels.includes('Say')) live = await d.command('debate', 'board', {}, 'bob');
        const answered = await d.box(live, 'Say', text, 'bob');
        checkPolite('class debate say box', text, answered);
        boxed.push(answered);
        if (answered.labels.includes('Say')) live = answered;
      }
      expect(boxed[0]!.texts.join('\n')).toContain('look at this');
      checkPolite('/debate board', '', await d.command('debate', 'board', {}, 'villain'));
      checkPolite('/debate cancel', '', await d.command('debate', 'cancel', {}, 'admin'));

      const pings = d.pingsPossible();
      console.log(`hostile texts on ${name}: ${HOSTILE_TEXTS.length} texts through 7 paths; ${d.messagesAudited()} messages audited; ${pings.length} pings possible`);
      expect(d.messagesAudited()).toBeGreaterThan(HOSTILE_TEXTS.length * 5);
      expect(pings.slice(0, 10)).toEqual([]);
    }, timeoutMs);
  });
}
