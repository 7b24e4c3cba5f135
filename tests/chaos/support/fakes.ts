import { startFakeDiscord } from '../../support/fake-discord/index.js';
import { startFakeSlack } from '../../support/fake-slack/index.js';
import { nonceFor } from '../../../adapters/discord/nonce.js';
import { BOT_TOKEN } from './settings.js';

/** A message in a channel as the kill -9 tests read it, whichever platform posted it. */
export interface SeenMessage {
  /** The reply's first heading: "Discussion prompt", "Answer to question 2", "Quiz finished"… */
  heading: string | null;
  /** A prompt post's id, from its vote buttons. */
  promptPostId: string | null;
  /** A reveal's "Answers" field. */
  answers: number | null;
  /** What the post's key left on the message: Discord's nonce, Slack's metadata key. */
  mark: string | null;
}

/** A fake platform the bot processes post to, read back channel by channel. */
export interface ChaosFake {
  apiUrl: string;
  /** Top-level messages in a channel, oldest first. */
  messages(channel: string): SeenMessage[];
  /** Every top-level message so far, in any channel: a count to kill a process on. */
  total(): number;
  /** What a message posted under this message key carries (see SeenMessage.mark). */
  markOf(messageKey: string): string;
  /** Repeats the platform turned away by itself (Discord's nonces); Slack has none. */
  refusedRepeats(): number;
  close(): Promise<void>;
}

const GUILD = '910000000000000001';
const APP = '910000000000000100';
/** Channel ids the tests may post to: Discord needs them to exist up front. */
export const CHANNELS = Array.from({ length: 60 }, (_, i) => String(910000000000001000n + BigInt(i)));

function promptPostIdIn(json: string): string | null {
  return /vote:([A-Za-z0-9_-]+):agree/.exec(json)?.[1] ?? null;
}

export async function startChaosFake(platform: 'discord' | 'slack'): Promise<ChaosFake> {
  if (platform === 'discord') {
    const fake = await startFakeDiscord({
      guilds: [{ id: GUILD, name: 'Chaos', channels: CHANNELS.map((id, i) => ({ id, name: `c${i}`, type: 0 })) }],
      applicationId: APP, botUserId: APP, token: BOT_TOKEN,
    });
    const read = (m: Record<string, unknown>): SeenMessage => {
      const embed = (m.embeds as { title?: string; fields?: { name: string; value: string }[] }[] | undefined)?.[0];
      const answers = embed?.fields?.find((f) => f.name === 'Answers')?.value;
      return {
        heading: embed?.title ?? null, promptPostId: promptPostIdIn(JSON.stringify(m.components ?? [])),
        answers: answers === undefined ? null : Number(answers), mark: typeof m.nonce === 'string' ? m.nonce : null,
      };
    };
    return {
      apiUrl: fake.apiUrl,
      messages: (channel) => fake.channelMessages(channel).map(read),
      total: () => CHANNELS.reduce((n, c) => n + fake.channelMessages(c).length, 0),
      markOf: nonceFor,
      refusedRepeats: () => fake.nonceRepeats,
      close: () => fake.close(),
    };
  }
  const fake = await startFakeSlack();
  const read = (m: Record<string, unknown>): SeenMessage => {
    const blocks = (m.blocks as { type: string; text?: { text?: string }; fields?: { text: string }[] }[] | undefined) ?? [];
    const answers = blocks.flatMap((b) => b.fields ?? []).map((f) => /^\*Answers\*\n(\d+)$/.exec(f.text)?.[1]).find((v) => v !== undefined);
    return {
      heading: blocks.find((b) => b.type === 'header')?.text?.text ?? null,
      promptPostId: promptPostIdIn(JSON.stringify(blocks)),
      answers: answers === undefined ? null : Number(answers),
      mark: String((m.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key ?? '') || null,
    };
  };
  const top = () => fake.messages.filter((m) => m.thread_ts === undefined);
  return {
    apiUrl: fake.apiUrl,
    messages: (channel) => top().filter((m) => m.channel === channel).map(read),
    total: () => top().length,
    markOf: (key) => key,
    refusedRepeats: () => 0,
    close: () => fake.close(),
  };
}
