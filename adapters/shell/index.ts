import type { Runtime } from '../../src/runtime.js';
import { startPlatformBackground } from '../../src/adapter.js';
import { Shell } from './shell.js';

/**
 * Runs the terminal adapter until its input ends, the user quits, SIGINT/SIGTERM arrives or the
 * reader of its output goes away; then lets the command in flight finish and stops background
 * work. The caller closes the store.
 */
export async function runShellAdapter(runtime: Runtime, options: { user: string; channel: string; json: boolean; exportDir: string }): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY) && !options.json;
  const shell = new Shell(runtime.services, { ...options, input: process.stdin, output: process.stdout, interactive });
  const background = startPlatformBackground(runtime, 'shell', shell.poster);
  const stopSignal = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  // A reader that closed its end of a piped stdout (`| head -5`) wants no more: stop as on a signal.
  const readerGone = new Promise<void>((resolve) => process.stdout.once('error', () => resolve()));
  await Promise.race([shell.run(), stopSignal, readerGone]);
  shell.stop();
  await shell.drain();
  await background.stop();
}
