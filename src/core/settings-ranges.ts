/**
 * Ranges that a setting and the command that overrides it share: QUIZ_CHANNEL_SECONDS in the
 * environment and `/quiz start seconds:` accept the same values.
 */
export const QUIZ_CHANNEL_SECONDS_RANGE = { min: 1, max: 600, fallback: 20 } as const;
