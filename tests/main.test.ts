import { describe, expect, it } from 'vitest';
import { stopAll } from '../src/main.js';
import type { Runtime } from '../src/runtime.js';
import { testServices } from './support/core.js';
import { recordingLogger } from './support/logger.js';

describe('stopping the bot', () => {
  it('logs a store that fails to close instead of leaving the rejection unhandled', async () => {
    const log = recordingLogger();
    const stopped: string[] = [];
    const runtime: Runtime = {
      services: await testServices(),
      onWake: () => {},
      warm: async () => {},
      close: async () => { throw new Error('pool already ended'); },
    };
    const adapter = { platform: 'discord' as const, stop: async () => { stopped.push('discord'); } };
    await expect(stopAll([adapter], runtime, log)).resolves.toBeUndefined();
    expect(stopped).toEqual(['discord']);
    expect(log.entries.find((e) => e.level === 'error')?.msg).toMatch(/close/);
  });
});
