import { defineConfig } from 'vitest/config';

// `npm run test:hostile`: hostile and heavy inputs against the real server in a child process
// (test/hostile), and the parser fuzz run (test/hostile/fuzz). Not part of `npm test`.
export default defineConfig({
  test: {
    include: ['test/hostile/**/*.hostile.test.ts'],
    globalSetup: ['test/hostile/support/hostile-global-setup.ts'],
    testTimeout: 1_200_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // One heavy case at a time: the figures are per case, and the machine has 2 cores.
    fileParallelism: false,
  },
});
