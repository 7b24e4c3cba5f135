import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretValues } from '../src/config.js';

describe('configuration', () => {
  it('has defaults that start the terminal adapter on the embedded store', () => {
    const c = loadConfig({});
    expect(c.DATABASE_PATH).toBe('./data/rostrum.db');
    expect(c.DISCORD_TOKEN).toBeUndefined();
    expect(c.SLACK_BOT_TOKEN).toBeUndefined();
    expect(c.QUIZ_CHANNEL_SECONDS).toBe(20);
    expect(c.DEFAULT_TIMEZONE).toBe('UTC');
  });

  it('treats an empty line from .env.example as unset', () => {
    const c = loadConfig({ DISCORD_TOKEN: '', SLACK_API_URL: '', DISCORD_GUILD_ID: '' });
    expect(c.DISCORD_TOKEN).toBeUndefined();
    expect(c.SLACK_API_URL).toBeUndefined();
  });

  it('names the missing Slack secret when only the bot token is set', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-123' })).toThrow(/SLACK_SIGNING_SECRET: expected the app’s signing secret, since SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN/);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-123', SLACK_APP_TOKEN: 'xapp-1' }).SLACK_APP_TOKEN).toBe('xapp-1');
  });

  it('lists every malformed variable at once, never its value', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'not-a-bot-token-secret', DISCORD_API_URL: 'nope', SLACK_ADMIN_USERS: 'U1' });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.map((p) => p.split(':')[0])).toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN', 'DISCORD_API_URL']));
    expect(error!.message).not.toContain('not-a-bot-token-secret');
  });

  it('parses the admin list and knows which values are secret', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-abc', SLACK_SIGNING_SECRET: 'shh-secret', SLACK_ADMIN_USERS: ' U1, U2 ,', DISCORD_TOKEN: 'discord-secret' });
    expect(c.SLACK_ADMIN_USERS).toEqual(['U1', 'U2']);
    expect(secretValues(c).sort()).toEqual(['discord-secret', 'shh-secret', 'xoxb-abc']);
  });

  it('counts the password inside DATABASE_URL as secret, as written and decoded', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://rostrum:pa%23ss-word@db.internal:5432/rostrum' });
    expect(secretValues(c)).toEqual(expect.arrayContaining(['pa%23ss-word', 'pa#ss-word']));
    expect(secretValues(loadConfig({ DATABASE_URL: 'postgres://rostrum@db.internal/rostrum' }))).toEqual([]);
  });

  it('says in words what a blank or empty setting should hold', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: '   ' })).toThrow(/DISCORD_TOKEN: expected a value that is not blank \(or leave it out\)/);
    expect(() => loadConfig({ DATABASE_PATH: '' })).toThrow(/DATABASE_PATH: expected a file path for the SQLite database, such as \.\/data\/rostrum\.db/);
    expect(() => loadConfig({ CONTENT_PACK: ' ' })).not.toThrow(/Too small/);
  });
});

describe('DATABASE_SYNC_COMMIT', () => {
  it('is off unless set to on, and refuses anything else', () => {
    expect(loadConfig({}).DATABASE_SYNC_COMMIT).toBe('off');
    expect(loadConfig({ DATABASE_SYNC_COMMIT: 'on' }).DATABASE_SYNC_COMMIT).toBe('on');
    expect(() => loadConfig({ DATABASE_SYNC_COMMIT: 'yes' })).toThrow(/DATABASE_SYNC_COMMIT: expected on or off/);
  });
});

describe('numbers', () => {
  it('reads them as Number() does, and refuses fractions and values out of range', () => {
    expect(loadConfig({ PORT: ' 8080 ' }).PORT).toBe(8080);
    expect(loadConfig({ QUIZ_CHANNEL_SECONDS: '1e2' }).QUIZ_CHANNEL_SECONDS).toBe(100);
    for (const port of ['3.5', '65536', '-1', 'http']) expect(() => loadConfig({ PORT: port })).toThrow(/PORT: expected a port number from 0 to 65535/);
    expect(() => loadConfig({ DEBATE_TURN_LIMIT: '51' })).toThrow(/DEBATE_TURN_LIMIT: expected a whole number from 1 to 50/);
  });

  it('keeps a variable set to nothing as a key with no value, and leaves out one not set', () => {
    const c = loadConfig({ DISCORD_TOKEN: '' });
    expect(Object.hasOwn(c, 'DISCORD_TOKEN')).toBe(true);
    expect(c.DISCORD_TOKEN).toBeUndefined();
    expect(Object.hasOwn(c, 'SLACK_BOT_TOKEN')).toBe(false);
  });
});

describe('.env.example', () => {
  it('names every setting the program reads, and no other', async () => {
    const { readFile } = await import('node:fs/promises');
    const { SETTING_NAMES } = await import('../src/config.js');
    const text = await readFile(new URL('../.env.example', import.meta.url), 'utf8');
    const named = new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect([...named].sort()).toEqual([...SETTING_NAMES].sort());
  });
});

describe('Discord shards', () => {
  it('reads this instance’s shard ids and the shared count', () => {
    const c = loadConfig({ DISCORD_SHARDS: '0, 2-3', DISCORD_SHARD_COUNT: '4' });
    expect(c.DISCORD_SHARDS).toEqual([0, 2, 3]);
    expect(c.DISCORD_SHARD_COUNT).toBe(4);
    expect(loadConfig({}).DISCORD_SHARDS).toBeUndefined();
  });

  it('refuses one without the other, and ids the count does not cover', () => {
    expect(() => loadConfig({ DISCORD_SHARDS: '0,1' })).toThrow(/DISCORD_SHARD_COUNT: expected how many shards all instances hold together, since DISCORD_SHARDS is set/);
    expect(() => loadConfig({ DISCORD_SHARDS: '0,4', DISCORD_SHARD_COUNT: '4' })).toThrow(/DISCORD_SHARDS: expected shard ids below DISCORD_SHARD_COUNT \(4\)/);
    expect(() => loadConfig({ DISCORD_SHARDS: 'first', DISCORD_SHARD_COUNT: '2' })).toThrow(/DISCORD_SHARDS: expected shard ids such as 0,1 or 0-3/);
  });

  it('says what a count that is no whole number should be, and does not also ask for the shard ids', () => {
    for (const count of ['two', '1.5']) {
      expect(() => loadConfig({ DISCORD_SHARD_COUNT: count })).toThrow(/^Configuration problem:\n {2}- DISCORD_SHARD_COUNT: expected a whole number of shards from 1$/);
    }
  });
});

describe('configuration messages read as sentences', () => {
  it('completes “<VARIABLE>: expected …” with what the variable should hold', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        return (err as { problems: string[] }).problems;
      }
    };
    expect(problems({ SLACK_APP_TOKEN: 'xapp-1' })).toContain('SLACK_BOT_TOKEN: expected a bot token starting with xoxb-, since a Slack setting is set (SLACK_APP_TOKEN or SLACK_SIGNING_SECRET)');
    expect(problems({ DISCORD_SHARD_COUNT: '2' })).toContain('DISCORD_SHARDS: expected this instance’s shard ids, such as 0,1, since DISCORD_SHARD_COUNT is set (the two go together)');
    const all = [...problems({ SLACK_BOT_TOKEN: 'xoxb-1' }), ...problems({ DISCORD_SHARDS: '0' })];
    for (const p of all) expect(p).not.toMatch(/expected (needed|DISCORD_SHARDS and)/);
  });
});
