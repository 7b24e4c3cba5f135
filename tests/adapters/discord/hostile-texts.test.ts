import { beforeAll } from 'vitest';
import type { FakeUserInput, JsonObject, RecordedRequest, SentInteraction } from '../../support/fake-discord/index.js';
import { findCommand } from '../../../src/core/commands/index.js';
import { ADMIN, ALICE, BOB, CHANNEL, messageRequests, sentMessage, textOf, useBot, type SentMessage } from './harness.js';
import { hostileTextSuite, type HostileDriver, type Person, type Said } from '../contract/hostile-texts.js';

/**
 * The hostile-texts suite through discord.js against the fake Discord. A ping is possible from any
 * message the bot sent whose allowed_mentions is not `{ parse: [] }` (nothing may ping), whatever its text.
 */

const bot = useBot({ DEBATE_TURN_LIMIT: '50' }, {}, 'file');
const VILLAIN: FakeUserInput = { id: '710000000000000009', username: 'villain', globalName: '@everyone', nick: '@here <@&910000000000000001> <@710000000000000001>' };
const USERS: Record<Person, FakeUserInput> = { alice: ALICE, bob: BOB, admin: ADMIN, villain: VILLAIN };

const carriesMessage = (r: RecordedRequest) =>
  r.path.endsWith('/callback') ? [4, 7].includes((r.body as JsonObject).type as number) : r.path.startsWith('/webhooks/') && (r.method === 'POST' || r.method === 'PATCH');
const buttonsOn = (m: SentMessage) => m.components.flatMap((row) => row.components);

/** The messages behind each Said, so a box can press a button on one. */
const behind = new WeakMap<Said, SentMessage[]>();

async function saidOf(interaction: SentInteraction): Promise<Said> {
  await bot.fake.waitFor(() => bot.fake.interactionResponses(interaction.id).some(carriesMessage), 15_000);
  const messages = bot.fake.interactionResponses(interaction.id).filter(carriesMessage).map(sentMessage);
  const said: Said = { texts: messages.map(textOf), labels: messages.flatMap((m) => buttonsOn(m).map((b) => String(b.label))) };
  behind.set(said, messages);
  return said;
}

let driver: HostileDriver;
beforeAll(() => {
  driver = {
    async command(command, subcommand, options, who) {
      const spec = findCommand(command)?.subcommands.find((s) => s.name === subcommand);
      // Discord delivers each option in its declared type.
      const typed = Object.fromEntries(Object.entries(options).map(([k, v]) => [k, spec?.options.find((o) => o.name === k)?.type === 'integer' ? Number(v) : v]));
      return saidOf(await bot.slash(command, subcommand, typed, USERS[who]));
    },
    async box(said, label, text, who) {
      const button = (behind.get(said) ?? []).flatMap(buttonsOn).find((b) => b.label === label);
      if (!button) throw new Error(`no “${label}” button on that message`);
      const customId = String(button.custom_id);
      const message = bot.fake.channelMessages(CHANNEL).find((m) => JSON.stringify(m.components ?? []).includes(customId));
      const opened = await bot.fake.clickButton({ customId, user: USERS[who], ...(message ? { messageId: String(message.id) } : {}) });
      await bot.fake.waitFor(() => bot.fake.interactionResponses(opened.id).length > 0, 15_000);
      const submitted = await bot.fake.submitModal({ customId, fields: { text }, user: USERS[who], ...(message ? { messageId: String(message.id) } : {}) });
      return saidOf(submitted);
    },
    pingsPossible: () => messageRequests(bot.fake)
      .filter((r) => JSON.stringify(sentMessage(r).allowed_mentions) !== JSON.stringify({ parse: [] }))
      .map((r) => `${r.method} ${r.path}: allowed_mentions ${JSON.stringify(sentMessage(r).allowed_mentions)} on ${JSON.stringify(textOf(sentMessage(r)).slice(0, 80))}`),
    messagesAudited: () => messageRequests(bot.fake).length,
  };
});

hostileTextSuite('Discord', () => driver);
