import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * A Dexie live query as Preact state: re-runs whenever the tables it read change (in this page or another of the
 * extension's pages), `undefined` while loading. The query must only read Dexie (Dexie's liveQuery rule). An error
 * is kept and shown, never dropped.
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): { value: T | undefined; error?: unknown } {
  const [state, setState] = useState<{ value: T | undefined; error?: unknown }>({ value: undefined });
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (value) => setState({ value }),
      error: (error: unknown) => setState({ value: undefined, error }),
    });
    return () => sub.unsubscribe();
    // The caller names what the query depends on (`deps`), as with useEffect itself.
  }, deps);
  return state;
}
