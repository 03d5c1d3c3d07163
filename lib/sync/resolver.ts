import type { DocumentRecord, FetchState } from '../db/models';
import { cacheRepository, FORGET_AFTER, MAX_CACHED, queueRepository, stateRepository } from '../db/repositories';
import type { KamerlensDB } from '../db/schema';
import { documentFromKoop, type KoopRecord } from '../koop/records';
import { ServiceError } from '../net/http';
import type { MappedDocument } from '../tk/mapping';
import type { TkServiceInfo, TkSource } from '../tk/source';
import { backoff } from './freshness';
import { readHealth, type ServiceName, type SyncHealth, writeHealth } from './health';
import { type RefInfo, readInfos } from './info';
import { type Failure, type Harvest, mergeRound } from './round';
import { isFetchable, isKoopId, isTkDocumentNumber, kamerstukKey, kindOf } from './sources';
import { storeRecords } from './store';

/** The KOOP side as the resolver needs it (lib/koop's client has this shape). */
export interface KoopLookup {
  lookup(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, KoopRecord>>;
}

export interface SyncDeps {
  db: KamerlensDB;
  /** The TK source for the current settings (base URL, learned filter budget, cached `$metadata`). */
  tk: () => Promise<TkSource>;
  koop: KoopLookup;
  /** Tells a tab about references that arrived or changed. */
  notify?: (tabId: number, refs: RefInfo[]) => Promise<void> | void;
  /** Asks to be woken when waiting work falls due (the background sets an alarm; a stopped worker loses no timer). */
  wake?: (at: number) => void;
  /** The one error funnel (lib/log.ts): unexpected errors are reported once, never thrown into the void. */
  report?: (where: string, error: unknown) => void;
  now?: () => number;
  random?: () => number;
}

/** How many references one round fetches at most: a page with hundreds of references costs a few requests. */
const ROUND = 200;

function asFailure(error: unknown): Failure {
  if (error instanceof ServiceError)
    return {
      message: error.message,
      retryable: error.retryable,
      ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
    };
  // A bug or an odd answer we did not foresee: worth another try later, reported once.
  return { message: error instanceof Error ? error.message : String(error), retryable: true };
}

/** Only a service's root failing (gone, unreadable) makes it unavailable; anything else is a bad moment. */
const rootStatus = (error: unknown): 'unavailable' | 'degraded' =>
  error instanceof ServiceError && !error.retryable && ['gone', 'malformed', 'rejected'].includes(error.kind)
    ? 'unavailable'
    : 'degraded';

/**
 * The cache's resolver. The page asks for ids and gets what the cache has at once; what is missing or stale is
 * queued in the database, fetched in rounds (KOOP first, the Tweede Kamer API for what only it has), written in one
 * transaction per round, and pushed to the tabs that asked. All state is in the database, so a worker stopped at
 * any moment picks up where it was: queued items stay queued, claimed ones are given back when their lease lapses.
 */
export class Resolver {
  private running: Promise<void> | undefined;
  private again = false;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly queue;
  private readonly cache;

  constructor(private readonly deps: SyncDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.queue = queueRepository(deps.db);
    this.cache = cacheRepository(deps.db);
  }

  /** Cached records for `ids` now; anything missing or stale is queued and fetched after this returns. */
  async lookup(ids: readonly string[], tabId?: number): Promise<{ refs: RefInfo[]; health: SyncHealth }> {
    const unique = [...new Set(ids)];
    const now = this.now();
    const refs = await readInfos(this.deps.db, unique, now);
    // Read now: kept and refreshed while pages keep asking (written after the answer is ready, never before it).
    const read = unique.filter(isFetchable);
    void this.queue.touch(read, now).catch((error: unknown) => this.deps.report?.('lookup', error));
    const due = refs.filter((r) => r.state !== 'fresh' && r.state !== 'missing' && isFetchable(r.id)).map((r) => r.id);
    if (due.length) {
      await this.queue.enqueue(due, kindOf, now, tabId);
      void this.run();
    }
    return { refs, health: await readHealth(this.deps.db) };
  }

  async enqueue(ids: readonly string[], tabId?: number): Promise<void> {
    await this.queue.enqueue(ids, kindOf, this.now(), tabId);
  }

  /**
   * Processes the queue until nothing is due; concurrent calls share one run. A call made while a run is under way
   * makes it go round once more, so ids queued (or made due) after its last look are never left to the wake alarm.
   * Never rejects.
   */
  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.loop();
      } while (this.again);
      const next = await this.queue.nextDue();
      if (next !== undefined) this.deps.wake?.(next);
    })()
      .catch((error) => this.deps.report?.('sync round', error))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Queues every cached reference whose freshness has run out (the periodic alarm). */
  async requeueStale(): Promise<number> {
    const stale = await this.queue.stale(this.now());
    if (stale.length) await this.enqueue(stale);
    return stale.length;
  }

  /** Everything waiting is due now (a service came back, or the user pressed "Opnieuw proberen"); then runs. */
  async retryNow(): Promise<void> {
    // A round under way may write its items back with a wait: let it finish first, so none of them misses the retry.
    if (this.running) await this.running;
    await this.queue.retryAll(this.now());
    await this.run();
  }

  private async loop(): Promise<void> {
    for (;;) {
      const claimed = await this.queue.claim(this.now(), ROUND);
      if (!claimed.length) break;
      const harvest = await this.fetchRound(claimed);
      let tabs: Map<number, string[]>;
      try {
        tabs = await this.write(claimed, harvest);
      } catch (error) {
        await this.writeFailed(claimed, error);
        continue;
      }
      await this.tell(tabs);
    }
  }

  /** Forgets what no page read for months, and keeps the cache under its cap (the periodic alarm). */
  evict(): Promise<number> {
    return this.cache.evict(this.now());
  }

  /**
   * A round that could not be written: its items wait for their backoff (not for their lease, with no tab told). On a
   * full disk, old cache rows are evicted first, so the retry has room.
   */
  private async writeFailed(items: readonly FetchState[], error: unknown): Promise<void> {
    this.deps.report?.('cache write', error);
    const now = this.now();
    const quota = error instanceof Error && /quota/i.test(`${error.name} ${error.message}`);
    try {
      if (quota) await this.cache.evict(now, FORGET_AFTER / 6, Math.floor(MAX_CACHED / 2));
      await this.queue.release(
        items,
        (item) => backoff(item.attempts + 1, this.random),
        quota ? 'de opslag van de browser is vol' : 'het opslaan mislukte',
        now,
      );
    } catch (again) {
      // The database refuses even this: the lease gives the items back later.
      this.deps.report?.('cache write', again);
    }
  }

  private async health(
    service: ServiceName,
    status: 'ok' | 'degraded' | 'unavailable',
    error?: unknown,
    api?: TkServiceInfo,
  ) {
    const message = error === undefined ? undefined : asFailure(error).message;
    if (error !== undefined && !(error instanceof ServiceError)) this.deps.report?.(`${service} request`, error);
    await writeHealth(
      this.deps.db,
      service,
      { status, ...(message ? { message } : {}), ...(api ? { api } : {}) },
      this.now(),
    );
  }

  /**
   * One round: KOOP first, for every publication (up to 50 ids a request, and it knows Eerste Kamer and older papers
   * too); then the Tweede Kamer API for what only it has: motions' decisions and votes, TK document numbers, and —
   * when KOOP fails or lacks a paper — the papers themselves. A page of 30 references costs two or three requests.
   */
  private async fetchRound(items: readonly FetchState[]): Promise<Harvest> {
    const now = this.now();
    const ids = items.map((i) => i.id);
    const health = await readHealth(this.deps.db);

    const koopRecords = new Map<string, DocumentRecord>();
    const motions = new Set<string>();
    /** Ids the TK API should be asked for: motions (for their votes), TK numbers, papers KOOP could not give. */
    const forTk = new Set(ids.filter(isTkDocumentNumber));
    let koopFailure: Failure | undefined;
    const koopIds = ids.filter(isKoopId);
    if (koopIds.length && health.koop.status === 'unavailable') {
      koopFailure = { message: health.koop.message ?? 'KOOP is niet bereikbaar', retryable: false };
    } else if (koopIds.length) {
      try {
        const records = await this.deps.koop.lookup(koopIds);
        for (const id of koopIds) {
          const record = records.get(id);
          if (record) {
            koopRecords.set(id, documentFromKoop(id, kindOf(id), record, now));
            if (kamerstukKey(id) && /motie/i.test(record.subrubriek ?? record.title)) {
              motions.add(id);
              forTk.add(id);
            }
          } else if (kamerstukKey(id)) {
            forTk.add(id); // KOOP may lag behind a paper published today
          }
        }
        await this.health('koop', 'ok');
      } catch (error) {
        koopFailure = asFailure(error);
        // SRU has no self-description: only its endpoint answering 404/410 means it is gone.
        const gone = error instanceof ServiceError && error.kind === 'gone';
        await this.health('koop', gone ? 'unavailable' : 'degraded', error);
      }
    }
    if (koopFailure) for (const id of koopIds) if (kamerstukKey(id)) forTk.add(id);

    const found = new Map<string, MappedDocument>();
    let tkFailure: Failure | undefined;
    let motionsUnknown: string | undefined;
    if (forTk.size && health.tk.status === 'unavailable') {
      tkFailure = { message: health.tk.message ?? 'de Tweede Kamer API is niet bereikbaar', retryable: false };
    } else if (forTk.size) {
      let source: TkSource | undefined;
      let api: TkServiceInfo | undefined;
      try {
        source = await this.deps.tk();
        api = await source.describe();
      } catch (error) {
        tkFailure = asFailure(error);
        await this.health('tk', rootStatus(error), error);
      }
      if (source && api) {
        try {
          const papers = api.can.paper
            ? [...forTk].flatMap((id) => {
                const key = kamerstukKey(id);
                return key ? [{ id, key }] : [];
              })
            : [];
          const numbers = api.can.number ? [...forTk].filter(isTkDocumentNumber) : [];
          for (const [id, doc] of await source.papers(papers)) found.set(id, doc.toRecords(id, kindOf(id), now));
          for (const [id, doc] of await source.documents(numbers)) found.set(id, doc.toRecords(id, kindOf(id), now));
          // The queries may have read `$metadata` again (the service changed under us): report what holds now.
          api = await source.describe();
          if (!api.can.paper || !api.can.decision) motionsUnknown = api.problems.join('; ');
          await this.health('tk', 'ok', undefined, api);
        } catch (error) {
          tkFailure = asFailure(error);
          await this.health('tk', 'degraded', error, api);
        }
      }
    }
    if (tkFailure && !motionsUnknown) motionsUnknown = `de Tweede Kamer API is nu niet bereikbaar`;

    return mergeRound({
      ids,
      now,
      koop: { asked: new Set(koopIds), records: koopRecords, ...(koopFailure ? { failure: koopFailure } : {}) },
      tk: {
        asked: forTk,
        found,
        ...(tkFailure ? { failure: tkFailure } : {}),
        ...(motionsUnknown ? { motionsUnknown } : {}),
      },
      motions,
      cached: await this.cache.sources(ids),
    });
  }

  /**
   * Writes a round in one transaction, so a stop between two writes can never leave the cache half-written. Tabs
   * that asked for an id while it was being fetched are told too: their names are read inside the transaction.
   */
  private async write(items: readonly FetchState[], h: Harvest): Promise<Map<number, string[]>> {
    const { db } = this.deps;
    const now = this.now();
    const tabs = new Map<number, string[]>();
    await db.transaction('rw', db.cacheTables, async () => {
      await storeRecords(db, h);
      const known = new Map(
        (await db.dossiers.bulkGet(h.dossiers.map((d) => d.id))).flatMap((d) => (d ? [[d.id, d] as const] : [])),
      );
      await db.dossiers.bulkPut(
        h.dossiers.map((d) => ({ ...d, followed: d.followed || Boolean(known.get(d.id)?.followed) })),
      );
      const current = await this.queue.tabsOf(items.map((i) => i.id));
      const missing = new Set(h.missing);
      const updated: FetchState[] = items.map((item) => {
        const { leaseUntil: _lease, ...rest } = item;
        const itemTabs = [...new Set([...item.tabs, ...(current.get(item.id) ?? [])])];
        const fresh = h.done.get(item.id);
        const failure = h.partial.get(item.id) ?? h.failed.get(item.id);
        // Tabs hear of every record written, and of nothing else: a failure is shown by the next lookup.
        if (fresh !== undefined || missing.has(item.id) || h.partial.has(item.id))
          for (const tab of itemTabs) tabs.set(tab, [...(tabs.get(tab) ?? []), item.id]);
        if (fresh !== undefined) {
          const { lastError: _e, ...ok } = rest;
          return {
            ...ok,
            status: 'done',
            attempts: 0,
            nextAttemptAt: now + fresh,
            freshUntil: now + fresh,
            fetchedAt: now,
            tabs: [],
          };
        }
        if (missing.has(item.id)) {
          const fresh = 7 * 24 * 3_600_000;
          return {
            ...rest,
            status: 'missing',
            attempts: 0,
            nextAttemptAt: now + fresh,
            freshUntil: now + fresh,
            tabs: [],
          };
        }
        const why = failure ?? { message: 'no service could be asked', retryable: true };
        const attempts = item.attempts + 1;
        // Waiting for the service: asked again after the backoff, or sooner when it heals; the tabs stay, to be told.
        return {
          ...rest,
          status: why.retryable ? 'queued' : 'failed',
          attempts,
          nextAttemptAt: now + backoff(attempts, this.random, why.retryAfter),
          lastError: why.message,
          ...(h.partial.has(item.id) ? { fetchedAt: now } : {}),
          tabs: itemTabs,
        };
      });
      await db.fetches.bulkPut(updated);
    });
    return tabs;
  }

  private async tell(tabs: Map<number, string[]>): Promise<void> {
    if (!this.deps.notify) return;
    for (const [tab, ids] of tabs) {
      try {
        await this.deps.notify(tab, await readInfos(this.deps.db, ids, this.now()));
      } catch {
        // The tab was closed or navigated away: nothing to tell.
      }
    }
  }
}

/** The watermark of the incremental refresh: the latest change time seen for followed dossiers. */
const WATERMARK = 'tk:watermark';

/** A watermark from storage or the API, accepted only as a real instant not in the future. */
function validWatermark(value: unknown, now: number): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isFinite(at) && at <= now + 60_000 ? value : undefined;
}

/**
 * Incremental refresh of followed dossiers (those a page cited a motion of): documents changed since the last
 * watermark, batched within the server's filter budget. Only documents already in the cache are updated; the
 * watermark moves to the newest change seen, so nothing is fetched twice.
 */
export async function refreshFollowed(deps: SyncDeps): Promise<number> {
  const { db } = deps;
  const now = (deps.now ?? Date.now)();
  const cache = cacheRepository(db);
  const state = stateRepository(db);
  const followed = await cache.followedDossiers();
  const numbers = [...new Set(followed.map((d) => Number(d.id.split('-')[0])).filter(Number.isFinite))];
  if (!numbers.length) return 0;
  const since = validWatermark(await state.get(WATERMARK), now) ?? new Date(now - 86_400_000).toISOString();
  const source = await deps.tk();
  const { documents, watermark } = await source.changedSince(numbers, since);
  const byNumber = await cache.documentsByTkNummer(documents.flatMap((d) => (d.tkNummer ? [d.tkNummer] : [])));
  const harvest: Pick<Harvest, 'documents' | 'motions' | 'decisions' | 'votes'> = {
    documents: [],
    motions: [],
    decisions: [],
    votes: [],
  };
  let updated = 0;
  for (const doc of documents) {
    const cached = doc.tkNummer ? byNumber.get(doc.tkNummer) : undefined;
    if (!cached) continue;
    const mapped = doc.toRecords(cached.id, cached.kind, now);
    harvest.documents.push(mapped.document);
    if (mapped.motion) harvest.motions.push(mapped.motion);
    harvest.decisions.push(...mapped.decisions);
    harvest.votes.push(...mapped.votes);
    updated++;
  }
  await db.transaction('rw', db.cacheTables, async () => {
    await storeRecords(db, harvest);
    await state.put(WATERMARK, validWatermark(watermark, now) ?? since, now);
  });
  return updated;
}
