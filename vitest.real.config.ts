import { defineConfig } from 'vitest/config';

// Real-data tier: reads the CMS/CDC files in ../shared/data where they are.
export default defineConfig({
  test: {
    include: ['src/**/*.real.test.ts', 'test/**/*.real.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
