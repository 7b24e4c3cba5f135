import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import type { CoreSettings } from '../../../src/core/context.js';
import { Shell } from '../../../adapters/shell/shell.js';
import { testServices } from '../../support/core.js';

/** The terminal adapter in this process, fed line by line as its script mode is, its output kept as printed. */
export async function inProcessShell(settings: Partial<CoreSettings> = {}): Promise<{ type(line: string): Promise<string>; printed(): string }> {
  let printed = '';
  const output = new Writable({ write(chunk, _enc, done) { printed += String(chunk); done(); } });
  const shell = new Shell(await testServices({ settings }), {
    user: 'alice', channel: 'general', json: false, input: new PassThrough(), output, interactive: false,
    exportDir: mkdtempSync(join(tmpdir(), 'rostrum-shell-')),
  });
  return {
    async type(line) {
      const from = printed.length;
      await shell.handle(line);
      return printed.slice(from);
    },
    printed: () => printed,
  };
}
