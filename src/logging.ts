import { pino, type Logger as Pino } from 'pino';
import type { Logger } from './core/logger.js';

const REDACTED = '[redacted]';

/** Keys that hold credentials wherever they appear in a logged object. */
const SECRET_PATHS = [
  'token', '*.token', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'signingSecret', '*.signingSecret', 'appToken', '*.appToken', 'botToken', '*.botToken',
];

function scrub(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return secrets.reduce((s, secret) => s.split(secret).join(REDACTED), value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return { type: value.name, message: scrub(value.message, secrets), stack: scrub(value.stack, secrets), code: (value as { code?: unknown }).code };
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets, depth + 1)]));
}

/**
 * One JSON line per event on stderr (stdout belongs to the terminal adapter). Secrets are removed
 * twice over: by key, and by value wherever a token's text appears, even inside an error message.
 */
export function createLogger(level: string, secrets: readonly string[], destination: NodeJS.WritableStream = process.stderr): Logger {
  const base: Pino = pino(
    {
      level,
      redact: { paths: SECRET_PATHS, censor: REDACTED },
      hooks: {
        logMethod(args, method) {
          const cleaned = args.map((a) => scrub(a, secrets)) as Parameters<typeof method>;
          method.apply(this, cleaned);
        },
      },
    },
    destination as pino.DestinationStream,
  );
  return base as unknown as Logger;
}
