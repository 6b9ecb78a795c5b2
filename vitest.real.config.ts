import { defineConfig } from 'vitest/config';

// Real-data tier: reads the CMS/CDC files in ../shared/data where they are.
export default defineConfig({
  test: {
    // The release-sync tests (a local HTTP mirror serving ../shared/data) run here too: the issue
    // counts them with the real-data tier, and npm test keeps them for every change.
    include: ['src/**/*.real.test.ts', 'test/**/*.real.test.ts', 'src/sync/release-sync.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
