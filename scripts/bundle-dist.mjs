// Second step of `npm run build` (and of `prepare`, which `npm install` runs): after tsc has compiled
// src/ and adapters/ into dist/, this bundles that JavaScript into dist/bundle/, which bin/rostrum.js
// runs. Node loads an ES module file by file: the pure-JavaScript dependencies (Kysely's 263 modules,
// which every start needs; zod's 95, which a pack check needs) took most of start-up, so they go into
// the bundle. Native modules (better-sqlite3), the Postgres driver, pino and the platform SDKs stay
// in node_modules: they load from there, and only when used. Each dynamic import becomes a chunk of
// its own, so an adapter's code still loads only when it starts. Last, the shipped content pack is
// checked and the result left beside the bundle, so a start need not check it again
// (src/core/pack/checked-at-build.ts).
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const INLINE = new Set(['kysely', 'zod', 'dotenv', 'croner', 'minisearch', 'stemmer']);

const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

rmSync(`${root}dist/bundle`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['dist/src/cli.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Bundled CommonJS (dotenv) calls require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __rostrumRequire } from 'node:module'; const require = __rostrumRequire(import.meta.url);" },
  plugins: [{
    name: 'rostrum-externals',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => (INLINE.has(packageOf(args.path)) ? undefined : { path: args.path, external: true }));
    },
  }],
});

// The shipped pack, checked once here rather than at every start (src/core/pack/checked-at-build.ts).
// A pack that fails its checks, or whose data would not come back the same from JSON, is left to be
// checked at start, as any other pack is: the bot then says what is wrong, and the build still succeeds.
const compiled = (file) => import(new URL(`../dist/src/core/pack/${file}`, import.meta.url).href);
const { checkPack, PACK_FILE_NAMES } = await compiled('check.js');
const { digests, CHECKED_PACK_FILE } = await compiled('checked-at-build.js');
const { DEFAULT_PACK_DIR } = await compiled('load.js');
try {
  const data = await checkPack(DEFAULT_PACK_DIR);
  const json = JSON.stringify({ files: await digests(DEFAULT_PACK_DIR, PACK_FILE_NAMES), data });
  if (isDeepStrictEqual(JSON.parse(json).data, data)) writeFileSync(`${root}dist/bundle/${CHECKED_PACK_FILE}`, json);
  else console.warn('bundle-dist: the pack does not survive JSON unchanged; it will be checked at every start');
} catch (err) {
  console.warn(`bundle-dist: the shipped pack did not pass its checks, so it will be checked at start: ${err.message.split('\n')[0]}`);
}
