import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The page's tests need a browser: npm run test:browser.
    exclude: ['test/browser/**', 'node_modules/**'],
    testTimeout: 60_000,
    setupFiles: ['test/setup/fast-check.ts'],
  },
});
