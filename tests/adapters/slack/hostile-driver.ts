import { blockActionPayload, slashCommandPayload, viewSubmissionPayload, type JsonObject } from '../../support/fake-slack/index.js';
import type { HostileDriver, Person, Said } from '../contract/hostile-texts.js';
import { buttonsOf, click, responses, slash, submitView, textOf, type Harness, type SlackButton, type Who } from './harness.js';

/**
 * The hostile-texts suite's driver for Slack, over HTTP (signed requests into Bolt's receiver) or
 * Socket Mode (envelopes over the fake's socket). A ping is possible wherever anything the bot sent
 * holds a mention Slack acts on: <!here>, <!channel>, <!everyone>, <!subteam^…> or <@U…>.
 */

const CHANNEL = 'C0HOSTILE';
export const HOSTILE_ADMIN = 'U0CHAIR';
const PEOPLE: Record<Person, Who> = {
  alice: { userId: 'U0ALICE', userName: 'alice', channelId: CHANNEL },
  bob: { userId: 'U0BOB', userName: 'bob', channelId: CHANNEL },
  admin: { userId: HOSTILE_ADMIN, userName: 'chair', channelId: CHANNEL },
  villain: { userId: 'U0VILLAIN', userName: '<!channel> @everyone <@U0ALICE>', channelId: CHANNEL },
};
const PING = /<!(?:here|channel|everyone)\b|<!subteam\^|<@[UW][A-Z0-9]+/g;

interface Transport {
  slash(command: string, text: string, who: Who): Promise<string>;
  click(button: SlackButton, who: Who): Promise<string>;
  submit(privateMetadata: string, text: string, who: Who): Promise<void>;
}

const boxValues = (text: string) => ({ rostrum_text_block: { rostrum_text_input: { type: 'plain_text_input', value: text } } });

function httpTransport(h: Harness): Transport {
  return {
    slash: async (command, text, who) => (await slash(h, command, text, who)).id,
    click: async (b, who) => (await click(h, b, who)).id,
    submit: async (meta, text, who) => void (await submitView(h, meta, boxValues(text), who)),
  };
}

let envelopes = 0;
function socketTransport(h: Harness): Transport {
  const send = async (envelope: Parameters<Harness['fake']['socketSend']>[0]) => {
    await h.fake.socketSend(envelope);
    await h.settled();
  };
  return {
    async slash(command, text, who) {
      const id = `hostile-cmd-${++envelopes}`;
      await send({ type: 'slash_commands', payload: slashCommandPayload({ command, text, responseUrl: h.fake.responseUrl(id), ...who }) as never });
      return id;
    },
    async click(b, who) {
      const id = `hostile-click-${++envelopes}`;
      await send({ type: 'interactive', payload: blockActionPayload({ actionId: b.action_id, value: b.value, responseUrl: h.fake.responseUrl(id), ...who }) });
      return id;
    },
    submit: (meta, text, who) => send({ type: 'interactive', payload: viewSubmissionPayload({ callbackId: 'rostrum_text', privateMetadata: meta, values: boxValues(text) as never, ...who }) }),
  };
}

const behind = new WeakMap<Said, JsonObject[]>();

export function slackHostileDriver(h: Harness, mode: 'http' | 'socket'): HostileDriver {
  const t = mode === 'http' ? httpTransport(h) : socketTransport(h);
  const saidOf = (id: string): Said => {
    const messages = responses(h, { status: 200, id });
    const said = { texts: messages.map(textOf).filter(Boolean), labels: messages.flatMap((m) => buttonsOf(m).map((b) => b.text.text)) };
    behind.set(said, messages);
    return said;
  };
  const everything = (): JsonObject[] => [
    ...h.fake.responses().map((r) => r.body),
    ...h.fake.successfulCalls().filter((c) => /^(chat|views)\./.test(c.method)).map((c) => c.body),
  ];
  return {
    async command(command, subcommand, options, who) {
      const text = [subcommand, ...Object.entries(options).map(([k, v]) => `${k}:${v}`)].join(' ');
      return saidOf(await t.slash(`/${command}`, text, PEOPLE[who]));
    },
    async box(said, label, text, who) {
      const b = (behind.get(said) ?? []).flatMap(buttonsOf).find((x) => x.text.text === label);
      if (!b) throw new Error(`no “${label}” button on that message`);
      const before = h.fake.successfulCalls('views.open').length;
      const id = await t.click(b, PEOPLE[who]);
      const opened = h.fake.successfulCalls('views.open');
      if (opened.length === before) return saidOf(id);
      await t.submit(String((opened.at(-1)!.body.view as JsonObject).private_metadata), text, PEOPLE[who]);
      return saidOf(id);
    },
    pingsPossible: () => everything().flatMap((m) => [...JSON.stringify(m).matchAll(PING)].map((hit) => `${hit[0]} in ${JSON.stringify(m).slice(0, 120)}`)),
    messagesAudited: () => everything().length,
  };
}
