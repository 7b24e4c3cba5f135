import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The core says what it needs (the store's interface and records, the scheduling engine's shape)
 * and the rest implements it: nothing in src/core reaches into an adapter, src/store, src/schedule
 * or a platform's SDK. Read from the source, so a new import that crosses the line fails here.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const CORE = join(ROOT, 'src/core');
/** Packages that belong to a platform, a store or the scheduling engine, never to the core. */
const OUTSIDE_PACKAGES = /^(?:discord\.js|@discordjs\/|@slack\/|better-sqlite3|pg|kysely|croner|pino|@resvg\/|dotenv)(?:\/|$)/;
// Every form of import a file can hold: import … from, export … from, a bare import, a dynamic import().
const IMPORT = /\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

/** Each import of a core file, as `file: specifier (where it leads)` when it leaves the core. */
function crossings(): string[] {
  const out: string[] = [];
  for (const file of sources(CORE)) {
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      const from = relative(ROOT, file);
      if (spec.startsWith('.')) {
        const to = relative(ROOT, resolve(dirname(file), spec));
        if (!to.startsWith('src/core/')) out.push(`${from}: ${spec} (${to})`);
      } else if (OUTSIDE_PACKAGES.test(spec)) out.push(`${from}: ${spec}`);
    }
  }
  return out;
}

describe('the core', () => {
  it('reads its own files (the check sees the store interface and the scheduling shape it owns)', () => {
    const files = sources(CORE).map((f) => relative(ROOT, f));
    expect(files).toContain('src/core/store/store.ts');
    expect(files).toContain('src/core/schedule/scheduling.ts');
  });

  it('imports no adapter, nothing from src/store or src/schedule, and no platform, store or scheduling package', () => {
    expect(crossings()).toEqual([]);
  });
});
