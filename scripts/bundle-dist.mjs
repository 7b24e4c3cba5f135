// Second step of `npm run build` (and of `prepare`, which `npm install` runs): after tsc has compiled
// src/ and adapters/ into dist/, this bundles that JavaScript into dist/bundle/, which bin/rostrum.js
// runs. Node loads an ES module file by file: the pure-JavaScript dependencies the bot needs at every
// start (Kysely's 263 modules, zod's 95) took most of start-up, so they go into the bundle. Native
// modules (better-sqlite3), the Postgres driver, pino and the platform SDKs stay in node_modules:
// they load from there, and only when used. Each dynamic import becomes a chunk of its own, so an
// adapter's code still loads only when it starts.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
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
