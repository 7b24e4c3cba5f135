import { ButtonInteraction, ChatInputCommandInteraction, Client, GatewayIntentBits, InteractionWebhook, MessageFlags, MessagePayload } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../adapters/discord/index.js';
import { builtPayload } from '../../../adapters/discord/payload.js';
import { renderReply } from '../../../adapters/discord/render.js';
import type { Config } from '../../../src/config.js';
import { notice, reply, type Reply } from '../../../src/core/reply.js';
import { sourcedPointReply } from '../../support/sourced-point.js';

// No login: only the client's options are read, as resolveBody reads them.
const client = createClient({ DISCORD_TOKEN: 'unused' } as Config);
const plainClient = new Client({ intents: [GatewayIntentBits.Guilds] });
afterAll(async () => {
  await client.destroy();
  await plainClient.destroy();
});

/** What discord.js itself sends for `options` to `target` (reply and update build their bodies so). */
const discordJsBody = (target: unknown, options: object) =>
  JSON.stringify(MessagePayload.create(target as ChatInputCommandInteraction, options).resolveBody().body);

/** An interaction as far as a payload reads one: of its class (resolveBody checks), with its client. */
const asInteraction = <T extends object>(proto: T, c: Client): T => Object.assign(Object.create(proto) as T, { client: c });

describe('builtPayload', () => {
  it('builds the very body discord.js builds, for public and private replies and updates', () => {
    const replies: Reply[] = [
      sourcedPointReply(),
      notice('Only admins can do that.'),
      reply([{ type: 'text', text: 'plain words' }, { type: 'choices', choices: [{ id: 'kp:next:x', label: 'Another', style: 'secondary' }] }]),
      reply([{ type: 'choices', choices: [{ id: 'kp:next:x', label: 'Another', style: 'primary' }] }]),
    ];
    const command = asInteraction<ChatInputCommandInteraction>(ChatInputCommandInteraction.prototype, client);
    const click = asInteraction<ButtonInteraction>(ButtonInteraction.prototype, client);
    // Follow-ups and edits of the original go through the interaction's webhook, which builds its own body.
    const webhook = new InteractionWebhook(client as Client<true>, '930000000000000001', 'token');
    let compared = 0;
    for (const r of replies) {
      const rendered = renderReply(r);
      for (const m of rendered.messages) {
        const flags = rendered.visibility === 'private' ? MessageFlags.Ephemeral : undefined;
        expect(JSON.stringify(builtPayload(command, m, flags)!.body)).toBe(discordJsBody(command, { ...m, flags }));
        expect(JSON.stringify(builtPayload(click, m, undefined)!.body)).toBe(discordJsBody(click, m));
        expect(JSON.stringify(builtPayload(command, m, flags)!.body)).toBe(discordJsBody(webhook, { ...m, flags }));
        expect(JSON.stringify(builtPayload(click, m, undefined)!.body)).toBe(discordJsBody(webhook, m));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(replies.length);
  });

  it('leaves to discord.js a message with files, and a client that transforms what is sent', () => {
    const m = renderReply(notice('here')).messages[0]!;
    const command = asInteraction<ChatInputCommandInteraction>(ChatInputCommandInteraction.prototype, client);
    expect(builtPayload(command, { ...m, files: [{ attachment: Buffer.from('a'), name: 'a.csv', description: 'a' }] }, undefined)).toBeNull();
    expect(builtPayload(asInteraction<ChatInputCommandInteraction>(ChatInputCommandInteraction.prototype, plainClient), m, undefined)).toBeNull();
  });
});
