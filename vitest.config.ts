import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Generous, so that no test fails for being slow on a busy machine: several start processes (git, tsx, a
    // Prometheus server) or run a report many times. A test that hangs still ends, after these.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    globalSetup: ['test/temp-root.ts'],
    // Vitest's default is one worker fewer than the cores: on the 2-core machines here (CI's too) that is one,
    // and most files wait on a process they started. Two measured 3 min 17 s (one) against 2 min 42 s (two), all
    // 109 files, Prometheus and Chromium installed.
    maxWorkers: 2,
    projects: [
      {
        // The rule tests only check small fixtures in-process and share no state: one module graph per worker
        // rather than one per file, which loads the checker (ajv, the schemas) 47 times over otherwise.
        extends: true,
        test: { name: 'rules', include: ['test/rules/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: { name: 'tests', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/rules/**'] },
      },
    ],
  },
});
