/** The outcome of reading what an admin typed: a value, or a message that says what was wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
