#!/usr/bin/env node
// The `rostrum` command. The sources are TypeScript; tsx compiles them on import, so a fresh
// `npm install` is all a user needs before running it.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
