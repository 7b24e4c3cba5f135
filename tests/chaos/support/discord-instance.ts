/**
 * One real Discord bot instance for the chaos tests: the runtime and the Discord adapter as
 * `rostrum start` runs them, against a fake Discord and a shared database.
 *
 *   node bin/run-ts.js tests/chaos/support/discord-instance.ts <database url> <fake Discord API url> <application id> [claim timeout ms]
 *
 * Says "ready" once connected; "stop" on standard input (or its end) stops it as a stop signal would.
 * Warnings and errors go to standard error as JSON lines.
 */
import { createInterface } from 'node:readline';
import { loadConfig, secretValues } from '../../../src/config.js';
import { createLogger } from '../../../src/logging.js';
import { openRuntime } from '../../../src/runtime.js';
import { startDiscord } from '../../../adapters/discord/index.js';

const [databaseUrl, apiUrl, applicationId, claimTimeout] = process.argv.slice(2);
if (!databaseUrl || !apiUrl || !applicationId) {
  console.error('usage: discord-instance.ts <database url> <fake Discord API url> <application id> [claim timeout ms]');
  process.exit(2);
}
// Never outlive a test that forgot this process.
setTimeout(() => process.exit(5), 120_000).unref();

const config = loadConfig({ DATABASE_URL: databaseUrl, DISCORD_TOKEN: 'chaos-token', DISCORD_API_URL: apiUrl, DISCORD_APPLICATION_ID: applicationId });
const logger = createLogger('warn', secretValues(config));
const runtime = await openRuntime(config, logger);
const adapter = await startDiscord(runtime, config, logger, claimTimeout ? { claimTimeoutMs: Number(claimTimeout) } : {});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await adapter.stop();
  await runtime.close();
  process.exit(0);
}
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === 'stop') void stop();
});
lines.on('close', () => void stop());
process.stdout.write('ready\n');
