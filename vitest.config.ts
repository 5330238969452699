import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // node-canvas is a native addon: forks (child processes) are its safe home, not worker threads.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
