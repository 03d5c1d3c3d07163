import { getJson, type HttpOptions, ServiceError } from '../net/http';
import {
  documentNummerFilter,
  documentsUrl,
  dossierKey,
  filterSize,
  type KamerstukKey,
  kamerstukFilter,
  type RawDocument,
  type RawPage,
} from './adapter';

const SERVICE = 'Tweede Kamer API';

export interface TkClientOptions extends Omit<HttpOptions, 'signal'> {
  baseUrl: string;
  /** The largest filter (in nodes, see filterSize) the server accepted before; learned, kept by the caller. */
  filterBudget?: number;
  /** Told when a rejected filter taught a smaller budget, so the caller can remember it. */
  onFilterBudget?: (budget: number) => void;
}

/** The first guess at what the server accepts: a peer reports a limit of 100 nodes (data-sources.md §1.4). */
export const DEFAULT_FILTER_BUDGET = 100;

export interface KamerstukRequest {
  id: string;
  key: KamerstukKey;
}

export interface TkLookup {
  /** Documents found, by the reference id asked for. */
  found: Map<string, RawDocument>;
  requests: number;
}

function isPage(x: unknown): x is RawPage<RawDocument> {
  return typeof x === 'object' && x !== null && Array.isArray((x as RawPage<RawDocument>).value);
}

/**
 * The Tweede Kamer OData client: few requests (many references in one `$filter`, everything a badge needs in one
 * `$expand`), pages followed by their `@odata.nextLink` as given, deleted records (tombstones) skipped.
 */
export function createTkClient(options: TkClientOptions) {
  let budget = options.filterBudget ?? DEFAULT_FILTER_BUDGET;
  let requests = 0;

  async function documents(filter: string, signal?: AbortSignal): Promise<RawDocument[]> {
    const rows: RawDocument[] = [];
    let url: string | undefined = documentsUrl(options.baseUrl, filter);
    while (url) {
      requests++;
      const page: unknown = await getJson(SERVICE, url, { ...options, signal });
      if (!isPage(page)) {
        throw new ServiceError(
          SERVICE,
          'malformed',
          `the answer from ${url} has no "value" list: is this an OData v4 service?`,
        );
      }
      rows.push(...page.value.filter((d) => d && !d.Verwijderd));
      // Follow the server's link verbatim (it may carry a $skiptoken); never build $skip ourselves.
      url = page['@odata.nextLink'];
    }
    return rows;
  }

  /** Runs a batch; a filter the server finds too complex is split in two, and the smaller size remembered. */
  async function batched<T>(items: readonly T[], filterOf: (batch: readonly T[]) => string, signal?: AbortSignal) {
    const out: RawDocument[] = [];
    const queue: T[][] = [];
    let current: T[] = [];
    for (const item of items) {
      if (current.length && filterSize(filterOf([...current, item])) > budget) {
        queue.push(current);
        current = [];
      }
      current.push(item);
    }
    if (current.length) queue.push(current);
    while (queue.length) {
      const batch = queue.shift()!;
      try {
        out.push(...(await documents(filterOf(batch), signal)));
      } catch (error) {
        if (!(error instanceof ServiceError) || error.kind !== 'rejected' || batch.length === 1) throw error;
        budget = Math.max(4, Math.floor(filterSize(filterOf(batch)) / 2));
        options.onFilterBudget?.(budget);
        const half = Math.ceil(batch.length / 2);
        queue.unshift(batch.slice(0, half), batch.slice(half));
      }
    }
    return out;
  }

  return {
    /** Kamerstukken by dossier, toevoeging and volgnummer. */
    async kamerstukken(refs: readonly KamerstukRequest[], signal?: AbortSignal): Promise<TkLookup> {
      requests = 0;
      const rows = await batched(refs, (batch) => kamerstukFilter(batch.map((r) => r.key)), signal);
      const wanted = new Map(
        refs.map((r) => [
          `${r.key.dossier}${r.key.toevoeging ? `-${r.key.toevoeging}` : ''}#${r.key.volgnummer}`,
          r.id,
        ]),
      );
      const found = new Map<string, RawDocument>();
      for (const doc of rows) {
        // A joint document belongs to several dossiers: any of them may be the one cited.
        for (const d of doc.Kamerstukdossier ?? []) {
          const id = wanted.get(`${dossierKey(d)}#${doc.Volgnummer}`);
          if (id && !found.has(id)) found.set(id, doc);
        }
      }
      return { found, requests };
    },

    /** TK documents by number (`2019D41229`). */
    async documentNummers(numbers: readonly string[], signal?: AbortSignal): Promise<TkLookup> {
      requests = 0;
      const rows = await batched(numbers, documentNummerFilter, signal);
      const found = new Map<string, RawDocument>();
      for (const doc of rows)
        if (doc.DocumentNummer && numbers.includes(doc.DocumentNummer)) found.set(doc.DocumentNummer, doc);
      return { found, requests };
    },

    /** Any document filter (incremental refresh). */
    documents: (filter: string, signal?: AbortSignal) => documents(filter, signal),

    get filterBudget() {
      return budget;
    },
  };
}

export type TkClient = ReturnType<typeof createTkClient>;
