/** What the kill -9 tests and their bot processes agree on. */
export const LEASE_SECONDS = 4;
export const BOT_TOKEN = 'chaos-token';
