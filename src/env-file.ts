import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Reads `.env` into the environment as `import 'dotenv/config'` does, but loads dotenv only when it
 * has something to read: a `.env` in the working directory, a DOTENV_ variable (DOTENV_CONFIG_PATH
 * and the rest of dotenv's settings, DOTENV_KEY) or a `dotenv_config_` argument. Without any of
 * them dotenv reads nothing and says nothing, and loading it (with node:crypto, for its vault) was
 * a noticeable part of every start.
 */
export async function loadEnvFile(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): Promise<void> {
  const wanted = existsSync(resolve(process.cwd(), '.env'))
    || Object.keys(env).some((name) => name.startsWith('DOTENV_'))
    || argv.some((arg) => arg.startsWith('dotenv_config_'));
  if (wanted) await import('dotenv/config');
}
