import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { loadPack, DEFAULT_PACK_DIR } from '../core/pack/load.js';
import { DEFAULT_SETTINGS } from '../core/services.js';
import { buildExport, EXPORT_KINDS, plural, sinceOf, type ExportKind } from '../core/results/export.js';
import { openStore } from '../store/open.js';
import { EXPORT_USAGE } from './usage.js';

export interface ExportArgs {
  what?: string;
  channel?: string;
  since?: string;
  out?: string;
}

/** `rostrum export`: the same CSV as /quiz export, /prompt results and /debate transcripts, for every server in the store. */
export async function exportCommand(config: Config, args: ExportArgs): Promise<number> {
  const fail = (problem: string) => {
    process.stderr.write(`${problem}\n${EXPORT_USAGE}\n`);
    return 2;
  };
  if (!args.what) return fail('rostrum export needs --what: quiz, votes or debates.');
  if (!EXPORT_KINDS.includes(args.what as ExportKind)) return fail(`“${args.what}” is not something to export: use --what quiz, votes or debates.`);
  if (!args.out) return fail('rostrum export needs --out FILE: where to write the CSV.');
  const zone = config.DEFAULT_TIMEZONE;
  const since = sinceOf(args.since, zone);
  if (!since.ok) return fail(since.error.replace('since:2026-01-05', '--since 2026-01-05'));

  const pack = await loadPack(config.CONTENT_PACK ?? DEFAULT_PACK_DIR);
  const store = await openStore(config);
  try {
    const built = await buildExport(
      { pack, store, settings: { ...DEFAULT_SETTINGS, defaultTimeZone: zone }, now: () => new Date() },
      args.what as ExportKind,
      { ...(args.channel ? { channelId: args.channel.replace(/^#/, '') } : {}), ...(since.value !== undefined ? { since: since.value } : {}) },
    );
    const out = resolve(args.out);
    writeFileSync(out, built.file.content);
    const noun = { quiz: 'quiz answer', votes: 'vote', debates: 'debate' }[args.what as ExportKind];
    process.stdout.write(`Wrote ${plural(built.count, noun)} by ${plural(built.people, 'person', 'people')} to ${out} (times on the ${zone} clock).\n`);
    return 0;
  } finally {
    await store.close();
  }
}
