import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

/** Tests that time themselves (the linearity checks), kept out of `unit` so they do not compete with it for the CPU. */
const SLOW = 'tests/unit/**/*.slow.test.ts';

/**
 * Three projects, run in this order when run together (`sequence.groupOrder`):
 * - `unit` (Node, happy-dom per file where a DOM is needed, WXT's fake browser), files in parallel;
 * - `unit-slow`, the `*.slow.test.ts` files under tests/unit: timing comparisons (see tests/support/linearity.ts), one
 *   file at a time so nothing else runs beside them, with a budget of 120 s per test for a busy 2-core machine;
 * - `e2e` (real Chromium and Firefox driven by Puppeteer; one file at a time, since each launches browsers on a 2-core
 *   machine).
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
          exclude: [...configDefaults.exclude, SLOW],
          environment: 'node',
          mockReset: true,
          restoreMocks: true,
          // A guard against a hang, not a speed check: the property tests over the corpus take 2-3 s each while the
          // other files run beside them on two cores, and twice went over Vitest's default 5 s on a busy machine.
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit-slow',
          include: [SLOW],
          environment: 'node',
          mockReset: true,
          restoreMocks: true,
          fileParallelism: false,
          testTimeout: 120_000,
          sequence: { groupOrder: 1 },
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
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
