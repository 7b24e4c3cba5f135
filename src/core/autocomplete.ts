import type { AutocompleteContext } from './context.js';
import type { AutocompleteSource } from './commands/spec.js';
import { timeZoneNames } from './time-zones.js';

type Suggestion = { name: string; value: string };

const contains = (text: string, partial: string) => text.toLowerCase().includes(partial.trim().toLowerCase());

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
      // "new york" finds America/New_York: zone names spell spaces as underscores.
      return timeZoneNames().filter((z) => contains(z.replace(/_/g, ' '), partial.replace(/_/g, ' '))).slice(0, 25).map((z) => ({ name: z, value: z }));
    case 'schedule': {
      const schedules = await ctx.services.store.listSchedules(ctx.platform, ctx.serverId);
      return schedules
        .filter((s) => contains(`${s.id} ${s.label}`, partial))
        .map((s) => ({ name: `${s.id} — ${s.label}`.slice(0, 100), value: s.id }));
    }
  }
}
