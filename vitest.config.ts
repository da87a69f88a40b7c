import { defineConfig } from 'vitest/config';

// Tests talk to real registries, runtimes and peer tools, so they get generous timeouts
// and run in forked processes (child processes and signals behave as in production).
export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'actions/**/*.test.ts',
      'test/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['test/helpers/global-setup.ts'],
    reporters: ['default', './test/reporters/summary.ts'],
  },
});
