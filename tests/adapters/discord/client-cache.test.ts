import { ChannelManager, GuildMemberManager, Message, MessageManager, type Client } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../adapters/discord/index.js';
import type { Config } from '../../../src/config.js';

// No login: only the caches the client's options make are looked at.
const client: Client = createClient({ DISCORD_TOKEN: 'unused' } as Config);
afterAll(() => client.destroy());

type MakeCache = (manager: unknown, holds: unknown, name: string) => Map<string, unknown>;
const cacheFor = (manager: unknown, name: string) => (client.options.makeCache as unknown as MakeCache)(manager, Message, name);

describe('the Discord client’s caches', () => {
  it('keeps no messages: clicked messages and the messages edits return are never read back', () => {
    const messages = cacheFor(MessageManager, 'MessageManager');
    messages.set('1', {});
    expect(messages.size).toBe(0);
  });

  it('still keeps channels (posting and threads look them up) and members as discord.js does by default', () => {
    for (const [manager, name] of [[ChannelManager, 'ChannelManager'], [GuildMemberManager, 'GuildMemberManager']] as const) {
      const cache = cacheFor(manager, name);
      cache.set('1', {});
      expect(cache.size).toBe(1);
    }
  });
});
