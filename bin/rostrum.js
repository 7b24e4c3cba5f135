#!/usr/bin/env node
// The `rostrum` command. It runs the JavaScript that `npm install` built into dist/bundle (the `prepare`
// script), so no TypeScript compiler runs when the bot starts.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bundle/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('rostrum: dist/ is missing: run `npm install` (or `npm run build`) first, which compiles the sources.\n');
  process.exit(1);
}
await import(entry.href);
