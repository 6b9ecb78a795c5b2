import { defineConfig } from 'vitest/config';

// `npm run screenshots`: the README's screenshots (docs/screenshots/), taken in Debian's
// Chromium against the e2e server with the starter library. Not part of any test tier.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.shots.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
