import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config.js';
import { openRuntime, type Runtime } from '../../../src/runtime.js';
import { startSlack, type RunningSlack, type SlackStartOptions } from '../../../adapters/slack/index.js';
import {
  blockActionBody,
  signedPost,
  slashCommandBody,
  startFakeSlack,
  viewSubmissionBody,
  type FakeSlack,
  type JsonObject,
  type RecordedResponse,
  type SignOptions,
  type SignedResponse,
} from '../../support/fake-slack/index.js';
import { useStarted } from '../../support/hooks.js';
import { recordingLogger, type LogEntry } from '../../support/logger.js';

export const SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-bot-token';
export const APP_TOKEN = 'xapp-1-test-app-token';

export interface Harness {
  fake: FakeSlack;
  slack: RunningSlack;
  runtime: Runtime;
  log: ReturnType<typeof recordingLogger>;
  /** http://127.0.0.1:PORT/slack/events (HTTP mode only). */
  eventsUrl: string;
  /** Resolves when every request so far has been answered in full. */
  settled(): Promise<void>;
  /** Starts another instance (HTTP) on the same fake Slack and SQLite file; `close` stops it first. */
  another(): Promise<{ eventsUrl: string; settled(): Promise<void> }>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  /** Socket Mode (SLACK_APP_TOKEN) instead of HTTP with a signing secret. */
  socket?: boolean;
  /** The runtime's clock, so a test can move time on (then `runtime.services.wake()`). */
  now?: () => Date;
  /** How the work after each ack is queued. */
  afterAck?: SlackStartOptions['afterAck'];
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakeSlack();
  const dir = mkdtempSync(join(tmpdir(), 'rostrum-slack-'));
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'rostrum.db'),
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    ...(options.socket ? { SLACK_APP_TOKEN: APP_TOKEN } : { SLACK_SIGNING_SECRET: SECRET }),
    ...options.env,
  });
  const log = recordingLogger();
  const runtime = await openRuntime(config, log);
  if (options.now) runtime.services.now = options.now;
  const slack = await startSlack(runtime, config, log, { port: 0, host: '127.0.0.1', afterAck: options.afterAck });
  const others: { runtime: Runtime; slack: RunningSlack }[] = [];
  return {
    fake,
    slack,
    runtime,
    log,
    eventsUrl: `http://127.0.0.1:${slack.port ?? 0}/slack/events`,
    settled: () => slack.settled(),
    async another() {
      const other = await openRuntime(config, log);
      const otherSlack = await startSlack(other, config, log, { port: 0, host: '127.0.0.1', afterAck: options.afterAck });
      others.push({ runtime: other, slack: otherSlack });
      return { eventsUrl: `http://127.0.0.1:${otherSlack.port ?? 0}/slack/events`, settled: () => otherSlack.settled() };
    },
    async close() {
      for (const other of others.splice(0)) {
        await other.slack.stop();
        await other.runtime.close();
      }
      await slack.stop();
      // Socket Mode's stop() returns before the socket closes; closing the fake first would make it reconnect.
      if (options.socket) await fake.waitFor((f) => f.socketConnections === 0).catch(() => undefined);
      await runtime.close();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One harness for all the tests in a file: started before the first, closed after the last. */
export function useHarness(options: HarnessOptions = {}): Harness {
  return useStarted(() => startHarness(options), (h) => h.close(), 'file');
}

// ---- driving the adapter the way Slack does ----------------------------------------------------

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

export interface Sent {
  status: number;
  /** The response_url id this request carried; read what the bot sent there with `responses`. */
  id: string;
}

export interface Who {
  userId?: string;
  userName?: string;
  channelId?: string;
}

export async function slash(h: Harness, command: string, text: string, who: Who = {}, sign: Partial<SignOptions> = {}): Promise<Sent & { body: URLSearchParams }> {
  const id = nextId('cmd');
  const body = slashCommandBody({ command, text, responseUrl: h.fake.responseUrl(id), ...who });
  const res = await signedPost(h.eventsUrl, body, { secret: SECRET, ...sign });
  await h.settled();
  return { status: res.status, id, body };
}

export async function resend(h: Harness, body: URLSearchParams | string, sign: Partial<SignOptions> = {}): Promise<SignedResponse> {
  const res = await signedPost(h.eventsUrl, body, { secret: SECRET, ...sign });
  await h.settled();
  return res;
}

export async function click(h: Harness, button: SlackButton, who: Who = {}, messageTs?: string): Promise<Sent> {
  const id = nextId('click');
  const body = blockActionBody({ actionId: button.action_id, value: button.value, responseUrl: h.fake.responseUrl(id), messageTs, ...who });
  const res = await signedPost(h.eventsUrl, body, { secret: SECRET });
  await h.settled();
  return { status: res.status, id };
}

export async function submitView(h: Harness, privateMetadata: string, values: JsonObject, who: Who = {}): Promise<SignedResponse> {
  const body = viewSubmissionBody({ callbackId: 'rostrum_text', privateMetadata, values: values as never, ...who });
  const res = await signedPost(h.eventsUrl, body, { secret: SECRET });
  await h.settled();
  return res;
}

// ---- reading what the bot sent -----------------------------------------------------------------

export interface SlackButton {
  action_id: string;
  value?: string;
  text: { text: string };
  style?: string;
}

type Blocks = JsonObject[];

export function blocksOf(message: JsonObject): Blocks {
  return Array.isArray(message.blocks) ? (message.blocks as Blocks) : [];
}

export function buttonsOf(message: JsonObject): SlackButton[] {
  return blocksOf(message).filter((b) => b.type === 'actions').flatMap((b) => b.elements as SlackButton[]);
}

export function button(message: JsonObject, label: string | RegExp): SlackButton {
  const found = buttonsOf(message).find((b) => (typeof label === 'string' ? b.text.text === label : label.test(b.text.text)));
  if (!found) throw new Error(`no button ${String(label)} in ${JSON.stringify(buttonsOf(message).map((b) => b.text.text))}`);
  return found;
}

/** Every piece of text in a message's blocks, as Slack received it (escaped), one per line. */
export function textOf(message: JsonObject): string {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as JsonObject;
      if (typeof o.text === 'string') out.push(o.text);
      Object.entries(o).forEach(([k, x]) => k !== 'text' || typeof x !== 'string' ? visit(x) : undefined);
    }
  };
  visit(blocksOf(message));
  return out.join('\n');
}

export function unescapeSlack(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** What a `> ` quote section shows, back in the pack's characters: markers dropped, unescaped. */
export function unquote(mrkdwn: string): string {
  return unescapeSlack(mrkdwn.split('\n').map((line) => line.replace(/^> /, '')).join('\n'));
}

export interface ShownQuote {
  /** The quoted words, every section of the quote run together, as the pack has them. */
  text: string;
  /** The citation's mrkdwn, e.g. `*P3* · Andrew Latham, “…”`, and the anchor it names. */
  citation: string;
  anchor: string;
  /** Where the quote's first section stands among the message's blocks. */
  index: number;
}

/** A message's first quote: its `> ` sections, and the citation that must follow them at once. */
export function quoteIn(message: JsonObject): ShownQuote {
  const blocks = blocksOf(message);
  const isQuote = (b: JsonObject | undefined) => b?.type === 'section' && String((b.text as JsonObject | undefined)?.text).startsWith('> ');
  const index = blocks.findIndex(isQuote);
  if (index < 0) throw new Error(`no quote in ${JSON.stringify(blocks).slice(0, 500)}`);
  let end = index;
  while (isQuote(blocks[end])) end++;
  const next = blocks[end];
  const element = next?.type === 'context' ? (next.elements as JsonObject[])[0] : undefined;
  const citation = element?.type === 'mrkdwn' ? String(element.text) : '';
  const anchor = /^\*([KP]\d+)\*/.exec(citation)?.[1];
  if (!anchor) throw new Error(`the quote is not followed by its citation: ${JSON.stringify(next)}`);
  const text = blocks.slice(index, end).map((b) => unquote(String((b.text as JsonObject).text))).join('');
  return { text, citation, anchor, index };
}

export function responses(h: Harness, sent: Sent): JsonObject[] {
  return h.fake.responses(sent.id).map((r: RecordedResponse) => r.body);
}

export function only(list: JsonObject[]): JsonObject {
  if (list.length !== 1) throw new Error(`expected one message, got ${list.length}: ${JSON.stringify(list).slice(0, 500)}`);
  return list[0]!;
}

export function errorsLogged(h: Harness): LogEntry[] {
  return h.log.entries.filter((e) => e.level === 'error');
}
