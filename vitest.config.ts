// `npm test` runs every project: fast unit tests, whole builds, then the browser tests against the built site.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'test/build/**', '**/node_modules/**'] },
      },
      {
        // Whole builds, killed at each step and run two at once: slow, no browser.
        test: { name: 'build', include: ['test/build/**/*.test.ts'], fileParallelism: false, testTimeout: 300_000, hookTimeout: 300_000 },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/setup.ts'],
          // One browser and one site at a time: the machine has two cores, and some scenarios build a site.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
