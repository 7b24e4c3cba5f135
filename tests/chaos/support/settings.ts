/** What the kill -9 tests and their bot processes agree on. */
/** Short, so a killed post is taken over within seconds; long enough that a loaded machine's live posts finish within it. */
export const LEASE_SECONDS = 8;
export const BOT_TOKEN = 'chaos-token';
