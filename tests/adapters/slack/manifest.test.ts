import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/core/commands/index.js';
import { slackManifest, slackManifestJson } from '../../../adapters/slack/manifest.js';
import { coreCommandName, slashName } from '../../../adapters/slack/commands.js';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url);

interface SlashCommandEntry {
  command: string;
  description: string;
  usage_hint: string;
  should_escape: boolean;
}

describe('Slack app manifest', () => {
  it('is committed as slack-manifest.json exactly as slackManifestJson() makes it (run `npx rostrum slack-manifest > slack-manifest.json`)', () => {
    expect(readFileSync(new URL('slack-manifest.json', ROOT), 'utf8')).toBe(`${slackManifestJson()}\n`);
  });

  it('declares one slash command per command of the core’s list, with its description and options', () => {
    const manifest = slackManifest() as { features: { slash_commands: SlashCommandEntry[] } };
    const entries = manifest.features.slash_commands;
    expect(entries.map((e) => e.command)).toEqual(COMMANDS.map(slashName));
    for (const command of COMMANDS) {
      const entry = entries.find((e) => e.command === slashName(command))!;
      expect(entry.description).toBe(command.description);
      // Slack then sends channels as <#C…|name>, the form the core reads a channel option from.
      expect(entry.should_escape).toBe(true);
      expect(entry.usage_hint.length).toBeGreaterThan(0);
      expect(entry.usage_hint.length).toBeLessThanOrEqual(1000);
      if (command.subcommands.length > 1) for (const sub of command.subcommands) expect(entry.usage_hint).toContain(sub.name);
      expect(coreCommandName(entry.command)).toBe(command.name);
    }
    expect(entries.find((e) => e.command === '/debate')!.usage_hint).toContain('start [motion:…] [side:for|against]');
  });

  it('asks for the scopes the adapter uses, with interactivity and Socket Mode on', () => {
    const m = slackManifest() as { oauth_config: { scopes: { bot: string[] } }; settings: Record<string, unknown>; display_information: { name: string } };
    expect(m.display_information.name).toBe('rostrum');
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'users:read', 'channels:history', 'groups:history']));
    expect(m.settings).toMatchObject({ interactivity: { is_enabled: true, request_url: expect.stringMatching(/\/slack\/events$/) }, socket_mode_enabled: true });
  });

  it('is what `rostrum slack-manifest` prints', async () => {
    const { stdout } = await run(process.execPath, ['bin/rostrum.js', 'slack-manifest'], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' } });
    expect(stdout).toBe(`${slackManifestJson()}\n`);
  });
});
