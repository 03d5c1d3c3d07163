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
/** Only what a page asked for this recently is refreshed in the background; the rest waits to be asked again. */
export const REFRESH_IF_READ_WITHIN = 30 * 24 * 3_600_000;
/** What no page asked for this long is forgotten, and the cache never holds more references than this. */
export const FORGET_AFTER = 180 * 24 * 3_600_000;
export const MAX_CACHED = 20_000;

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
          const lookedUpAt = tabId === undefined ? (row?.lookedUpAt ?? now) : now;
          if (row && (row.status === 'queued' || row.status === 'fetching')) return { ...row, tabs, lookedUpAt };
          if (row?.status === 'failed' && row.nextAttemptAt > now) return { ...row, tabs, lookedUpAt };
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
            lookedUpAt,
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

    /** A page asked for these now: they count as read (cached ones are kept and refreshed). */
    async touch(ids: readonly string[], now: number): Promise<void> {
      await db.fetches
        .where('id')
        .anyOf([...ids])
        .modify({ lookedUpAt: now });
    },

    /** Ids whose freshness ran out and that a page read recently (the periodic alarm queues them again). */
    stale: (now: number) =>
      db.fetches
        .where('freshUntil')
        .below(now)
        .filter(
          (f) =>
            (f.status === 'done' || f.status === 'missing') &&
            (f.lookedUpAt ?? f.fetchedAt ?? 0) >= now - REFRESH_IF_READ_WITHIN,
        )
        .primaryKeys(),

    /**
     * Gives claimed items back after a round that could not be written (a full disk, a broken record): each waits for
     * its backoff with the reason, and keeps the tabs that wait for it, instead of lingering as "fetching".
     */
    async release(items: readonly FetchState[], wait: (item: FetchState) => number, message: string, now: number) {
      await db.fetches.bulkPut(
        items.map(({ leaseUntil: _lease, ...item }) => ({
          ...item,
          status: 'queued' as const,
          attempts: item.attempts + 1,
          nextAttemptAt: now + wait(item),
          lastError: message,
        })),
      );
    },

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
    /**
     * Forgets references no page asked for within `olderThan`, and the least recently read beyond `maxRows`: their
     * fetch rows, documents, motions, decisions and votes, in one transaction. Never what is waiting or being fetched,
     * and only cache tables (notes, when they come, are in tables of their own that no eviction touches).
     */
    async evict(now: number, olderThan = FORGET_AFTER, maxRows = MAX_CACHED): Promise<number> {
      return db.transaction('rw', db.cacheTables, async () => {
        const settled = (f: FetchState) => f.status !== 'queued' && f.status !== 'fetching';
        const old = await db.fetches
          .where('lookedUpAt')
          .below(now - olderThan)
          .filter(settled)
          .primaryKeys();
        const total = await db.fetches.count();
        const over = Math.max(0, total - old.length - maxRows);
        const extra = over
          ? await db.fetches
              .orderBy('lookedUpAt')
              .filter(settled)
              .limit(old.length + over)
              .primaryKeys()
          : [];
        const ids = [...new Set([...old, ...extra])];
        if (!ids.length) return 0;
        const motions = await db.motions.where('documentId').anyOf(ids).toArray();
        const zaken = motions.map((m) => m.zaakNummer);
        const decisions = zaken.length ? await db.decisions.where('zaakNummer').anyOf(zaken).primaryKeys() : [];
        if (decisions.length) await db.votes.where('decisionId').anyOf(decisions).delete();
        await db.decisions.bulkDelete(decisions);
        await db.motions.bulkDelete(zaken);
        await db.documents.bulkDelete(ids);
        await db.fetches.bulkDelete(ids);
        return ids.length;
      });
    },

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
