import type { MetadataCache, MetadataEntry } from '../tk/source';
import type { DocumentRecord, DossierRecord, FetchState, Source } from './models';
import type { KamerlensDB } from './schema';

/*
 * The sync's access to the database, in one place: the fetch queue, the cache writes of a round, and small named
 * state (watermarks, the learned filter budget, each service's `$metadata`). The sync decides; these only read and
 * write, each in one transaction, so a worker stopped at any moment leaves nothing half-written.
 */

/** How long a claimed item is ours; a worker stopped mid-request gives its items back after this. */
export const LEASE_MS = 90_000;
/** Tabs remembered per item: enough for every open tab that asked, bounded against a page that asks forever. */
const MAX_TABS = 16;

const mergeTabs = (a: readonly number[], b: readonly number[]) => [...new Set([...a, ...b])].slice(-MAX_TABS);

export function queueRepository(db: KamerlensDB) {
  return {
    /** Queues ids (keeping their backoff if they failed recently) and remembers which tab wants them. */
    async enqueue(ids: readonly string[], kindOf: (id: string) => string, now: number, tabId?: number) {
      await db.transaction('rw', db.fetches, async () => {
        const existing = await db.fetches.bulkGet([...ids]);
        const rows: FetchState[] = ids.map((id, i) => {
          const row = existing[i];
          const tabs = tabId === undefined ? (row?.tabs ?? []) : mergeTabs(row?.tabs ?? [], [tabId]);
          if (row && (row.status === 'queued' || row.status === 'fetching')) return { ...row, tabs };
          if (row?.status === 'failed' && row.nextAttemptAt > now) return { ...row, tabs };
          return {
            id,
            kind: kindOf(id),
            status: 'queued',
            nextAttemptAt: now,
            attempts: row?.attempts ?? 0,
            freshUntil: row?.freshUntil ?? 0,
            ...(row?.fetchedAt ? { fetchedAt: row.fetchedAt } : {}),
            ...(row?.lastError ? { lastError: row.lastError } : {}),
            tabs,
          };
        });
        await db.fetches.bulkPut(rows);
      });
    },

    /** Takes up to `limit` due items, marking them as being fetched (with a lease). */
    async claim(now: number, limit: number): Promise<FetchState[]> {
      return db.transaction('rw', db.fetches, async () => {
        const due = await db.fetches
          .where('nextAttemptAt')
          .belowOrEqual(now)
          .filter((f) => f.status === 'queued' || (f.status === 'fetching' && (f.leaseUntil ?? 0) < now))
          .limit(limit)
          .toArray();
        const claimed = due.map((f) => ({ ...f, status: 'fetching' as const, leaseUntil: now + LEASE_MS }));
        await db.fetches.bulkPut(claimed);
        return claimed;
      });
    },

    /** Ids whose freshness ran out (the periodic alarm queues them again). */
    stale: (now: number) =>
      db.fetches
        .where('freshUntil')
        .below(now)
        .filter((f) => f.status === 'done' || f.status === 'missing')
        .primaryKeys(),

    /** Makes every waiting or failed item due now: the service is back, or the user asked to try again. */
    async retryAll(now: number): Promise<number> {
      return db.transaction('rw', db.fetches, async () => {
        const waiting = await db.fetches.where('status').anyOf(['queued', 'failed']).toArray();
        await db.fetches.bulkPut(waiting.map((f) => ({ ...f, status: 'queued' as const, nextAttemptAt: now })));
        return waiting.length;
      });
    },

    /** When the next waiting item falls due, to wake the worker for it. */
    async nextDue(): Promise<number | undefined> {
      const next = await db.fetches
        .orderBy('nextAttemptAt')
        .filter((f) => f.status === 'queued' || f.status === 'fetching')
        .first();
      return next ? Math.max(next.nextAttemptAt, next.leaseUntil ?? 0) : undefined;
    },

    /** The tabs that asked for these ids while they were being fetched (they joined during the round). */
    async tabsOf(ids: readonly string[]): Promise<Map<string, number[]>> {
      const rows = await db.fetches.bulkGet([...ids]);
      return new Map(rows.flatMap((r) => (r ? [[r.id, r.tabs] as const] : [])));
    },
  };
}

export function cacheRepository(db: KamerlensDB) {
  return {
    /** Where each cached document came from: a TK record is never replaced by KOOP's thinner one while the TK fails. */
    async sources(ids: readonly string[]): Promise<Map<string, Source>> {
      const docs = await db.documents.bulkGet([...ids]);
      return new Map(docs.flatMap((d) => (d ? [[d.id, d.source] as const] : [])));
    },

    /** Followed dossiers (a page cited one of their motions): few, so a scan beats an index on a boolean. */
    followedDossiers: (): Promise<DossierRecord[]> => db.dossiers.filter((d) => d.followed).toArray(),

    documentsByTkNummer: async (numbers: readonly string[]): Promise<Map<string, DocumentRecord>> =>
      new Map(
        (
          await db.documents
            .where('tkNummer')
            .anyOf([...numbers])
            .toArray()
        ).map((d) => [d.tkNummer!, d] as const),
      ),
  };
}

export function stateRepository(db: KamerlensDB) {
  return {
    get: async <T>(key: string): Promise<T | undefined> => (await db.syncState.get(key))?.value as T | undefined,
    put: (key: string, value: unknown, now: number) => db.syncState.put({ key, value, updatedAt: now }),
  };
}

/** `$metadata` per configured base URL, in the sync state table (a cache: a reset may clear it, it is read again). */
export function metadataRepository(db: KamerlensDB): MetadataCache {
  const state = stateRepository(db);
  return {
    get: (base) => state.get<MetadataEntry>(`tk:metadata:${base}`),
    put: async (base, entry) => {
      await state.put(`tk:metadata:${base}`, entry, entry.fetchedAt);
    },
  };
}
