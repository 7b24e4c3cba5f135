import { dirname, join } from 'node:path';
import type { Runtime } from '../../src/runtime.js';
import type { Config } from '../../src/config.js';
import { startPlatformBackground } from '../../src/adapter.js';
import { Shell } from './shell.js';

/** Files the terminal is sent (the argument map) go beside the database, in files/. */
export function shellFilesDir(config: Pick<Config, 'DATABASE_PATH'>): string {
  return join(dirname(config.DATABASE_PATH), 'files');
}

/**
 * Runs the terminal adapter until its input ends, the user quits, or SIGINT/SIGTERM arrives;
 * then lets the command in flight finish and stops background work. The caller closes the store.
 */
export async function runShellAdapter(runtime: Runtime, options: { user: string; channel: string; json: boolean; filesDir: string }): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY) && !options.json;
  const shell = new Shell(runtime.services, { ...options, input: process.stdin, output: process.stdout, interactive });
  const background = startPlatformBackground(runtime, 'shell', shell.poster);
  const stopSignal = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await Promise.race([shell.run(), stopSignal]);
  shell.stop();
  await shell.drain();
  await background.stop();
}
