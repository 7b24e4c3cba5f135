import { createRequire } from 'node:module';
import type { Logger as Pino } from 'pino';
import type { Logger } from './core/logger.js';

/** pino's numbers for its levels; a line below the threshold is dropped before pino is involved. */
const LEVELS: Readonly<Record<string, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

const require = createRequire(import.meta.url);
let pinoModule: typeof import('pino') | undefined;
/**
 * pino (with its transport machinery) loads when the first line is written: the terminal adapter
 * logs only warnings and errors and most sessions write none, so it need not pay for loading it.
 */
const loadPino = () => (pinoModule ??= require('pino') as typeof import('pino'));

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
  let base: Pino | undefined;
  const make = () => (base ??= loadPino().pino({ level, redact: { paths: SECRET_PATHS, censor: REDACTED } }, destination as import('pino').DestinationStream));
  return wrap(make, LEVELS[level] ?? LEVELS.info!, secrets);
}

function wrap(p: () => Pino, threshold: number, secrets: readonly string[]): Logger {
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (obj: object, msg?: string) => {
    if (LEVELS[level]! < threshold) return;
    p()[level](scrub(obj, secrets) as object, msg === undefined ? undefined : (scrub(msg, secrets) as string));
  };
  return {
    debugEnabled: LEVELS.debug! >= threshold,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (bindings) => {
      let child: Pino | undefined;
      const clean = scrub(bindings, secrets) as object;
      return wrap(() => (child ??= p().child(clean)), threshold, secrets);
    },
  };
}
