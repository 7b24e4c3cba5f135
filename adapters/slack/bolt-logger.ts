import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/core/logger.js';

const ORDER: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

/**
 * Bolt's own log lines, sent through the project's logger so they are JSON like the rest and pass
 * through its redaction of secrets.
 */
export function boltLogger(logger: Logger, level: LogLevel): BoltLogger {
  let current = level;
  let name = 'bolt';
  const emit = (at: LogLevel, write: (obj: object, msg?: string) => void) => (...parts: unknown[]) => {
    if (ORDER[at] < ORDER[current]) return;
    const err = parts.find((p): p is Error => p instanceof Error);
    const text = parts.filter((p) => !(p instanceof Error)).map((p) => (typeof p === 'string' ? p : safeJson(p))).join(' ');
    write(err ? { source: name, err } : { source: name }, text);
  };
  return {
    debug: emit(LogLevel.DEBUG, (o, m) => logger.debug(o, m)),
    info: emit(LogLevel.INFO, (o, m) => logger.info(o, m)),
    warn: emit(LogLevel.WARN, (o, m) => logger.warn(o, m)),
    error: emit(LogLevel.ERROR, (o, m) => logger.error(o, m)),
    setLevel: (l: LogLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n: string) => {
      name = n;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The project's LOG_LEVEL in Bolt's terms. */
export function boltLevel(level: string): LogLevel {
  switch (level) {
    case 'trace':
    case 'debug':
      return LogLevel.DEBUG;
    case 'info':
      return LogLevel.INFO;
    case 'warn':
      return LogLevel.WARN;
    default:
      return LogLevel.ERROR;
  }
}
