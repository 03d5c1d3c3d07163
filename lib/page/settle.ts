/**
 * A debounce for work on what the page changed: the task runs once the page has been quiet for `quietMs` (every
 * change starts the wait again), or at the latest `maxWaitMs` after the first change it waits for, so a page that
 * never stops changing (a clock, a ticker) still gets its new text linked. One run at a time: changes during a run
 * are taken by a run after it, again after a quiet period.
 */
export interface SettleOptions {
  quietMs: number;
  maxWaitMs: number;
  setTimeout: (fn: () => void, ms: number) => number;
  clearTimeout: (id: number) => void;
  now: () => number;
}

export interface Settler {
  /** The page changed something the task should look at. */
  poke(): void;
}

export function settler(task: () => Promise<void>, options: SettleOptions): Settler {
  let timer: number | undefined;
  /** When the first change the next run will take came in. */
  let firstAt: number | undefined;
  let running = false;
  let waiting = false;

  const fire = () => {
    timer = undefined;
    firstAt = undefined;
    running = true;
    task()
      .catch((error: unknown) => console.warn('Kamerlens: linking new text failed:', error))
      .finally(() => {
        running = false;
        if (waiting) {
          waiting = false;
          arm();
        }
      });
  };

  const arm = () => {
    const now = options.now();
    firstAt ??= now;
    if (timer !== undefined) options.clearTimeout(timer);
    timer = options.setTimeout(fire, Math.max(0, Math.min(options.quietMs, firstAt + options.maxWaitMs - now)));
  };

  return {
    poke() {
      if (running) waiting = true;
      else arm();
    },
  };
}
