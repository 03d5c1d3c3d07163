import { getText } from '../net/http';
import { KOOP_SERVICE, parseSearchRetrieveResponse } from './sru-parse';
import { identifiersQuery } from './sru-query';
import type { KoopRecord, SruPage } from './types';

export type { KoopRecord, SruPage } from './types';

export const DEFAULT_BASE_URL = 'https://repository.overheid.nl/sru';

export interface KoopClientOptions {
  /** The SRU endpoint; tests point it at the mock service. */
  baseUrl?: string;
  /** Injected so tests and the service worker can supply their own; defaults to the global fetch (lib/net/http). */
  fetch?: typeof fetch;
  /** Limit for each HTTP request, body included (default 15 000 ms). */
  timeoutMs?: number;
  /** Identifiers per request (default 50, at most 1000): keeps URLs and responses a sane size. */
  maxPerRequest?: number;
}

export interface KoopSearchOptions {
  signal?: AbortSignal;
  /** Stop after this many records (default 500): KOOP answers deep paging with 503s. */
  limit?: number;
}

export interface KoopClient {
  /**
   * Metadata for each identifier KOOP knows, in as few requests as `maxPerRequest` allows. Identifiers missing from
   * the map are unknown to KOOP (or outside `officielepublicaties`). Throws ServiceError (lib/net/http); when `signal`
   * aborts, rejects with its reason, like fetch.
   */
  lookup(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, KoopRecord>>;
  /** All records for a CQL query (see sru-query.ts), following `nextRecordPosition` up to `limit`. */
  search(query: string, options?: KoopSearchOptions): Promise<KoopRecord[]>;
}

/** Page size for `search`: big pages mean fewer requests, but a gzd record is a few kilobytes. */
const SEARCH_PAGE_SIZE = 250;

/**
 * A client for KOOP's SRU service, usable from an MV3 service worker (fetch only, no DOM). Batches run one request
 * at a time, so one page's lookups never put more than one request in flight against a public service.
 */
export function createKoopClient(options: KoopClientOptions = {}): KoopClient {
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxPerRequest = options.maxPerRequest ?? 50;
  if (!(timeoutMs > 0)) throw new RangeError(`timeoutMs must be positive, got ${timeoutMs}`);
  if (!Number.isInteger(maxPerRequest) || maxPerRequest < 1 || maxPerRequest > 1000) {
    throw new RangeError(`maxPerRequest must be an integer from 1 to 1000, got ${maxPerRequest}`);
  }

  async function fetchPage(query: string, startRecord: number, maximumRecords: number, signal?: AbortSignal) {
    const url = new URL(baseUrl);
    url.search = new URLSearchParams({
      operation: 'searchRetrieve',
      version: '2.0',
      query,
      maximumRecords: String(maximumRecords),
      startRecord: String(startRecord),
      recordSchema: 'gzd',
      httpAccept: 'application/xml',
    }).toString();
    const text = await getText(KOOP_SERVICE, url, {
      ...(options.fetch ? { fetch: options.fetch } : {}),
      timeoutMs,
      ...(signal ? { signal } : {}),
      accept: 'application/xml, text/xml;q=0.9',
    });
    return parseSearchRetrieveResponse(text);
  }

  async function lookup(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, KoopRecord>> {
    const wanted = [...new Set(ids)].filter((id) => id.trim() !== '');
    const found = new Map<string, KoopRecord>();
    for (let i = 0; i < wanted.length; i += maxPerRequest) {
      const batch = wanted.slice(i, i + maxPerRequest);
      const asked = new Set(batch);
      const query = identifiersQuery(batch);
      let remaining = batch.length;
      await eachPage(
        (start) => fetchPage(query, start, batch.length, signal),
        // A server may return duplicates (one id in two collections); a bound keeps that from paging forever.
        batch.length * 4,
        (page) => {
          for (const record of page.records) {
            // Only what was asked for: a token-matching server would also return the rest of a dossier.
            if (asked.has(record.identifier) && !found.has(record.identifier)) {
              found.set(record.identifier, record);
              remaining--;
            }
          }
          return remaining > 0;
        },
      );
    }
    return found;
  }

  async function search(query: string, { signal, limit = 500 }: KoopSearchOptions = {}): Promise<KoopRecord[]> {
    const records: KoopRecord[] = [];
    if (limit <= 0) return records;
    const pageSize = Math.max(1, Math.min(limit, SEARCH_PAGE_SIZE));
    await eachPage(
      (start) => fetchPage(query, start, Math.min(pageSize, limit - records.length), signal),
      limit,
      (page) => {
        records.push(...page.records.slice(0, limit - records.length));
        return records.length < limit;
      },
    );
    return records;
  }

  return { lookup, search };
}

/**
 * Follows `nextRecordPosition` while `take` wants more. Stops as well on an empty page, a position that does not
 * advance, or after `maxRecords` records, so a misbehaving server cannot keep the worker paging.
 */
async function eachPage(
  fetchPage: (startRecord: number) => Promise<SruPage>,
  maxRecords: number,
  take: (page: SruPage) => boolean,
): Promise<void> {
  let start = 1;
  let seen = 0;
  for (;;) {
    const page = await fetchPage(start);
    seen += page.records.length;
    const next = page.nextRecordPosition;
    if (!take(page) || next === undefined || next <= start || page.records.length === 0 || seen >= maxRecords) return;
    start = next;
  }
}
