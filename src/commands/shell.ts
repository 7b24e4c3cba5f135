import type { Config } from '../config.js';
import type { Logger } from '../core/logger.js';
import { openRuntime } from '../runtime.js';
import { runShellAdapter } from '../../adapters/shell/index.js';
import { exportDirFor } from '../../adapters/shell/files.js';

/**
 * `rostrum shell`: the terminal adapter on the store, until its input ends. One module that the
 * command loads at once, rather than three imports one after another: each dynamic import is a
 * bundle entry of its own, and the bundle's code shared between entries comes in as many chunks.
 */
export async function shellCommand(config: Config, logger: Logger, session: { user: string; channel: string; json: boolean }): Promise<void> {
  const runtime = await openRuntime(config, logger);
  await runShellAdapter(runtime, { ...session, exportDir: exportDirFor(config.DATABASE_PATH) });
  await runtime.close();
}
