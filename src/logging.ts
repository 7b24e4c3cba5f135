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
    // A fresh Error keeps pino's error serializer (type, message, stack) working on the cleaned text.
    const clean = new Error(scrub(value.message, secrets) as string);
    clean.name = value.name;
    clean.stack = scrub(value.stack, secrets) as string | undefined;
    const code = (value as { code?: unknown }).code;
    if (code !== undefined) Object.assign(clean, { code });
    return clean;
  }
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets, depth + 1)]));
}

/**
 * One JSON line per event on stderr (stdout belongs to the terminal adapter). Secrets are removed
 * twice over: by key, and by value wherever a token's text appears, even inside an error message.
 */
export function createLogger(level: string, secrets: readonly string[], destination: NodeJS.WritableStream = process.stderr): Logger {
  const base: Pino = pino({ level, redact: { paths: SECRET_PATHS, censor: REDACTED } }, destination as pino.DestinationStream);
  return wrap(base, secrets);
}

function wrap(p: Pino, secrets: readonly string[]): Logger {
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (obj: object, msg?: string) => {
    if (!p.isLevelEnabled(level)) return;
    p[level](scrub(obj, secrets) as object, msg === undefined ? undefined : (scrub(msg, secrets) as string));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (bindings) => wrap(p.child(scrub(bindings, secrets) as object), secrets),
  };
}
