import { expect } from 'vitest';

function best(fn: () => unknown, runs: number): number {
  let t = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t = Math.min(t, performance.now() - t0);
  }
  return t;
}

/**
 * Asserts that `fn` does linear work on inputs `make(n)`: the same input family is run at two sizes 8× apart, in the
 * same run. Linear work takes about 8× as long, quadratic about 64×; the bound (32×, on the best of three runs
 * each) leaves room for noise, garbage collection and a busy machine, not for a quadratic path. It compares two
 * measurements of this run and sets no absolute time limit (speed itself is `npm run bench`'s business).
 */
export function expectLinear(fn: (text: string) => unknown, make: (size: number) => string, size = 128 * 1024): void {
  const small = make(size);
  const large = make(size * 8);
  fn(small); // warm up
  const largeMs = best(() => fn(large), 3);
  const smallMs = Math.max(
    best(() => fn(small), 3),
    1,
  );
  expect(largeMs / smallMs).toBeLessThan(32);
}
