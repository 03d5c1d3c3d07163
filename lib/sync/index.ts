import type { KamerlensDB } from '../db/schema';
import { createKoopClient } from '../koop/client';
import { createTkClient, DEFAULT_FILTER_BUDGET } from '../tk/client';
import { Resolver, type SyncDeps } from './resolver';

export { Resolver, refreshFollowed } from './resolver';

/** The filter size the TK server accepted, learned from its 400s and kept across worker restarts. */
const BUDGET_KEY = 'tk:filter-budget';

export interface SyncSettings {
  tkBaseUrl: () => Promise<string>;
  koopBaseUrl: () => Promise<string>;
  fetch?: typeof fetch;
}

/** The production wiring of the resolver: real clients, settings read per round, the learned batch size kept. */
export function createSync(
  db: KamerlensDB,
  settings: SyncSettings,
  notify?: SyncDeps['notify'],
): SyncDeps & { resolver: Resolver } {
  const deps: SyncDeps = {
    db,
    notify,
    tk: async () => {
      const budget = (await db.syncState.get(BUDGET_KEY))?.value as number | undefined;
      return createTkClient({
        baseUrl: await settings.tkBaseUrl(),
        filterBudget: budget ?? DEFAULT_FILTER_BUDGET,
        onFilterBudget: (value) => void db.syncState.put({ key: BUDGET_KEY, value, updatedAt: Date.now() }),
        ...(settings.fetch ? { fetch: settings.fetch } : {}),
      });
    },
    koop: {
      lookup: async (ids, signal) =>
        createKoopClient({
          baseUrl: await settings.koopBaseUrl(),
          ...(settings.fetch ? { fetch: settings.fetch } : {}),
        }).lookup(ids, signal),
    },
  };
  return { ...deps, resolver: new Resolver(deps) };
}
