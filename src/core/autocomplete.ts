import type { AutocompleteContext } from './context.js';
import type { AutocompleteSource } from './commands/spec.js';

type Suggestion = { name: string; value: string };

const contains = (text: string, partial: string) => text.toLowerCase().includes(partial.trim().toLowerCase());

/**
 * Current names that older ICU data (Node 20's among them) accepts but does not list, which lists
 * the old spelling instead (Europe/Kiev for Europe/Kyiv): a teacher in Kyiv should find Kyiv.
 */
const CURRENT_NAMES = ['UTC', 'Europe/Kyiv', 'Asia/Kolkata', 'Asia/Ho_Chi_Minh', 'Asia/Kathmandu', 'Asia/Yangon', 'America/Nuuk', 'Atlantic/Faroe', 'Pacific/Kanton'];

function accepted(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let zones: string[] | null = null;
function timeZones(): string[] {
  if (!zones) {
    const listed = Intl.supportedValuesOf('timeZone');
    zones = [...new Set([...CURRENT_NAMES.filter(accepted), ...listed])];
  }
  return zones;
}

/** Suggestions for an option as the user types; platforms cap the list at 25. */
export async function suggest(ctx: AutocompleteContext, source: AutocompleteSource, partial: string): Promise<Suggestion[]> {
  const { pack } = ctx.services;
  switch (source) {
    case 'motion':
      return pack.motions
        .filter((m) => contains(`${m.id} ${m.title}`, partial))
        .map((m) => ({ name: m.title.slice(0, 100), value: m.id }));
    case 'topic': {
      const seen = new Set<string>();
      return pack.points
        .filter((p) => p.source === 'author')
        .flatMap((p) => p.keywords)
        .filter((k) => contains(k, partial) && !seen.has(k.toLowerCase()) && seen.add(k.toLowerCase()))
        .map((k) => ({ name: k.slice(0, 100), value: k.slice(0, 100) }));
    }
    case 'timezone':
      return timeZones().filter((z) => contains(z, partial)).slice(0, 25).map((z) => ({ name: z, value: z }));
    case 'schedule': {
      const schedules = await ctx.services.store.listSchedules(ctx.platform, ctx.serverId);
      return schedules
        .filter((s) => contains(`${s.id} ${s.label}`, partial))
        .map((s) => ({ name: `${s.id} — ${s.label}`.slice(0, 100), value: s.id }));
    }
  }
}
