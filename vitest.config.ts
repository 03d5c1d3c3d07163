import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

/**
 * Two projects: `unit` (Node, happy-dom per file where a DOM is needed, WXT's fake browser) and `e2e` (real
 * Chromium and Firefox driven by Puppeteer; one file at a time, since each launches browsers on a 2-core machine).
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          globalSetup: ['tests/support/announce-shared.ts'],
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
          mockReset: true,
          restoreMocks: true,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/announce-shared.ts', 'tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
