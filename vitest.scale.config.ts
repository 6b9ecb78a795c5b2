import { defineConfig } from 'vitest/config';

// Scale-out tier (PostgreSQL, TEST_DATABASE_URL): app instances and workers as real processes.
export default defineConfig({
  test: {
    include: ['test/scale/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
