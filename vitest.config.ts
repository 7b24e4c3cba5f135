import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Adapter tests open real sockets on 127.0.0.1; two workers keep a 2-core machine responsive.
    maxWorkers: 2,
  },
});
