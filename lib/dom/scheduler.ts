/**
 * Cooperative scheduling for work on the page: long documents are annotated in slices that each fit well inside a
 * frame, yielding to the page in between so scrolling and typing never stall.
 */

/** How long one slice may run before giving the page back (a frame is ~16 ms; leave room for the page). */
export const SLICE_MS = 8;

type IdleCallback = (cb: (deadline: { timeRemaining(): number }) => void, opts?: { timeout: number }) => number;

/** Resolves when the page is idle (or after a short timeout, so work is never starved on a busy page). */
export function yieldToPage(win: typeof globalThis = globalThis): Promise<void> {
  const ric = (win as { requestIdleCallback?: IdleCallback }).requestIdleCallback;
  return new Promise((resolve) => {
    if (ric) ric.call(win, () => resolve(), { timeout: 200 });
    else setTimeout(resolve, 0);
  });
}

/**
 * Runs `steps` one by one, yielding to the page whenever a slice has used up its budget. Stops early (without
 * error) when `signal` aborts, e.g. when the extension is reloaded under the page.
 */
export async function runSliced<T>(
  items: Iterable<T>,
  step: (item: T) => void,
  options: { signal?: AbortSignal; now?: () => number; yieldFn?: () => Promise<void> } = {},
): Promise<void> {
  const now = options.now ?? (() => performance.now());
  const yieldFn = options.yieldFn ?? (() => yieldToPage());
  let sliceStart = now();
  for (const item of items) {
    if (options.signal?.aborted) return;
    if (now() - sliceStart > SLICE_MS) {
      await yieldFn();
      if (options.signal?.aborted) return;
      sliceStart = now();
    }
    step(item);
  }
}

/** Drives a generator that yields between small steps, giving the page back whenever a slice is used up. */
export async function runStepsSliced<T>(
  steps: Generator<void, T>,
  options: { signal?: AbortSignal; now?: () => number; yieldFn?: () => Promise<void> } = {},
): Promise<T | undefined> {
  const now = options.now ?? (() => performance.now());
  const yieldFn = options.yieldFn ?? (() => yieldToPage());
  let sliceStart = now();
  for (;;) {
    if (options.signal?.aborted) return undefined;
    const step = steps.next();
    if (step.done) return step.value;
    if (now() - sliceStart > SLICE_MS) {
      await yieldFn();
      sliceStart = now();
    }
  }
}
