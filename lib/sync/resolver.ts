import type { DocumentRecord, DossierRecord, FetchState } from '../db/models';
import type { KamerlensDB } from '../db/schema';
import type { KoopRecord } from '../koop/types';
import { changedInDossiersFilter, mapDocument, type RawDocument } from '../tk/adapter';
import type { TkClient } from '../tk/client';
import { backoff, FRESH_FOR, freshFor } from './freshness';
import { readHealth, type SyncHealth, writeHealth } from './health';
import { type RefInfo, readInfos } from './info';
import { documentFromKoop } from './koop-records';
import { isFetchable, isKoopId, isTkDocumentNumber, kamerstukKey, kindOf } from './sources';
import { type Records, storeRecords } from './store';

/** The KOOP side as the resolver needs it (lib/koop's client has this shape). */
export interface KoopLookup {
  lookup(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, KoopRecord>>;
}

export interface SyncDeps {
  db: KamerlensDB;
  /** A TK client for the current settings (base URL, learned filter budget). */
  tk: () => Promise<TkClient>;
  koop: KoopLookup;
  /** Tells a tab about references that arrived or changed. */
  notify?: (tabId: number, refs: RefInfo[]) => Promise<void> | void;
  now?: () => number;
  random?: () => number;
}

/** The publication facts KOOP describes best, laid over the TK's document record. */
function pick(koop: DocumentRecord): Partial<DocumentRecord> {
  return {
    ...(koop.titel ? { titel: koop.titel } : {}),
    ...(koop.datum ? { datum: koop.datum } : {}),
    ...(koop.dossierTitel ? { dossierTitel: koop.dossierTitel } : {}),
  };
}

/** How many references one round fetches at most: a page with hundreds of references costs a few requests. */
const ROUND = 200;
/** How long a claimed item is ours; a worker stopped mid-request gives its items back after this. */
const LEASE_MS = 90_000;

interface ErrorLike {
  message: string;
  retryable?: boolean;
  retryAfter?: number;
}

const asError = (e: unknown): ErrorLike => (e instanceof Error ? (e as ErrorLike) : { message: String(e) });

/** What a round found, to be written in one transaction. */
interface Harvest extends Records {
  dossiers: DossierRecord[];
  done: Map<string, number>;
  missing: string[];
  failed: Map<string, ErrorLike>;
}

/**
 * The cache's resolver. The page asks for ids and gets what the cache has at once; what is missing or stale is
 * queued in the database, fetched in rounds (Tweede Kamer API first, KOOP for the rest and as fallback), written in
 * one transaction per round, and pushed to the tabs that asked. All state is in the database, so a worker stopped at
 * any moment picks up where it was: queued items stay queued, claimed ones are given back when their lease lapses.
 */
export class Resolver {
  private running: Promise<void> | undefined;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(private readonly deps: SyncDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  /** Cached records for `ids` now; anything missing or stale is queued and fetched after this returns. */
  async lookup(ids: readonly string[], tabId?: number): Promise<{ refs: RefInfo[]; health: SyncHealth }> {
    const unique = [...new Set(ids)];
    const now = this.now();
    const refs = await readInfos(this.deps.db, unique, now);
    const due = refs.filter((r) => r.state !== 'fresh' && r.state !== 'missing' && isFetchable(r.id)).map((r) => r.id);
    if (due.length) {
      await this.enqueue(due, tabId);
      void this.run();
    }
    return { refs, health: await readHealth(this.deps.db) };
  }

  /** Queues ids (keeping their backoff if they failed recently) and remembers which tab wants them. */
  async enqueue(ids: readonly string[], tabId?: number): Promise<void> {
    const { db } = this.deps;
    const now = this.now();
    await db.transaction('rw', db.fetches, async () => {
      const existing = await db.fetches.bulkGet([...ids]);
      const rows: FetchState[] = ids.map((id, i) => {
        const row = existing[i];
        const tabs = tabId === undefined ? (row?.tabs ?? []) : [...new Set([...(row?.tabs ?? []), tabId])];
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
          tabs,
        };
      });
      await db.fetches.bulkPut(rows);
    });
  }

  /** Processes the queue until nothing is due; concurrent calls share one run. */
  run(): Promise<void> {
    this.running ??= this.loop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Queues every cached reference whose freshness has run out (the periodic alarm). */
  async requeueStale(): Promise<number> {
    const { db } = this.deps;
    const stale = await db.fetches
      .where('freshUntil')
      .below(this.now())
      .filter((f) => f.status === 'done' || f.status === 'missing')
      .primaryKeys();
    if (stale.length) await this.enqueue(stale);
    return stale.length;
  }

  private async loop(): Promise<void> {
    for (;;) {
      const claimed = await this.claim();
      if (!claimed.length) return;
      const harvest = await this.fetchRound(claimed);
      const tabs = await this.write(claimed, harvest);
      await this.tell(tabs);
    }
  }

  /** Takes up to a round's worth of due items, marking them as being fetched (with a lease). */
  private async claim(): Promise<FetchState[]> {
    const { db } = this.deps;
    const now = this.now();
    return db.transaction('rw', db.fetches, async () => {
      const due = await db.fetches
        .where('nextAttemptAt')
        .belowOrEqual(now)
        .filter((f) => f.status === 'queued' || (f.status === 'fetching' && (f.leaseUntil ?? 0) < now))
        .limit(ROUND)
        .toArray();
      const claimed = due.map((f) => ({ ...f, status: 'fetching' as const, leaseUntil: now + LEASE_MS }));
      await db.fetches.bulkPut(claimed);
      return claimed;
    });
  }

  /**
   * One round: KOOP first, for every publication (up to 50 ids a request, and it knows Eerste Kamer and older papers
   * too); then the Tweede Kamer API for what only it has: motions' decisions and votes, TK document numbers, and —
   * when KOOP fails or lacks a paper — the papers themselves. A page of 30 references costs two or three requests.
   */
  private async fetchRound(items: readonly FetchState[]): Promise<Harvest> {
    const now = this.now();
    const harvest: Harvest = {
      documents: [],
      motions: [],
      decisions: [],
      votes: [],
      dossiers: [],
      done: new Map(),
      missing: [],
      failed: new Map(),
    };
    const ids = items.map((i) => i.id);
    const health = await readHealth(this.deps.db);
    const fromKoop = new Map<string, DocumentRecord>();
    /** Ids the TK API should be asked for: motions (for their votes), TK numbers, papers KOOP could not give. */
    const forTk = new Set(ids.filter(isTkDocumentNumber));
    let koopFailure: ErrorLike | undefined;

    const koopIds = ids.filter(isKoopId);
    if (koopIds.length && health.koop.status !== 'unavailable') {
      try {
        const records = await this.deps.koop.lookup(koopIds);
        for (const id of koopIds) {
          const record = records.get(id);
          if (record) {
            fromKoop.set(id, documentFromKoop(id, record, now));
            if (kamerstukKey(id) && /motie/i.test(record.subrubriek ?? record.title)) forTk.add(id);
          } else if (kamerstukKey(id)) {
            forTk.add(id); // KOOP may lag behind a paper published today
          }
        }
        await writeHealth(this.deps.db, 'koop', { status: 'ok' }, now);
      } catch (error) {
        koopFailure = asError(error);
        const status = koopFailure.retryable ? 'degraded' : 'unavailable';
        await writeHealth(this.deps.db, 'koop', { status, message: koopFailure.message }, now);
      }
    }
    if (koopFailure || health.koop.status === 'unavailable')
      for (const id of koopIds) if (kamerstukKey(id)) forTk.add(id);

    const fromTk = new Map<string, RawDocument>();
    let tkFailure: ErrorLike | undefined;
    if (forTk.size && health.tk.status !== 'unavailable') {
      try {
        const tk = await this.deps.tk();
        const papers = [...forTk].flatMap((id) => {
          const key = kamerstukKey(id);
          return key ? [{ id, key }] : [];
        });
        const numbers = [...forTk].filter(isTkDocumentNumber);
        if (papers.length) for (const [id, doc] of (await tk.kamerstukken(papers)).found) fromTk.set(id, doc);
        if (numbers.length) for (const [id, doc] of (await tk.documentNummers(numbers)).found) fromTk.set(id, doc);
        await writeHealth(this.deps.db, 'tk', { status: 'ok' }, now);
      } catch (error) {
        tkFailure = asError(error);
        const status = tkFailure.retryable ? 'degraded' : 'unavailable';
        await writeHealth(this.deps.db, 'tk', { status, message: tkFailure.message }, now);
      }
    } else if (forTk.size) {
      tkFailure = { message: health.tk.message ?? 'the Tweede Kamer API is unavailable', retryable: false };
    }

    for (const id of ids) {
      const raw = fromTk.get(id);
      const koopDoc = fromKoop.get(id);
      if (raw) {
        const mapped = mapDocument(raw, id, kindOf(id), now);
        // KOOP's title and date are the publication's; the TK adds the motion and the document number.
        harvest.documents.push(koopDoc ? { ...mapped.document, ...pick(koopDoc), source: 'tk' } : mapped.document);
        if (mapped.motion) harvest.motions.push(mapped.motion);
        harvest.decisions.push(...mapped.decisions);
        harvest.votes.push(...mapped.votes);
        if (mapped.dossier)
          harvest.dossiers.push({ ...mapped.dossier, followed: Boolean(mapped.motion), fetchedAt: now });
        harvest.done.set(id, freshFor(mapped.motion ? { motionStatus: mapped.motion.status } : {}));
      } else if (koopDoc) {
        harvest.documents.push(koopDoc);
        // A motion whose votes could not be read (TK failing now) is asked again soon; its metadata is shown meanwhile.
        harvest.done.set(id, forTk.has(id) && tkFailure?.retryable ? FRESH_FOR.undecidedMotion / 4 : freshFor({}));
      } else if (koopFailure && !(forTk.has(id) && !tkFailure)) {
        harvest.failed.set(id, koopFailure);
      } else if (forTk.has(id) && tkFailure) {
        harvest.failed.set(id, tkFailure);
      } else {
        harvest.missing.push(id);
      }
    }
    return harvest;
  }

  /** Writes a round in one transaction, so a stop between two writes can never leave the cache half-written. */
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
      const missing = new Set(h.missing);
      const updated: FetchState[] = items.map((item) => {
        const { leaseUntil: _lease, ...rest } = item;
        const fresh = h.done.get(item.id);
        for (const tab of item.tabs) tabs.set(tab, [...(tabs.get(tab) ?? []), item.id]);
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
          const fresh = freshFor({ missing: true });
          return {
            ...rest,
            status: 'missing',
            attempts: 0,
            nextAttemptAt: now + fresh,
            freshUntil: now + fresh,
            tabs: [],
          };
        }
        const failure = h.failed.get(item.id) ?? { message: 'no service could be asked', retryable: true };
        const attempts = item.attempts + 1;
        const wait = backoff(attempts, this.random, failure.retryAfter);
        // Retryable: back in the queue after the backoff (its stale record, if any, is served meanwhile).
        return {
          ...rest,
          status: failure.retryable ? 'queued' : 'failed',
          attempts,
          nextAttemptAt: now + wait,
          lastError: failure.message,
          tabs: failure.retryable ? item.tabs : [],
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

/** The watermark of the incremental refresh: the latest `ApiGewijzigdOp` seen for followed dossiers. */
const WATERMARK = 'tk:watermark';

/**
 * Incremental refresh of followed dossiers (those a page cited a motion of): documents changed since the last
 * watermark, by `ApiGewijzigdOp`, in one query. Only documents already in the cache are updated; the watermark moves
 * to the newest change seen, so nothing is fetched twice.
 */
export async function refreshFollowed(deps: SyncDeps): Promise<number> {
  const { db } = deps;
  const now = (deps.now ?? Date.now)();
  // Few dossiers are followed; a scan is cheaper than an index (IndexedDB cannot index booleans anyway).
  const followed = await db.dossiers.filter((d) => d.followed).toArray();
  const numbers = [...new Set(followed.map((d) => Number(d.id.split('-')[0])).filter(Number.isFinite))];
  if (!numbers.length) return 0;
  const since =
    ((await db.syncState.get(WATERMARK))?.value as string | undefined) ?? new Date(now - 86_400_000).toISOString();
  const tk = await deps.tk();
  const rows = await tk.documents(changedInDossiersFilter(numbers, since));
  let updated = 0;
  let watermark = since;
  const harvest: Records = { documents: [], motions: [], decisions: [], votes: [] };
  // One read for all changed documents: which of them the cache holds, by TK number.
  const numbersSeen = rows.flatMap((r) => (r.DocumentNummer ? [r.DocumentNummer] : []));
  const byNumber = new Map(
    (await db.documents.where('tkNummer').anyOf(numbersSeen).toArray()).map((d) => [d.tkNummer!, d] as const),
  );
  for (const raw of rows) {
    if (raw.ApiGewijzigdOp && raw.ApiGewijzigdOp > watermark) watermark = raw.ApiGewijzigdOp;
    const cached = raw.DocumentNummer ? byNumber.get(raw.DocumentNummer) : undefined;
    if (!cached) continue;
    const mapped = mapDocument(raw, cached.id, cached.kind, now);
    harvest.documents.push(mapped.document);
    if (mapped.motion) harvest.motions.push(mapped.motion);
    harvest.decisions.push(...mapped.decisions);
    harvest.votes.push(...mapped.votes);
    updated++;
  }
  await db.transaction('rw', db.cacheTables, async () => {
    await storeRecords(db, harvest);
    await db.syncState.put({ key: WATERMARK, value: watermark, updatedAt: now });
  });
  return updated;
}
