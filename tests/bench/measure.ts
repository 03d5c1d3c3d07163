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

/** One figure per line, `name: value unit`, as the bench contract asks. */
export function report(name: string, value: number, unit: string, digits = 1): void {
  console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
}
