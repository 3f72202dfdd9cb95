import { defineConfig } from 'vitest/config';

// The web page in a real browser: run by `npm run test:browser` after the page is built.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Waiting for the page's worker to finish: on a busy machine that can take seconds, not the
    // default one. How quickly the page answers is measured on its own, by its own test.
    expect: { poll: { timeout: 15_000 } },
    // One browser and one server for the whole file.
    fileParallelism: false,
  },
});
