import type { OptionSpec } from './spec.js';

/** The options every export command takes. */
export const exportOptions: readonly OptionSpec[] = [
  { name: 'channel', description: 'Only this channel (default: the whole server)', type: 'channel' },
  { name: 'since', description: 'Only from this day on, as YYYY-MM-DD', type: 'string', maxLength: 10 },
];
