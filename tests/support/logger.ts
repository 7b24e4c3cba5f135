import type { Logger } from '../../src/core/logger.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  /** The logged object with the logger's bindings (its `child` calls) merged in, as pino would print it. */
  obj: object;
  msg?: string;
  /** The bindings on their own: one an `obj` key shadows is still here, so a check for secrets sees it. */
  bindings: object;
}

/**
 * A logger that keeps every entry as given, children included, with no redaction: a test can read what
 * was logged, show that nothing went wrong quietly, or prove that nothing secret was logged.
 */
export function recordingLogger(entries: LogEntry[] = [], bindings: object = {}): Logger & { entries: LogEntry[] } {
  const at = (level: LogEntry['level']) => (obj: object, msg?: string) => {
    entries.push({ level, obj: { ...bindings, ...obj }, msg, bindings });
  };
  return {
    entries,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (more) => recordingLogger(entries, { ...bindings, ...more }),
  };
}
