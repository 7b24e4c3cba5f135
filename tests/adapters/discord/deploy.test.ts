import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/core/commands/index.js';
import type { OptionSpec } from '../../../src/core/commands/spec.js';
import { loadConfig } from '../../../src/config.js';
import { deployCommands } from '../../../adapters/discord/deploy.js';
import { slashCommands } from '../../../adapters/discord/commands.js';
import { runRostrum } from '../../support/cli.js';
import { startFakeDiscord, type FakeDiscord, type JsonObject } from '../../support/fake-discord/index.js';
import { recordingLogger } from '../../support/logger.js';
import { APP, GUILD, TOKEN } from './harness.js';

// The expected definitions are worked out here from the core's list on their own, not with the
// adapter's code, so a change on either side that makes them disagree fails this test.

const TYPE: Record<OptionSpec['type'], number> = { string: 3, integer: 4, boolean: 5, channel: 7 };

interface Expected {
  name: string;
  type: number;
  required?: boolean;
  choices?: { name: string; value: string }[];
  autocomplete?: boolean;
  min_value?: number;
  max_value?: number;
  options?: Expected[];
}

function expectedOption(o: OptionSpec): Expected {
  return {
    name: o.name,
    type: TYPE[o.type],
    required: o.required === true,
    ...(o.choices ? { choices: o.choices.map((c) => ({ name: c.name, value: c.value })) } : {}),
    ...(o.autocomplete && !o.choices ? { autocomplete: true } : {}),
    ...(o.minValue !== undefined ? { min_value: o.minValue } : {}),
    ...(o.maxValue !== undefined ? { max_value: o.maxValue } : {}),
  };
}

function expectedCommands(): { name: string; description: string; options: Expected[] }[] {
  return COMMANDS.map((c) => ({
    name: c.name,
    description: c.description,
    options: c.subcommands.length === 1
      ? c.subcommands[0]!.options.map(expectedOption)
      : c.subcommands.map((s) => ({ name: s.name, type: 1, options: s.options.map(expectedOption) })),
  }));
}

/** The parts of a registered option the core decides, in a stable order (Discord wants required options first). */
function comparable(o: JsonObject): Expected {
  return {
    name: o.name as string,
    type: o.type as number,
    ...(o.type === 1 ? {} : { required: o.required === true }),
    ...(o.choices ? { choices: o.choices as Expected['choices'] } : {}),
    ...(o.autocomplete ? { autocomplete: true } : {}),
    ...(o.min_value !== undefined ? { min_value: o.min_value as number } : {}),
    ...(o.max_value !== undefined ? { max_value: o.max_value as number } : {}),
    ...(o.type === 1 ? { options: ((o.options ?? []) as JsonObject[]).map(comparable).sort(byName) } : {}),
  };
}
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
const sortDeep = (e: Expected): Expected => ({ ...e, ...(e.options ? { options: e.options.map(sortDeep).sort(byName) } : {}) });

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord({ guilds: [{ id: GUILD, name: 'Debate Club' }], applicationId: APP, botUserId: APP, token: TOKEN });
});
afterAll(async () => {
  await fake.close();
  expect(fake.errors).toEqual([]);
});

const config = () => loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DISCORD_APPLICATION_ID: APP });

describe('deploy-commands', () => {
  it('registers for one server with a PUT of the definitions derived from the one list', async () => {
    const log = recordingLogger();
    const deployed = await deployCommands(config(), log, GUILD);
    expect(deployed).toEqual({ scope: 'guild', guildId: GUILD, commands: COMMANDS.map((c) => c.name) });
    const put = fake.find({ method: 'PUT', path: `/applications/${APP}/guilds/${GUILD}/commands` });
    expect(put).toHaveLength(1);
    expect(put[0]!.headers.authorization).toBe(`Bot ${TOKEN}`);

    // What deploy sent, and what the fake then holds, both match the list.
    const registered = put[0]!.body as JsonObject[];
    expect(fake.commands(GUILD).map((c) => c.name)).toEqual(registered.map((c) => c.name));
    const expected = expectedCommands();
    expect(registered.map((c) => c.name)).toEqual(expected.map((c) => c.name));
    for (const e of expected) {
      const got = registered.find((c) => c.name === e.name)!;
      // Discord takes 100 characters of description; a longer one is shortened at a word, marked with …
      if (e.description.length <= 100) expect(got.description).toBe(e.description);
      else expect(got.description).toMatch(/^.{1,99}…$/su);
      expect(((got.options ?? []) as JsonObject[]).map(comparable).sort(byName)).toEqual(e.options.map(sortDeep).sort(byName));
    }
    expect(JSON.stringify(log.entries)).not.toContain(TOKEN);
  });

  it('flattens a command with one subcommand (/help takes its options directly)', () => {
    const help = slashCommands().find((c) => c.name === 'help')!;
    expect(help.options?.map((o) => o.name)).toEqual(['command']);
    expect(help.options?.[0]?.type).toBe(3);
  });

  it('keeps mixed admin and member subcommands under one open command; the adapter checks Manage Server', () => {
    for (const c of slashCommands()) {
      const spec = COMMANDS.find((s) => s.name === c.name)!;
      const allAdmin = spec.subcommands.every((s) => s.adminOnly);
      expect(c.default_member_permissions).toBe(allAdmin ? '32' : null);
      expect(c.contexts).toEqual([0]);
    }
    const prompt = slashCommands().find((c) => c.name === 'prompt')!;
    expect(prompt.default_member_permissions).toBeNull();
  });

  it('keeps every definition within Discord’s rules', () => {
    const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;
    const check = (o: JsonObject, path: string) => {
      expect(o.name, path).toMatch(NAME);
      expect((o.description as string).length, path).toBeGreaterThan(0);
      expect((o.description as string).length, path).toBeLessThanOrEqual(100);
      const options = (o.options ?? []) as JsonObject[];
      expect(options.length, path).toBeLessThanOrEqual(25);
      const firstOptional = options.findIndex((x) => x.type !== 1 && !x.required);
      if (firstOptional >= 0) expect(options.slice(firstOptional).some((x) => x.required), `${path}: required after optional`).toBe(false);
      for (const x of options) {
        if (x.choices) {
          expect((x.choices as unknown[]).length).toBeLessThanOrEqual(25);
          expect(x.autocomplete, `${path} ${String(x.name)}: choices and autocomplete`).toBeFalsy();
        }
        check(x, `${path} ${String(x.name)}`);
      }
    };
    for (const c of slashCommands()) check(c as unknown as JsonObject, `/${c.name}`);
  });

  it('registers globally when no server is given, finding the application id through REST when unset', async () => {
    const deployed = await deployCommands(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl }), recordingLogger());
    expect(deployed.scope).toBe('global');
    expect(fake.find({ method: 'GET', path: '/applications/@me' })).toHaveLength(1);
    expect(fake.commands().map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
  });

  it('runs as `rostrum deploy-commands --guild <id>`', async () => {
    const guildPuts = () => fake.find({ method: 'PUT', path: `/applications/${APP}/guilds/${GUILD}/commands` }).length;
    const before = guildPuts();
    const result = await runRostrum(['deploy-commands', '--guild', GUILD], {
      env: { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DISCORD_APPLICATION_ID: APP, LOG_LEVEL: 'info' },
      timeoutMs: 30_000,
    });
    expect(result.stderr).not.toContain(TOKEN);
    expect(result.code).toBe(0);
    expect(guildPuts()).toBe(before + 1);
    expect(result.stderr).toContain('slash commands registered for the server');
    expect(result.stdout).toBe(`Registered ${COMMANDS.length} slash commands (${COMMANDS.map((c) => `/${c.name}`).join(', ')}) in the Discord server ${GUILD}: they can be used there now.\n`);
  });

  it('checks --guild is a server id before calling Discord', async () => {
    const before = fake.requests.length;
    const result = await runRostrum(['deploy-commands', '--guild', 'my-class'], {
      env: { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl, DISCORD_APPLICATION_ID: APP }, timeoutMs: 30_000,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^“my-class” is not a Discord server id: --guild takes the server's id, 17 to 20 digits/);
    expect(fake.requests.length).toBe(before);
  });

  it('says the token in DISCORD_TOKEN was rejected, without showing it', async () => {
    const wrong = 'not-the-right-token-at-all';
    const result = await runRostrum(['deploy-commands', '--guild', GUILD], {
      env: { DISCORD_TOKEN: wrong, DISCORD_API_URL: fake.apiUrl, DISCORD_APPLICATION_ID: APP }, timeoutMs: 30_000,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Discord rejected the token in DISCORD_TOKEN (401 Unauthorized)');
    expect(result.stderr + result.stdout).not.toContain(wrong);
  });

  it('says what is missing when there is no token', async () => {
    await expect(deployCommands(loadConfig({}), recordingLogger(), GUILD)).rejects.toThrow(/DISCORD_TOKEN/);
  });
});
