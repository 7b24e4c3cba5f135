/**
 * The IANA time-zone names this runtime knows. Suggestions and the scheduler share this list, so a
 * name the bot suggests is always one it accepts.
 */

/**
 * Current names that older ICU data (Node 20's among them) accepts but does not list, which lists
 * the old spelling instead (Europe/Kiev for Europe/Kyiv): a teacher in Kyiv should find Kyiv.
 */
const CURRENT_NAMES = ['UTC', 'Europe/Kyiv', 'Asia/Kolkata', 'Asia/Ho_Chi_Minh', 'Asia/Kathmandu', 'Asia/Yangon', 'America/Nuuk', 'Atlantic/Faroe', 'Pacific/Kanton'];

export function intlAcceptsZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let zones: string[] | null = null;

/** Every zone name to suggest: current names first, then what the runtime lists. */
export function timeZoneNames(): readonly string[] {
  zones ??= [...new Set([...CURRENT_NAMES.filter(intlAcceptsZone), ...Intl.supportedValuesOf('timeZone')])];
  return zones;
}
