import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium against the production build. See tests/e2e/global-setup.ts.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    setupFiles: ['tests/e2e/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One browser at a time: the machine has 2 cores and tests share the one static server.
    fileParallelism: false,
  },
});
