/** The logging surface the core needs; start-up supplies a pino logger that redacts secrets. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: object): Logger;
  /**
   * False when debug lines are dropped, so a caller on a hot path (each interaction) can skip
   * building them. A logger that leaves it out is taken to write them.
   */
  readonly debugEnabled?: boolean;
}

/** Whether `log` writes debug lines: worth building one. A logger that does not say is taken to write them. */
export const writesDebug = (log: Logger): boolean => log.debugEnabled !== false;

export const silentLogger: Logger = {
  debugEnabled: false,
  debug() {},
  info() {},
  warn() {},
  error() {},
  child() {
    return silentLogger;
  },
};
