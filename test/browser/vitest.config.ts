import { defineConfig } from 'vitest/config';

// The web page in a real browser: run by `npm run test:browser` after the page is built.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One browser and one server for the whole file.
    fileParallelism: false,
  },
});
