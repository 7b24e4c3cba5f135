import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_PERMISSION_BITS, inviteUrl } from '../../../adapters/discord/invite.js';
import { ROOT } from '../../support/cli.js';

describe('the invite link', () => {
  it('asks for bot and applications.commands, and exactly the six permissions the bot uses', () => {
    const url = new URL(inviteUrl('910000000000000100'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('910000000000000100');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    // View Channels, Send Messages, Send Messages in Threads, Create Public Threads, Embed Links, Read Message History.
    const bits = [10n, 11n, 38n, 35n, 14n, 16n].reduce((all, bit) => all | (1n << bit), 0n);
    expect(BOT_PERMISSION_BITS).toBe(bits);
    expect(url.searchParams.get('permissions')).toBe(bits.toString());
  });

  it('is the one docs/discord.md gives', () => {
    const doc = readFileSync(`${ROOT}/docs/discord.md`, 'utf8');
    expect(doc).toContain(`scope=bot+applications.commands&permissions=${BOT_PERMISSION_BITS}`);
    expect(doc).toContain(`**${BOT_PERMISSION_BITS}**`);
  });
});
