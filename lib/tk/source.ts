import { getJson, getText, type HttpOptions, ServiceError } from '../net/http';
import { type Lack, lackMessage, resolveVocabulary, type Vocabulary } from './concepts';
import { type Row, readDocument, type TkDocument } from './mapping';
import { loadSchema, MetadataError, parseMetadata, type StoredSchema, storeSchema } from './metadata';
import {
  changedInDossiersFilter,
  documentNumberFilter,
  documentsUrl,
  filterSize,
  type KamerstukKey,
  kamerstukFilter,
} from './query';
import { alternateBase, tkVersionOf } from './versions';

export const TK_SERVICE = 'Tweede Kamer API';

/** How long a `$metadata` is trusted before it is read again (and at once when a query names an unknown property). */
export const METADATA_MAX_AGE = 7 * 24 * 3_600_000;
/** The first guess at what the server accepts: 100 nodes (data-sources.md §1.1a, #187); learned from its 400s. */
export const DEFAULT_FILTER_BUDGET = 100;
/** Pages followed for one query at most: a server that keeps sending nextLinks cannot keep the worker busy. */
const MAX_PAGES = 50;

/** What the sync keeps of a service's self-description, per configured base URL. */
export interface MetadataEntry {
  /** The base URL in use: the configured one, or the other known version when that one is gone. */
  baseUrl: string;
  schema: StoredSchema;
  fetchedAt: number;
}

/** Where `$metadata` is kept between worker starts (lib/db/repositories.ts puts it in IndexedDB). */
export interface MetadataCache {
  get(configuredBase: string): Promise<MetadataEntry | undefined>;
  put(configuredBase: string, entry: MetadataEntry): Promise<void>;
}

export interface TkSourceOptions extends Omit<HttpOptions, 'signal'> {
  baseUrl: string;
  metadata: MetadataCache;
  filterBudget?: number;
  onFilterBudget?: (budget: number) => void;
  now?: () => number;
}

/** How the service in use describes itself, for the options page and the badges. */
export interface TkServiceInfo {
  configuredBaseUrl: string;
  baseUrl: string;
  /** `v5`, `v4/2.0`, or undefined for a base URL of another shape. */
  version?: string;
  /** The configured base answered 404/410 and the other known version is used instead. */
  fellBack: boolean;
  metadataAt: number;
  lacking: Lack[];
  can: Vocabulary['can'];
  /** "de Tweede Kamer API levert … niet meer", one per essential ability lost. */
  problems: string[];
}

export interface KamerstukRequest {
  id: string;
  key: KamerstukKey;
}

/** Kamerlens' view of the Tweede Kamer API: our records in, our records out; no API name leaves lib/tk. */
export interface TkSource {
  /** Reads (or refreshes) `$metadata`. Throws ServiceError when the service itself cannot be reached or is gone. */
  describe(signal?: AbortSignal): Promise<TkServiceInfo>;
  /** Kamerstukken by dossier, toevoeging and ondernummer, by the reference id asked for. */
  papers(refs: readonly KamerstukRequest[], signal?: AbortSignal): Promise<Map<string, TkDocument>>;
  /** TK documents by number (`2019D41229`). */
  documents(numbers: readonly string[], signal?: AbortSignal): Promise<Map<string, TkDocument>>;
  /** Documents of these dossiers changed after `since` (an instant), and the new watermark. */
  changedSince(
    dossiers: readonly number[],
    since: string,
    signal?: AbortSignal,
  ): Promise<{ documents: TkDocument[]; watermark: string }>;
  /** Requests sent so far (for the bench and tests). */
  readonly requests: number;
}

const isUnknownProperty = (e: unknown) =>
  e instanceof ServiceError &&
  e.kind === 'rejected' &&
  /could not find a property|not.*declared|unknown property/i.test(e.message);

const isGone = (e: unknown) => e instanceof ServiceError && e.kind === 'gone';

/** After a failed refresh, the cached description is used this long before `$metadata` is asked again. */
const REFRESH_RETRY_MS = 5 * 60_000;

const isPage = (x: unknown): x is { value: unknown[]; '@odata.nextLink'?: unknown } =>
  typeof x === 'object' && x !== null && Array.isArray((x as { value?: unknown }).value);

export function createTkSource(options: TkSourceOptions): TkSource {
  const now = options.now ?? Date.now;
  const configured = options.baseUrl.replace(/\/+$/, '');
  const http: HttpOptions = {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  };
  let budget = options.filterBudget ?? DEFAULT_FILTER_BUDGET;
  let requests = 0;
  let current: { entry: MetadataEntry; vocabulary: Vocabulary } | undefined;

  async function fetchMetadata(base: string, signal?: AbortSignal): Promise<StoredSchema> {
    requests++;
    const xml = await getText(TK_SERVICE, `${base}/$metadata`, { ...http, ...(signal ? { signal } : {}) });
    try {
      return storeSchema(parseMetadata(xml));
    } catch (error) {
      if (error instanceof MetadataError)
        throw new ServiceError(TK_SERVICE, 'malformed', `${base}/$metadata: ${error.message}`);
      throw error;
    }
  }

  /** Reads `$metadata` at the configured base, or once at the other known version when the configured one is gone. */
  async function refresh(signal?: AbortSignal): Promise<MetadataEntry> {
    let schema: StoredSchema;
    let baseUrl = configured;
    try {
      schema = await fetchMetadata(configured, signal);
    } catch (error) {
      const other = alternateBase(configured);
      if (!(error instanceof ServiceError) || error.kind !== 'gone' || !other) throw error;
      try {
        schema = await fetchMetadata(other, signal);
      } catch {
        throw error; // the configured one's failure is the one to report
      }
      baseUrl = other;
    }
    const entry = { baseUrl, schema, fetchedAt: now() };
    await options.metadata.put(configured, entry);
    return entry;
  }

  function use(entry: MetadataEntry) {
    current = { entry, vocabulary: resolveVocabulary(loadSchema(entry.schema)) };
    return current;
  }

  let failedRefreshAt = -Infinity;

  async function ready(signal?: AbortSignal, force = false) {
    if (current && !force && now() - current.entry.fetchedAt < METADATA_MAX_AGE) return current;
    const cached = force ? undefined : (current?.entry ?? (await options.metadata.get(configured)));
    if (cached && now() - cached.fetchedAt < METADATA_MAX_AGE) return use(cached);
    // A refresh that just failed is not repeated for every query of the round: the old description serves a while.
    if (cached && now() - failedRefreshAt < REFRESH_RETRY_MS) return use(cached);
    try {
      return use(await refresh(signal));
    } catch (error) {
      // An outage is no reason to forget what the service looked like: keep using the old description.
      if (cached && error instanceof ServiceError && error.retryable) {
        failedRefreshAt = now();
        return use(cached);
      }
      throw error;
    }
  }

  /** Only links on the service's own origin over https (or the origin in use), a bounded number, none twice. */
  function nextUrl(link: unknown, base: string, seen: Set<string>): string | undefined {
    if (typeof link !== 'string') return undefined;
    let url: URL;
    try {
      url = new URL(link, `${base}/`);
    } catch {
      throw new ServiceError(TK_SERVICE, 'malformed', 'the answer has an unreadable @odata.nextLink');
    }
    if (url.origin !== new URL(base).origin || seen.has(url.href))
      throw new ServiceError(TK_SERVICE, 'malformed', `the answer's @odata.nextLink leaves the service or repeats`);
    if (seen.size >= MAX_PAGES)
      throw new ServiceError(TK_SERVICE, 'malformed', `more than ${MAX_PAGES} pages for one query`);
    return url.href;
  }

  async function rows(filter: (v: Vocabulary) => string, byChange: boolean, signal?: AbortSignal): Promise<Row[]> {
    for (let attempt = 0; ; attempt++) {
      const { entry, vocabulary } = await ready(signal, attempt > 0);
      const out: Row[] = [];
      const seen = new Set<string>();
      let url: string | undefined = documentsUrl(entry.baseUrl, vocabulary, filter(vocabulary), byChange);
      try {
        while (url) {
          seen.add(url);
          requests++;
          const page: unknown = await getJson(TK_SERVICE, url, { ...http, ...(signal ? { signal } : {}) });
          if (!isPage(page))
            throw new ServiceError(
              TK_SERVICE,
              'malformed',
              'the answer has no "value" list: is this an OData v4 service?',
            );
          for (const row of page.value) if (typeof row === 'object' && row !== null) out.push(row as Row);
          // Followed verbatim (it may carry a $skiptoken); never built from $skip.
          url = nextUrl(page['@odata.nextLink'], entry.baseUrl, seen);
        }
        return out;
      } catch (error) {
        // The service changed under us (a property gone, or this version's path gone while its description was
        // cached): read its description again, once, which also falls back to the other version, and rebuild.
        if (attempt === 0 && (isUnknownProperty(error) || isGone(error))) continue;
        throw error;
      }
    }
  }

  /** Runs a batch; a filter the server finds too complex is split in two, and the smaller size remembered. */
  async function batched<T>(
    items: readonly T[],
    filterOf: (v: Vocabulary, batch: readonly T[]) => string,
    byChange: boolean,
    signal?: AbortSignal,
  ): Promise<TkDocument[]> {
    const { vocabulary } = await ready(signal);
    const queue: T[][] = [];
    let batch: T[] = [];
    for (const item of items) {
      if (batch.length && filterSize(filterOf(vocabulary, [...batch, item])) > budget) {
        queue.push(batch);
        batch = [];
      }
      batch.push(item);
    }
    if (batch.length) queue.push(batch);
    const out: TkDocument[] = [];
    while (queue.length) {
      const next = queue.shift()!;
      try {
        const found = await rows((v) => filterOf(v, next), byChange, signal);
        for (const row of found) {
          const doc = readDocument(current!.vocabulary, row);
          if (doc) out.push(doc);
        }
      } catch (error) {
        if (
          !(error instanceof ServiceError) ||
          error.kind !== 'rejected' ||
          isUnknownProperty(error) ||
          next.length === 1
        )
          throw error;
        budget = Math.max(4, Math.floor(filterSize(filterOf(vocabulary, next)) / 2));
        options.onFilterBudget?.(budget);
        const half = Math.ceil(next.length / 2);
        queue.unshift(next.slice(0, half), next.slice(half));
      }
    }
    return out;
  }

  function unable(v: Vocabulary, need: 'paper' | 'number'): never {
    throw new ServiceError(TK_SERVICE, 'rejected', lackMessage(v, need) ?? 'de Tweede Kamer API kan dit niet');
  }

  return {
    async describe(signal) {
      const { entry, vocabulary } = await ready(signal);
      const problems = (['paper', 'number', 'decision'] as const).flatMap((need) => {
        const message = lackMessage(vocabulary, need);
        return message ? [message] : [];
      });
      const version = tkVersionOf(entry.baseUrl);
      return {
        configuredBaseUrl: configured,
        baseUrl: entry.baseUrl,
        ...(version ? { version } : {}),
        fellBack: entry.baseUrl !== configured,
        metadataAt: entry.fetchedAt,
        lacking: vocabulary.lacking,
        can: vocabulary.can,
        problems,
      };
    },

    async papers(refs, signal) {
      const found = new Map<string, TkDocument>();
      if (!refs.length) return found;
      const { vocabulary } = await ready(signal);
      if (!vocabulary.can.paper) unable(vocabulary, 'paper');
      const docs = await batched(
        refs,
        (v, batch) =>
          kamerstukFilter(
            v,
            batch.map((r) => r.key),
          ),
        false,
        signal,
      );
      const wanted = new Map(
        refs.map((r) => [
          `${r.key.dossier}${r.key.toevoeging ? `-${r.key.toevoeging}` : ''}#${r.key.volgnummer}`,
          r.id,
        ]),
      );
      for (const doc of docs) {
        // A joint document belongs to several dossiers: any of them may be the one cited.
        for (const key of doc.kamerstukKeys) {
          const id = wanted.get(key);
          if (id && !found.has(id)) found.set(id, doc);
        }
      }
      return found;
    },

    async documents(numbers, signal) {
      const found = new Map<string, TkDocument>();
      if (!numbers.length) return found;
      const { vocabulary } = await ready(signal);
      if (!vocabulary.can.number) unable(vocabulary, 'number');
      const wanted = new Set(numbers.map((n) => n.toUpperCase()));
      for (const doc of await batched(numbers, documentNumberFilter, false, signal)) {
        // Text comparison on the server is case-insensitive (#194); ours is exact to what was asked.
        const nummer = doc.tkNummer?.toUpperCase();
        if (nummer && wanted.has(nummer)) found.set(numbers.find((n) => n.toUpperCase() === nummer)!, doc);
      }
      return found;
    },

    async changedSince(dossiers, since, signal) {
      const { vocabulary } = await ready(signal);
      if (!dossiers.length || !vocabulary.names.documentChanged || !vocabulary.can.paper)
        return { documents: [], watermark: since };
      const documents = await batched(dossiers, (v, batch) => changedInDossiersFilter(v, batch, since), true, signal);
      let watermark = since;
      for (const doc of documents)
        if (doc.changedAt && Date.parse(doc.changedAt) > Date.parse(watermark)) watermark = doc.changedAt;
      return { documents, watermark };
    },

    get requests() {
      return requests;
    },
  };
}
