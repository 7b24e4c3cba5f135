import { nonBlank, oneOf, optional, textThat, url, wholeNumber, withDefault, type Reader } from './config-read.js';
import { resolveTimeZone } from './core/schedule/zones.js';
import { QUIZ_CHANNEL_SECONDS_RANGE } from './core/settings-ranges.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Every setting the program reads, from the environment (and `.env`), checked once at start-up. */
export interface Config {
  DATABASE_PATH: string;
  DATABASE_URL?: string | undefined;
  DATABASE_SYNC_COMMIT: 'on' | 'off';
  CONTENT_PACK?: string | undefined;
  LOG_LEVEL: (typeof LOG_LEVELS)[number];
  DISCORD_TOKEN?: string | undefined;
  DISCORD_APPLICATION_ID?: string | undefined;
  DISCORD_GUILD_ID?: string | undefined;
  DISCORD_API_URL?: string | undefined;
  DISCORD_SHARD_COUNT?: number | undefined;
  DISCORD_SHARDS?: number[] | undefined;
  SLACK_BOT_TOKEN?: string | undefined;
  SLACK_SIGNING_SECRET?: string | undefined;
  SLACK_APP_TOKEN?: string | undefined;
  SLACK_API_URL?: string | undefined;
  SLACK_ADMIN_USERS: string[];
  PORT: number;
  QUIZ_CHANNEL_SECONDS: number;
  DEBATE_TURN_LIMIT: number;
  DEFAULT_TIMEZONE: string;
  MAX_SCHEDULES_PER_CHANNEL: number;
  SCHEDULE_GRACE_MINUTES: number;
}

const optionalText = optional(nonBlank('a value that is not blank (or leave it out)'));
const matching = (pattern: RegExp, expected: string) => optional(textThat((t) => pattern.test(t), expected));
const startingWith = (prefix: string, expected: string) => optional(textThat((t) => t.startsWith(prefix), expected));
const positiveInt = (fallback: number, max: number) => withDefault(String(fallback), wholeNumber(`a whole number from 1 to ${max}`, 1, max));
const SHARD_IDS = /^\d+(\s*-\s*\d+)?(\s*,\s*\d+(\s*-\s*\d+)?)*$/;

/** How each setting is read, in the order its problems are listed. */
const SETTINGS: { [K in keyof Config]-?: Reader<Config[K]> } = {
  DATABASE_PATH: withDefault('./data/rostrum.db', textThat((t) => t.length > 0, 'a file path for the SQLite database, such as ./data/rostrum.db')),
  DATABASE_URL: matching(/^postgres(ql)?:\/\//, 'a Postgres URL such as postgres://user@host:5432/rostrum'),
  // Whether each Postgres commit waits for its log to reach the disk; off trades the last fraction of a
  // second of commits on a database crash for a commit without a flush, as the SQLite store does (src/store/postgres.ts).
  DATABASE_SYNC_COMMIT: withDefault('off', oneOf(['on', 'off'], 'on or off')),
  CONTENT_PACK: optionalText,
  LOG_LEVEL: withDefault('info', oneOf(LOG_LEVELS, `one of ${LOG_LEVELS.join(', ')}`)),

  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: matching(/^\d{5,25}$/, 'a numeric Discord application id'),
  DISCORD_GUILD_ID: matching(/^\d{5,25}$/, 'a numeric Discord server (guild) id'),
  DISCORD_API_URL: optional(url('a URL such as https://discord.com/api')),
  DISCORD_SHARD_COUNT: optional(wholeNumber('a whole number of shards from 1', 1)),
  DISCORD_SHARDS: optional((text) => {
    const ids = text.trim();
    return SHARD_IDS.test(ids) ? { ok: true, value: shardList(ids) } : { ok: false, expected: 'shard ids such as 0,1 or 0-3', seen: ids, stopsCrossChecks: false };
  }),

  SLACK_BOT_TOKEN: startingWith('xoxb-', 'a bot token starting with xoxb-'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: startingWith('xapp-', 'an app-level token starting with xapp-'),
  SLACK_API_URL: optional(url('a URL such as https://slack.com/api/')),
  SLACK_ADMIN_USERS: withDefault('', (t) => ({ ok: true, value: t.split(',').map((u) => u.trim()).filter(Boolean) })),
  PORT: withDefault('3000', wholeNumber('a port number from 0 to 65535', 0, 65535)),

  QUIZ_CHANNEL_SECONDS: positiveInt(QUIZ_CHANNEL_SECONDS_RANGE.fallback, QUIZ_CHANNEL_SECONDS_RANGE.max),
  DEBATE_TURN_LIMIT: positiveInt(6, 50),
  // The same rule as /prompt schedule: IANA names only, so a bad default fails at start-up, not at the first schedule.
  // UTC, the default, is in every zone database: checking it would load Intl's zone data (about a tenth of start-up).
  DEFAULT_TIMEZONE: withDefault('UTC', textThat((z) => z === 'UTC' || resolveTimeZone(z).ok, 'an IANA time zone name such as Europe/Kyiv')),
  MAX_SCHEDULES_PER_CHANNEL: positiveInt(5, 50),
  SCHEDULE_GRACE_MINUTES: positiveInt(60, 24 * 60),
};

/** The names of every setting, in order (.env.example lists the same). */
export const SETTING_NAMES = Object.keys(SETTINGS) as (keyof Config)[];

/**
 * Settings that only make sense together. They see every setting as read, or as written where it
 * was malformed: a token of the wrong shape is still a reason to ask for its secret. Each message
 * completes "<VARIABLE>: expected …", so it names what the variable should hold.
 */
function crossProblems(c: Record<keyof Config, unknown>): string[] {
  const problems: string[] = [];
  const shards = c.DISCORD_SHARDS;
  const count = c.DISCORD_SHARD_COUNT as number | undefined;
  if ((shards === undefined) !== (count === undefined)) {
    problems.push(shards
      ? 'DISCORD_SHARD_COUNT: expected how many shards all instances hold together, since DISCORD_SHARDS is set (the two go together)'
      : 'DISCORD_SHARDS: expected this instance’s shard ids, such as 0,1, since DISCORD_SHARD_COUNT is set (the two go together)');
  } else if (Array.isArray(shards) && count && shards.some((id: number) => id >= count)) {
    problems.push(`DISCORD_SHARDS: expected shard ids below DISCORD_SHARD_COUNT (${count})`);
  }
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET: expected the app’s signing secret, since SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN (set one of the two: HTTP needs the secret, Socket Mode the app token)');
  }
  if ((c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET) && !c.SLACK_BOT_TOKEN) {
    problems.push('SLACK_BOT_TOKEN: expected a bot token starting with xoxb-, since a Slack setting is set (SLACK_APP_TOKEN or SLACK_SIGNING_SECRET)');
  }
  return problems;
}

/** "0,2-4" → [0, 2, 3, 4]: the shard ids one instance holds. */
function shardList(text: string): number[] {
  const ids = new Set<number>();
  for (const part of text.split(',')) {
    const [from, to = from] = part.split('-').map((n) => Number(n.trim())) as [number, number?];
    for (let id = from; id <= (to ?? from); id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** Names of settings whose values must never reach a log line. */
export const SECRET_KEYS = ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problem${problems.length > 1 ? 's' : ''}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; the error names each variable and what it expects (never its value). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const read: Record<string, unknown> = {};
  const seen = {} as Record<keyof Config, unknown>;
  const problems: string[] = [];
  let crossChecks = true;
  for (const name of SETTING_NAMES) {
    const reading = SETTINGS[name](env[name]);
    if (reading.ok) {
      // A variable that is set, even to nothing, is a key of the result; one left out is not, unless it has a default.
      if (reading.value !== undefined || Object.hasOwn(env, name)) read[name] = reading.value;
      seen[name] = reading.value;
    } else {
      problems.push(`${name}: expected ${reading.expected}`);
      seen[name] = reading.seen;
      if (reading.stopsCrossChecks) crossChecks = false;
    }
  }
  if (crossChecks) problems.push(...crossProblems(seen));
  if (problems.length) throw new ConfigError(problems);
  return read as unknown as Config;
}

export function secretValues(config: Config): string[] {
  return [...SECRET_KEYS.map((k) => config[k]), ...databasePasswords(config.DATABASE_URL)]
    .filter((v): v is string => typeof v === 'string' && v.length >= 4);
}

/** The password in a Postgres URL, as written and decoded: a driver's error may show either. */
function databasePasswords(url: string | undefined): string[] {
  try {
    const written = url ? new URL(url).password : '';
    return written ? [...new Set([written, decodeURIComponent(written)])] : [];
  } catch {
    return [];
  }
}
