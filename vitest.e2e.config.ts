import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: the built web app in Debian's Chromium (playwright-core, never a
// downloaded browser) against a server with the starter library. Not part of `npm test`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One server, one browser: files run one after another so they do not race each other.
    fileParallelism: false,
  },
});
