import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous, so that no test fails for being slow on a busy machine: several start processes (git, tsx, a
    // Prometheus server) or run a report many times. A test that hangs still ends, after these.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
