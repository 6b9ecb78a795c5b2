import { defineConfig } from 'vitest/config';

// `npm test` runs the fast unit and database tiers; real-data tests (*.real.test.ts) run with
// `npm run test:real`, browser tests with `npm run test:e2e`,
// hostile inputs (*.hostile.test.ts) with `npm run test:hostile`, the scale-out processes
// (test/scale, PostgreSQL) with `npm run test:scale`.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    exclude: ['**/*.real.test.ts', '**/*.hostile.test.ts', 'test/scale/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
