import { expect } from 'vitest';

/** The large input is this many times the small one. */
const SCALE = 10;
/** Equal work should take about as long at both sizes; quadratic work takes SCALE (10×) as long on the large input. */
const BOUND = 4;
/** Below this the timer and the scheduler say more than the code does; a quadratic path at 1M chars never gets here. */
const FLOOR_MS = 5;

function time(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/**
 * Asserts that `fn` does linear work on inputs `make(n)`: the same input family is made at two sizes 10× apart, and the
 * same amount of work is timed at both, in the same run: one run on the large input against ten runs on the small one.
 * Linear work takes about as long either way (1×), quadratic work 10× as long on the large input; the bound (4×) leaves
 * room for garbage collection and cache effects on the larger input, not for a quadratic path.
 *
 * Each side is the best of three, measured alternately, and both sides last equally long, so a busy machine slows both
 * alike (one long run against one short one, as before, let a busy spell inflate only the long one). Should a busy
 * spell still cover all three large runs, a result over the bound is measured again, up to three more of each, before it
 * counts: a quadratic path is over the bound every time. `bound` may be set tighter (3: 10× the input in at most 30×
 * the time) where a family's cost is even. It compares measurements of this run and sets no absolute time
 * limit (speed itself is `npm run bench`'s business). These checks belong in the `unit-slow` project
 * (`*.slow.test.ts`), which runs one file at a time.
 */
export function expectLinear(
  fn: (text: string) => unknown,
  make: (size: number) => string,
  size = 100 * 1024,
  bound = BOUND,
): void {
  const small = make(size);
  const large = make(size * SCALE);
  fn(small); // warm up
  let largeMs = Number.POSITIVE_INFINITY;
  let smallMs = Number.POSITIVE_INFINITY;
  const ratio = () => largeMs / Math.max(smallMs, FLOOR_MS);
  for (let round = 0; round < 6 && (round < 3 || ratio() >= bound); round++) {
    largeMs = Math.min(
      largeMs,
      time(() => fn(large)),
    );
    smallMs = Math.min(
      smallMs,
      time(() => {
        for (let i = 0; i < SCALE; i++) fn(small);
      }),
    );
  }
  const detail = `1 run on ${large.length} chars: ${largeMs.toFixed(1)} ms; ${SCALE} runs on ${small.length} chars: ${smallMs.toFixed(1)} ms`;
  expect(ratio(), detail).toBeLessThan(bound);
}
