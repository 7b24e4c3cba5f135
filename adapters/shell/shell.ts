import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Services, BaseContext } from '../../src/core/context.js';
import type { Choice, Reply } from '../../src/core/reply.js';
import type { Poster } from '../../src/core/poster.js';
import { runChoice, runText } from '../../src/core/dispatch.js';
import { boundedLine, MAX_ID, quoted, readChannel } from '../../src/core/input.js';
import { renderForTerminal } from './render.js';
import { parseShellLine } from './input-line.js';
import { saveFiles } from './files.js';

export interface ShellOptions {
  user: string;
  channel: string;
  json: boolean;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  interactive: boolean;
  /** Where files a reply brings (a teacher's CSV export) are saved; the path is printed. */
  exportDir: string;
}

export const SHELL_SERVER = 'terminal';

const HELP = `Type a command as on Discord or Slack, e.g. /keypoints, /debate start side:against, /quiz start mode:channel.
Type a number to pick a choice. :user <name> and :channel <name> switch who and where you are;
:sleep <seconds> waits (for scripts); :quit leaves. /help lists the commands.`;

/**
 * The terminal adapter: reads commands line by line, prints replies. Interactive on a terminal;
 * otherwise it runs a script from standard input and returns when the input ends.
 */
export class Shell {
  private user: string;
  private channel: string;
  /** The choices on screen, by the channel they were shown in: a number picks from the current channel's. */
  private readonly choices = new Map<string, Choice[]>();
  private posts = 0;
  private pendingInput: Choice | null = null;
  private inFlight: Promise<unknown> = Promise.resolve();
  private readline: ReturnType<typeof createInterface> | null = null;
  /** Aborted by stop(): a script's :sleep must not hold up a shutdown. */
  private readonly stopping = new AbortController();

  constructor(private readonly services: Services, private readonly options: ShellOptions) {
    this.user = options.user;
    this.channel = options.channel;
  }

  /** Background work prints into the terminal as it would post to a channel. */
  readonly poster: Poster = {
    post: async (where, r) => {
      // At an interactive prompt, a post arrives mid-line: start it on a fresh line, then re-show the prompt.
      if (this.options.interactive) this.write('');
      this.print([r], `#${where.channelId}`);
      if (this.options.interactive) this.readline?.prompt(true);
      // A post that opens a thread needs an id for later replies in it; the terminal prints those with a mark.
      return { messageId: r.thread ? `${where.channelId}-post-${++this.posts}` : null };
    },
  };

  private context(): BaseContext {
    return {
      platform: 'shell', serverId: SHELL_SERVER, channelId: this.channel,
      user: { id: this.user, name: this.user },
      // The person at the terminal runs the bot: every command is theirs to use.
      isAdmin: true,
      services: this.services,
    };
  }

  private write(text: string): void {
    this.options.output.write(text.endsWith('\n') ? text : text + '\n');
  }

  /**
   * Numbers refer to the newest choices on screen: output that brings choices renumbers from 1,
   * output without any (a private "your answer is in") leaves the earlier buttons usable, as on a platform.
   */
  print(replies: Reply[], origin?: string): void {
    const channel = origin ? origin.slice(1) : this.channel;
    const shown: Choice[] = replies.some((r) => r.blocks.some((b) => b.type === 'choices')) ? [] : this.choices.get(channel) ?? [];
    this.choices.set(channel, shown);
    for (const r of replies) {
      const saved = saveFiles(r, this.options.exportDir);
      if (this.options.json) {
        // A file's content is on disk; the line says where, as the other platforms show a file.
        const line = saved.length ? { ...r, attachments: saved } : r;
        this.write(JSON.stringify(origin ? { channel, reply: line } : line));
        shown.push(...r.blocks.flatMap((b) => (b.type === 'choices' ? b.choices : [])));
      } else {
        const { text, choices } = renderForTerminal(r, shown.length + 1, saved);
        this.write((origin ? `[${origin}] ` : '') + text + '\n');
        shown.push(...choices);
      }
    }
  }

  /** Handles one line; false when the user asked to quit. */
  async handle(line: string): Promise<boolean> {
    if (this.pendingInput) {
      const choice = this.pendingInput;
      this.pendingInput = null;
      this.print(await runChoice(this.context(), { choiceId: choice.id, text: line }));
      return true;
    }
    const parsed = parseShellLine(line);
    switch (parsed.kind) {
      case 'empty':
        return true;
      case 'meta':
        return this.meta(parsed.name, parsed.arg);
      case 'choice': {
        const choice = this.choices.get(this.channel)?.[parsed.number - 1];
        if (!choice) {
          this.write(this.noSuchChoice(parsed.number));
          return true;
        }
        if (choice.input) {
          this.pendingInput = choice;
          this.write(`${choice.input.label} (one line, up to ${choice.input.maxLength} characters):`);
          return true;
        }
        this.print(await runChoice(this.context(), { choiceId: choice.id }));
        return true;
      }
      case 'command':
        this.print(await runText(this.context(), parsed.command, parsed.text));
        return true;
      case 'unknown':
        this.write(`Commands start with a slash, e.g. /help. ${parsed.text.length > 0 ? 'Type :help for the terminal’s own keys.' : ''}`);
        return true;
    }
  }

  /** A number typed in one channel never presses a button shown in another: say where that one is. */
  private noSuchChoice(n: number): string {
    const elsewhere = [...this.choices.entries()].filter(([channel, list]) => channel !== this.channel && list.length >= n).map(([channel]) => `#${channel}`);
    if (elsewhere.length === 0) return `There is no choice ${n} on screen.`;
    return `There is no choice ${n} in #${this.channel}. Choice ${n} was shown in ${elsewhere.join(', ')}: type :channel ${elsewhere[0]!.slice(1)} to go there first.`;
  }

  private async meta(name: string, arg: string): Promise<boolean> {
    switch (name) {
      case 'quit':
        return false;
      case 'user':
        // The name is the user's id here, so it is held to what an id may be.
        if (arg) this.user = boundedLine(arg, MAX_ID) || this.user;
        this.write(`You are now ${this.user}.`);
        return true;
      case 'channel': {
        const channel = arg ? readChannel('shell', arg) : this.channel;
        if (!channel) {
          this.write(`${quoted(arg)} is not a channel name: use letters, digits, - and _ (at most ${MAX_ID}), e.g. :channel general.`);
          return true;
        }
        this.channel = channel;
        this.write(`You are now in #${this.channel}.`);
        return true;
      }
      case 'sleep': {
        const seconds = Math.min(Math.max(Number(arg) || 0, 0), 600);
        await sleep(seconds * 1000, undefined, { signal: this.stopping.signal }).catch(() => undefined);
        return true;
      }
      default:
        this.write(HELP);
        return true;
    }
  }

  /** Stops reading input (a signal arrived); the line in flight still finishes. */
  stop(): void {
    this.stopping.abort();
    this.readline?.close();
  }

  /** Resolves when the line being handled (if any) is done: a stop lets it finish. */
  async drain(): Promise<void> {
    await this.inFlight.catch(() => undefined);
  }

  /** Reads until the input ends or the user quits. */
  async run(): Promise<void> {
    const rl = createInterface({ input: this.options.input, output: this.options.interactive ? this.options.output : undefined, terminal: this.options.interactive });
    this.readline = rl;
    if (this.options.interactive) {
      this.write(`rostrum — playing as ${this.user} in #${this.channel}. ${HELP}`);
      rl.setPrompt('rostrum> ');
      rl.prompt();
    }
    // Ctrl+C on a terminal reaches readline, not the process: treat it as quitting.
    rl.on('SIGINT', () => rl.close());
    for await (const line of rl) {
      const handling = this.handle(line);
      this.inFlight = handling;
      const goOn = await handling;
      if (!goOn) break;
      if (this.options.interactive) rl.prompt();
    }
    rl.close();
  }
}
