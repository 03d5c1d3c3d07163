/**
 * The one error funnel of the background: the alarm handler, the queue run, the settings watchers and tab messages
 * report here instead of throwing into the void (an MV3 service worker's unhandled rejection is lost, and a noisy one
 * repeats every round). Each distinct error is logged once; the last few are kept for the options page.
 */

export interface ReportedError {
  where: string;
  message: string;
  at: number;
  count: number;
}

const MAX_KEPT = 20;
const seen = new Map<string, ReportedError>();

export function reportError(where: string, error: unknown, now = Date.now()): void {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const key = `${where}\u0000${message}`;
  const known = seen.get(key);
  if (known) {
    known.count++;
    known.at = now;
    return;
  }
  if (seen.size >= MAX_KEPT) seen.delete(seen.keys().next().value!);
  seen.set(key, { where, message, at: now, count: 1 });
  console.error(`Kamerlens (${where}):`, error);
}

/** The distinct errors reported since the worker started, newest last. */
export function reportedErrors(): ReportedError[] {
  return [...seen.values()];
}

/** Runs an async handler and funnels its failure: for event listeners that must never reject. */
export function guarded<A extends unknown[]>(where: string, fn: (...args: A) => Promise<unknown>) {
  return (...args: A): void => {
    fn(...args).catch((error: unknown) => reportError(where, error));
  };
}
