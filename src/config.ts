import * as z from 'zod';
import { resolveTimeZone } from './core/schedule/zones.js';
import { QUIZ_CHANNEL_SECONDS_RANGE } from './core/settings-ranges.js';

const optionalText = z.string().trim().min(1, 'a value that is not blank (or leave it out)').optional().or(z.literal('').transform(() => undefined));
const positiveInt = (fallback: number, max: number) => {
  const expected = `a whole number from 1 to ${max}`;
  return z.coerce.number({ error: expected }).int(expected).min(1, expected).max(max, expected).default(fallback);
};


/** Every setting the program reads, from the environment (and `.env`), checked once at start-up. */
export const ConfigSchema = z.object({
  DATABASE_PATH: z.string().min(1, 'a file path for the SQLite database, such as ./data/rostrum.db').default('./data/rostrum.db'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a Postgres URL such as postgres://user@host:5432/rostrum').optional().or(z.literal('').transform(() => undefined)),
  // Whether each Postgres commit waits for its log to reach the disk; off trades the last fraction of a
  // second of commits on a database crash for a commit without a flush, as the SQLite store does (src/store/postgres.ts).
  DATABASE_SYNC_COMMIT: z.enum(['on', 'off'], { error: 'on or off' }).default('off'),
  CONTENT_PACK: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'one of fatal, error, warn, info, debug, trace, silent' }).default('info'),

  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: z.string().regex(/^\d{5,25}$/, 'a numeric Discord application id').optional().or(z.literal('').transform(() => undefined)),
  DISCORD_GUILD_ID: z.string().regex(/^\d{5,25}$/, 'a numeric Discord server (guild) id').optional().or(z.literal('').transform(() => undefined)),
  DISCORD_API_URL: z.url({ error: 'a URL such as https://discord.com/api' }).optional().or(z.literal('').transform(() => undefined)),
  DISCORD_SHARD_COUNT: z.coerce.number({ error: 'a whole number of shards from 1' }).int('a whole number of shards from 1').min(1, 'a whole number of shards from 1').optional()
    .or(z.literal('').transform(() => undefined)),
  DISCORD_SHARDS: z.string().trim().regex(/^\d+(\s*-\s*\d+)?(\s*,\s*\d+(\s*-\s*\d+)?)*$/, 'shard ids such as 0,1 or 0-3').optional()
    .or(z.literal('').transform(() => undefined)).transform((s) => (s === undefined ? undefined : shardList(s))),

  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'a bot token starting with xoxb-').optional().or(z.literal('').transform(() => undefined)),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'an app-level token starting with xapp-').optional().or(z.literal('').transform(() => undefined)),
  SLACK_API_URL: z.url({ error: 'a URL such as https://slack.com/api/' }).optional().or(z.literal('').transform(() => undefined)),
  SLACK_ADMIN_USERS: z.string().default('').transform((s) => s.split(',').map((u) => u.trim()).filter(Boolean)),
  PORT: z.coerce.number({ error: 'a port number from 0 to 65535' }).int().min(0, 'a port number from 0 to 65535').max(65535, 'a port number from 0 to 65535').default(3000),

  QUIZ_CHANNEL_SECONDS: positiveInt(QUIZ_CHANNEL_SECONDS_RANGE.fallback, QUIZ_CHANNEL_SECONDS_RANGE.max),
  DEBATE_TURN_LIMIT: positiveInt(6, 50),
  // The same rule as /prompt schedule: IANA names only, so a bad default fails at start-up, not at the first schedule.
  // UTC, the default, is in every zone database: checking it would load Intl's zone data (about a tenth of start-up).
  DEFAULT_TIMEZONE: z.string().default('UTC').refine((z) => z === 'UTC' || resolveTimeZone(z).ok, 'an IANA time zone name such as Europe/Kyiv'),
  MAX_SCHEDULES_PER_CHANNEL: positiveInt(5, 50),
  SCHEDULE_GRACE_MINUTES: positiveInt(60, 24 * 60),
}).superRefine((c, ctx) => {
  // Runs even when a field above failed (zod checks the object as a whole), so values may be raw here.
  // Each message completes "<VARIABLE>: expected …", so it names what the variable should hold.
  if ((c.DISCORD_SHARDS === undefined) !== (c.DISCORD_SHARD_COUNT === undefined)) {
    ctx.addIssue(c.DISCORD_SHARDS
      ? { code: 'custom', path: ['DISCORD_SHARD_COUNT'], message: 'how many shards all instances hold together, since DISCORD_SHARDS is set (the two go together)' }
      : { code: 'custom', path: ['DISCORD_SHARDS'], message: 'this instance’s shard ids, such as 0,1, since DISCORD_SHARD_COUNT is set (the two go together)' });
  } else if (Array.isArray(c.DISCORD_SHARDS) && c.DISCORD_SHARD_COUNT && c.DISCORD_SHARDS.some((id) => id >= c.DISCORD_SHARD_COUNT!)) {
    ctx.addIssue({ code: 'custom', path: ['DISCORD_SHARDS'], message: `shard ids below DISCORD_SHARD_COUNT (${c.DISCORD_SHARD_COUNT})` });
  }
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'the app’s signing secret, since SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN (set one of the two: HTTP needs the secret, Socket Mode the app token)' });
  }
  if ((c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET) && !c.SLACK_BOT_TOKEN) {
    ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'a bot token starting with xoxb-, since a Slack setting is set (SLACK_APP_TOKEN or SLACK_SIGNING_SECRET)' });
  }
});

export type Config = z.infer<typeof ConfigSchema>;

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
  const result = ConfigSchema.safeParse(env, { jitless: true }); // parsed once: zod's compiled fast path would not pay
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: expected ${i.message}`));
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
