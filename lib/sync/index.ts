import { metadataRepository, stateRepository } from '../db/repositories';
import type { KamerlensDB } from '../db/schema';
import { createKoopClient } from '../koop/client';
import { createTkSource, DEFAULT_FILTER_BUDGET, type TkSource } from '../tk/source';
import { Resolver, type SyncDeps } from './resolver';

export { Resolver, refreshFollowed } from './resolver';

/** The filter size the TK server accepted, learned from its 400s and kept across worker restarts. */
const BUDGET_KEY = 'tk:filter-budget';

export interface SyncSettings {
  tkBaseUrl: () => Promise<string>;
  koopBaseUrl: () => Promise<string>;
  fetch?: typeof fetch;
}

/**
 * The production wiring of the resolver: real clients, settings read per round, the learned batch size and each
 * service's `$metadata` kept in the database. One TK source per base URL, so its description is read once.
 */
export function createSync(
  db: KamerlensDB,
  settings: SyncSettings,
  hooks: Pick<SyncDeps, 'notify' | 'wake' | 'report'> = {},
): SyncDeps & { resolver: Resolver } {
  const state = stateRepository(db);
  const metadata = metadataRepository(db);
  let tk: { base: string; source: TkSource } | undefined;
  const deps: SyncDeps = {
    db,
    ...hooks,
    tk: async () => {
      const base = await settings.tkBaseUrl();
      if (tk?.base === base) return tk.source;
      const budget = await state.get<number>(BUDGET_KEY);
      const source = createTkSource({
        baseUrl: base,
        metadata,
        filterBudget: budget ?? DEFAULT_FILTER_BUDGET,
        onFilterBudget: (value) => {
          state.put(BUDGET_KEY, value, Date.now()).catch((error: unknown) => hooks.report?.('filter budget', error));
        },
        ...(settings.fetch ? { fetch: settings.fetch } : {}),
      });
      tk = { base, source };
      return source;
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
