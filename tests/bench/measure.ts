/**
 * Throughput of a function over a text, measured by repetition until a time budget is used, so short texts still
 * give stable figures. Benchmarks print ratios between figures measured in the same run, never absolute limits.
 */
export function throughput(text: string, fn: (text: string) => unknown, budgetMs = 1500): number {
  fn(text); // warm up the JIT and any lazy initialisation
  const bytes = Buffer.byteLength(text, 'utf8');
  let runs = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    fn(text);
    runs++;
    elapsed = performance.now() - t0;
  }
  return (bytes * runs) / (elapsed / 1000) / 1e6;
}

/** Throughput of a function over a text, as the mean over a time budget and as its median and fastest run. */
export interface RunStats {
  mean: number;
  median: number;
  best: number;
}

/**
 * `throughput`, with each run timed: on a machine shared with other work the mean over the budget swung by 2x from
 * one bench to the next (the corpus letters' full analysis at 8.0 and 3.4 MB/s within an hour, same code), the
 * median run less and the fastest hardly. All three are given: the mean is what a busy machine gives, the fastest
 * what the code does when it has the processor. Warmed up for a fifth of the budget first (after one run, code was
 * seen to stay in a slower JIT tier for a whole bench: papers.ts).
 */
export function runStats(text: string, fn: (text: string) => unknown, budgetMs = 1500): RunStats {
  const warm = performance.now();
  do fn(text);
  while (performance.now() - warm < budgetMs / 5);
  const bytes = Buffer.byteLength(text, 'utf8');
  const times: number[] = [];
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    const start = performance.now();
    fn(text);
    const end = performance.now();
    times.push(end - start);
    elapsed = end - t0;
  }
  times.sort((a, b) => a - b);
  const mbps = (ms: number) => bytes / (ms / 1000) / 1e6;
  return {
    mean: (bytes * times.length) / (elapsed / 1000) / 1e6,
    median: mbps(times[times.length >> 1]!),
    best: mbps(times[0]!),
  };
}

/** One figure per line, `name: value unit`, as the bench contract asks. */
export function report(name: string, value: number, unit: string, digits = 1): void {
  console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
}
