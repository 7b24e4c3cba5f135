/**
 * Readers for the settings in src/config.ts: each turns one environment variable's text into its
 * value, or says what it should have held. They read as the zod schema they replace read, which
 * cost more at every start than the rest of reading the settings (building the schema, a library of
 * 190 KB to load). A problem either lets the checks that compare settings run (a malformed token
 * may still be the reason another setting is missing) or, where the text is not even of the right
 * kind (not a number, not one of the choices), stops them.
 */
export type Reading<T> =
  | { ok: true; value: T }
  | { ok: false; expected: string; /** what the checks across settings see */ seen: unknown; stopsCrossChecks: boolean };

export type Reader<T> = (text: string | undefined) => Reading<T>;

const ok = <T>(value: T): Reading<T> => ({ ok: true, value });
const bad = (expected: string, seen: unknown, stopsCrossChecks = false): Reading<never> => ({ ok: false, expected, seen, stopsCrossChecks });

/** Unset, or an empty line from .env.example (`NAME=`): no value. Anything else is read by `read`. */
export function optional<T>(read: (text: string) => Reading<T>): Reader<T | undefined> {
  return (text) => (text === undefined || text === '' ? ok(undefined) : read(text));
}

/** `fallback` when unset; otherwise the text is read by `read` (an empty text too). */
export function withDefault<T>(fallback: string, read: (text: string) => Reading<T>): Reader<T> {
  return (text) => read(text ?? fallback);
}

/** The text trimmed, which must not be blank. */
export const nonBlank = (expected: string) => (text: string): Reading<string> => {
  const trimmed = text.trim();
  return trimmed ? ok(trimmed) : bad(expected, trimmed);
};

/** The text as written, when `test` accepts it. */
export const textThat = (test: (text: string) => boolean, expected: string) => (text: string): Reading<string> =>
  (test(text) ? ok(text) : bad(expected, text));

/** One of `choices`, exactly. */
export const oneOf = <C extends string>(choices: readonly C[], expected: string) => (text: string): Reading<C> =>
  ((choices as readonly string[]).includes(text) ? ok(text as C) : bad(expected, text, true));

/** A URL the URL parser accepts, trimmed, without the tabs and line breaks that parser would drop. */
export const url = (expected: string) => (text: string): Reading<string> => {
  const trimmed = text.trim();
  return URL.canParse(trimmed) ? ok(trimmed.replace(/[\t\n\r]/g, '')) : bad(expected, text);
};

/**
 * A whole number from `min` to `max`, read as JavaScript's Number() reads text: surrounding spaces,
 * 1e3 and 0x10 are numbers, and an empty text is 0.
 */
export const wholeNumber = (expected: string, min: number, max = Number.MAX_SAFE_INTEGER) => (text: string): Reading<number> => {
  const n = Number(text);
  if (!Number.isInteger(n)) return bad(expected, n, true);
  return Number.isSafeInteger(n) && n >= min && n <= max ? ok(n) : bad(expected, n);
};
