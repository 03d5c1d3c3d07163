import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../lib/net/http';
import { kamerstukKey } from '../../../lib/sync/sources';
import type { Row } from '../../../lib/tk/mapping';
import {
  createTkSource,
  type KamerstukRequest,
  METADATA_MAX_AGE,
  type MetadataCache,
  type MetadataEntry,
  type TkSourceOptions,
} from '../../../lib/tk/source';
import { catalogue } from '../../support/mock-api/catalogue';
import { type MockApi, startMockApi } from '../../support/mock-api/server';
import { recordingFetch, type Seen } from '../../support/recording-fetch';

/*
 * The Tweede Kamer source over real HTTP against the OData mock (tests/support/mock-api), which answers like the
 * real API v5 and v4/2.0: its own `$metadata`, 400 for an undeclared property or a `$top` over 100, paging by
 * nextLink, tombstones, 404 at a version's root when that version does not run, and every fault switch.
 */

let api: MockApi;
beforeAll(async () => {
  api = await startMockApi({ tkVersions: ['v5'] });
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.resetFaults();
  api.resetTkSchema();
  api.clearRequests();
  seen.length = 0;
});

/** Every answer the source got (status, and the body of a 400), in order. */
const seen: Seen[] = [];
const recording = (inner?: typeof fetch) => recordingFetch(seen, inner);

afterEach(() => {
  // Whatever a test did, no query ever reached for the limits of v5: no $top, an explicit order on every query.
  for (const { url } of seen.filter((s) => /\/Document\?/.test(s.url))) {
    expect(url).toContain('$orderby=');
    expect(url).not.toMatch(/\$top=/);
  }
  expect(seen.filter((s) => /limit of '\d+' for Top/.test(s.body ?? ''))).toEqual([]);
});

function memoryCache(): MetadataCache & { entries: Map<string, MetadataEntry>; puts: number } {
  const entries = new Map<string, MetadataEntry>();
  return {
    entries,
    puts: 0,
    async get(base) {
      const entry = entries.get(base);
      // As IndexedDB gives it back: a copy.
      return entry ? structuredClone(entry) : undefined;
    },
    async put(base, entry) {
      this.puts++;
      entries.set(base, structuredClone(entry));
    },
  };
}

function source(options: Partial<TkSourceOptions> & { baseUrl: string }) {
  return createTkSource({ metadata: memoryCache(), fetch: recording(), ...options });
}

const request = (id: string): KamerstukRequest => ({ id, key: kamerstukKey(id)! });
const entry = (id: string) => catalogue().find((e) => e.obId === id)!;
/** Motions and a letter the mock always has (also without ../shared). */
const PAPERS = ['kst-19637-2380', 'kst-19637-2321', 'kst-19637-2375'];
const metadataRequests = () => seen.filter((s) => s.url.endsWith('/$metadata'));
const queries = () => seen.filter((s) => /\/Document\?/.test(s.url));

describe.each([
  { version: 'v5', reported: 'v5', base: () => api.baseUrl.tkV5, ondernummer: 'Ondernummer', nummer: 'Nummer' },
  {
    version: 'v4',
    reported: 'v4/2.0',
    base: () => api.baseUrl.tkV4,
    ondernummer: 'Volgnummer',
    nummer: 'DocumentNummer',
  },
] as const)('API $version', ({ version, reported, base, ondernummer, nummer }) => {
  beforeEach(() => {
    api.setTkSchema({ versions: [version] });
  });

  it('describes itself from its $metadata', async () => {
    const info = await source({ baseUrl: base() }).describe();
    expect(info).toMatchObject({
      configuredBaseUrl: base(),
      baseUrl: base(),
      version: reported,
      fellBack: false,
      lacking: [],
      can: { paper: true, number: true, decision: true },
      problems: [],
    });
  });

  it('finds Kamerstukken with their motions: $metadata, then one query for a small batch', async () => {
    const tk = source({ baseUrl: base() });
    const found = await tk.papers(PAPERS.map(request));
    expect([...found.keys()].sort()).toEqual([...PAPERS].sort());
    expect(tk.requests).toBe(2);
    expect(seen.map((s) => s.status)).toEqual([200, 200]);
    expect(metadataRequests()).toHaveLength(1);
    expect(queries()).toHaveLength(1);
    // Spoken in the version's own names.
    expect(queries()[0]!.url).toContain(`${ondernummer} eq 2380`);
    const aangenomen = found.get('kst-19637-2380')!.toRecords('kst-19637-2380', 'kamerstuk', 0);
    expect(aangenomen.document).toMatchObject({
      tkNummer: entry('kst-19637-2380').documentNummer,
      dossier: '19637',
      soort: 'Motie',
      source: 'tk',
    });
    expect(aangenomen.motion).toMatchObject({
      zaakNummer: entry('kst-19637-2380').motion!.zaakNummer,
      status: 'aangenomen',
      kabinetsappreciatie: expect.any(String),
    });
    const seats = (votes: { zetels: number; persoon?: string }[]) =>
      votes.filter((v) => !v.persoon).reduce((s, v) => s + v.zetels, 0);
    expect(seats(aangenomen.votes)).toBe(150);
    const verworpen = found.get('kst-19637-2321')!.toRecords('kst-19637-2321', 'kamerstuk', 0);
    expect(verworpen.motion?.status).toBe('verworpen');
    expect(verworpen.decisions.some((d) => d.stemmingsSoort === 'Hoofdelijk')).toBe(true);
    expect(found.get('kst-19637-2375')!.toRecords('kst-19637-2375', 'kamerstuk', 0).motion).toBeUndefined();
  });

  it('finds TK documents by number', async () => {
    const numbers = [entry('kst-19637-2380').documentNummer!, entry('kst-19637-2321').documentNummer!];
    const tk = source({ baseUrl: base() });
    const found = await tk.documents(numbers);
    expect([...found.keys()].sort()).toEqual([...numbers].sort());
    expect(tk.requests).toBe(2);
    expect(queries()[0]!.url).toContain(`${nummer} eq '${numbers[0]}'`);
  });

  it('asks for thirty followed dossiers in batches the server accepts (one filter with all of them did not)', async () => {
    const tk = source({ baseUrl: base() });
    const dossiers = [21501, ...Array.from({ length: 29 }, (_, i) => 40000 + i)];
    const { documents } = await tk.changedSince(dossiers, '2000-01-01T00:00:00Z');
    expect(documents.length).toBeGreaterThan(0);
    const first = queries().filter((q) => !q.url.includes('$skiptoken='));
    expect(first.length).toBeGreaterThan(1);
    expect(first.every((q) => q.status === 200)).toBe(true);
    const asked = first.flatMap((q) =>
      [...decodeURIComponent(q.url).matchAll(/k\/Nummer eq (\d+)/g)].map((m) => Number(m[1])),
    );
    expect(asked.sort()).toEqual([...dossiers].sort());
  });

  it('follows nextLinks to the last page, never with $top, and leaves tombstones out', async () => {
    // 21501-20 has hundreds of documents: pages of 100 on v5, 250 on v4/2.0.
    const tk = source({ baseUrl: base() });
    const { documents, watermark } = await tk.changedSince([21501], '2000-01-01T00:00:00Z');
    const pageSize = version === 'v5' ? 100 : 250;
    expect(documents.length).toBeGreaterThan(pageSize);
    expect(queries().length).toBeGreaterThanOrEqual(Math.ceil(documents.length / pageSize));
    expect(queries().length).toBeLessThanOrEqual(Math.ceil(documents.length / pageSize) + 1);
    expect(
      queries()
        .slice(1)
        .every((q) => q.url.includes('$skiptoken=')),
    ).toBe(true);
    expect(new Set(documents.map((d) => d.tkId)).size).toBe(documents.length);
    expect(queries()[0]!.url).toContain('Verwijderd eq false');
    // The date in Dutch time: a UTC literal would silently select another set on v5.
    expect(queries()[0]!.url).toContain('gt 2000-01-01T01:00:00+01:00');
    expect(watermark > '2000-01-01').toBe(true);
    expect(watermark).toBe(
      documents
        .map((d) => d.changedAt!)
        .sort((a, b) => Date.parse(a) - Date.parse(b))
        .at(-1),
    );
  });
});

describe('$metadata', () => {
  it('is read once and kept: a second source on the same cache sends no $metadata request', async () => {
    const cache = memoryCache();
    const first = source({ baseUrl: api.baseUrl.tkV5, metadata: cache });
    const info = await first.describe();
    await first.papers([request('kst-19637-2380')]);
    expect(metadataRequests()).toHaveLength(1);
    expect(cache.puts).toBe(1);
    expect([...cache.entries.keys()]).toEqual([api.baseUrl.tkV5]);
    seen.length = 0;
    const second = source({ baseUrl: api.baseUrl.tkV5, metadata: cache });
    expect(await second.describe()).toEqual(info);
    expect((await second.papers([request('kst-19637-2321')])).size).toBe(1);
    expect(metadataRequests()).toEqual([]);
    expect(second.requests).toBe(1);
  });

  it('is read again after a week, and not before', async () => {
    let now = Date.UTC(2026, 10, 2);
    const cache = memoryCache();
    const tk = source({ baseUrl: api.baseUrl.tkV5, metadata: cache, now: () => now });
    const t0 = now;
    expect((await tk.describe()).metadataAt).toBe(t0);
    now += METADATA_MAX_AGE - 1;
    await tk.papers([request('kst-19637-2380')]);
    // A worker started later reads the cache, not the service.
    await source({ baseUrl: api.baseUrl.tkV5, metadata: cache, now: () => now }).describe();
    expect(metadataRequests()).toHaveLength(1);
    now = t0 + METADATA_MAX_AGE;
    await tk.papers([request('kst-19637-2380')]);
    expect(metadataRequests()).toHaveLength(2);
    expect((await tk.describe()).metadataAt).toBe(now);
    expect(cache.entries.get(api.baseUrl.tkV5)?.fetchedAt).toBe(now);
    // A later worker sees the new date and asks nothing.
    expect((await source({ baseUrl: api.baseUrl.tkV5, metadata: cache, now: () => now }).describe()).metadataAt).toBe(
      now,
    );
    expect(metadataRequests()).toHaveLength(2);
  });

  it('keeps the old description when its $metadata is down at refresh time', async () => {
    let now = Date.UTC(2026, 10, 2);
    let down = false;
    const cache = memoryCache();
    const tk = source({
      baseUrl: api.baseUrl.tkV5,
      metadata: cache,
      now: () => now,
      fetch: recording(async (input, init) =>
        down && String(input).endsWith('$metadata') ? new Response('storing', { status: 503 }) : fetch(input, init),
      ),
    });
    const t0 = now;
    await tk.describe();
    now += METADATA_MAX_AGE + 1;
    down = true;
    const found = await tk.papers([request('kst-19637-2380')]);
    expect(found.size).toBe(1);
    expect(queries().map((q) => q.status)).toEqual([200]);
    expect(cache.entries.get(api.baseUrl.tkV5)?.fetchedAt).toBe(t0);
    expect((await tk.describe()).metadataAt).toBe(t0);
  });

  it('is read again at once when a query names a property the service dropped, and the query still succeeds', async () => {
    const tk = source({ baseUrl: api.baseUrl.tkV5 });
    expect((await tk.describe()).lacking).toEqual([]);
    api.setTkSchema({ drop: { Zaak: ['Kabinetsappreciatie'] } });
    const found = await tk.papers([request('kst-19637-2380')]);
    expect(found.size).toBe(1);
    expect(seen.map((s) => [s.url.endsWith('$metadata') ? '$metadata' : 'query', s.status])).toEqual([
      ['$metadata', 200],
      ['query', 400],
      ['$metadata', 200],
      ['query', 200],
    ]);
    expect(seen[1]!.body).toMatch(/Could not find a property named 'Kabinetsappreciatie'/);
    expect(seen[3]!.url).not.toContain('Kabinetsappreciatie');
    const motion = found.get('kst-19637-2380')!.toRecords('kst-19637-2380', 'kamerstuk', 0).motion!;
    expect(motion.kabinetsappreciatie).toBeUndefined();
    expect(motion.status).toBe('aangenomen');
    expect((await tk.describe()).lacking.map((l) => l.concept)).toEqual(['kabinetsappreciatie']);
  });

  it('never names a property the service does not declare', async () => {
    api.setTkSchema({ drop: { Zaak: ['Kabinetsappreciatie'], Stemming: ['Vergissing'] } });
    const tk = source({ baseUrl: api.baseUrl.tkV5 });
    const found = await tk.papers(PAPERS.map(request));
    expect(found.size).toBe(PAPERS.length);
    expect(seen.map((s) => s.status)).toEqual([200, 200]);
    expect(queries()[0]!.url).not.toMatch(/Kabinetsappreciatie|Vergissing/);
    const motion = found.get('kst-19637-2380')!.toRecords('kst-19637-2380', 'kamerstuk', 0);
    expect(motion.motion).toMatchObject({ status: 'aangenomen', statusDate: expect.any(String) });
    expect(motion.motion!.kabinetsappreciatie).toBeUndefined();
    expect(motion.votes.length).toBeGreaterThan(0);
  });

  it('says what an essential concept the service lost takes away, and asks nothing it cannot', async () => {
    api.setTkSchema({ drop: { Document: ['Ondernummer'] } });
    const tk = source({ baseUrl: api.baseUrl.tkV5 });
    const info = await tk.describe();
    expect(info.can).toEqual({ paper: false, number: true, decision: true });
    expect(info.problems).toEqual(['de Tweede Kamer API levert het ondernummer van Kamerstukken niet meer']);
    const error = await failureOf(tk.papers([request('kst-19637-2380')]));
    expect(error).toMatchObject({ kind: 'rejected', message: expect.stringMatching(/ondernummer/) });
    expect(queries()).toEqual([]);
    // Looking up by number still works.
    expect((await tk.documents([entry('kst-19637-2380').documentNummer!])).size).toBe(1);
  });

  it.each([
    ['cut off', (xml: string) => xml.slice(0, xml.length / 2)],
    ['an HTML page', () => '<!DOCTYPE html><html><body>Onderhoud</body></html>'],
  ])('that is %s is a malformed service', async (_what, mangle) => {
    const tk = source({
      baseUrl: api.baseUrl.tkV5,
      fetch: recording(async (input, init) => {
        const response = await fetch(input, init);
        if (!String(input).endsWith('$metadata')) return response;
        return new Response(mangle(await response.text()), { status: 200 });
      }),
    });
    const error = await failureOf(tk.describe());
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ kind: 'malformed', retryable: false });
  });
});

describe('the fall-back between versions', () => {
  it('uses v5 when a saved v4/2.0 URL answers 404', async () => {
    const cache = memoryCache();
    const tk = source({ baseUrl: api.baseUrl.tkV4, metadata: cache });
    const info = await tk.describe();
    expect(info).toMatchObject({
      configuredBaseUrl: api.baseUrl.tkV4,
      baseUrl: api.baseUrl.tkV5,
      version: 'v5',
      fellBack: true,
    });
    const found = await tk.papers(PAPERS.map(request));
    expect(found.size).toBe(PAPERS.length);
    expect(seen.map((s) => [new URL(s.url).pathname, s.status])).toEqual([
      ['/OData/v4/2.0/$metadata', 404],
      ['/OData/v5/$metadata', 200],
      ['/OData/v5/Document', 200],
    ]);
    // Remembered under the configured URL: the next worker goes straight to v5.
    expect(cache.entries.get(api.baseUrl.tkV4)?.baseUrl).toBe(api.baseUrl.tkV5);
    seen.length = 0;
    await source({ baseUrl: api.baseUrl.tkV4, metadata: cache }).papers([request('kst-19637-2380')]);
    expect(seen.map((s) => new URL(s.url).pathname)).toEqual(['/OData/v5/Document']);
  });

  it('uses v4/2.0 while only that runs and v5 is configured', async () => {
    api.setTkSchema({ versions: ['v4'] });
    const tk = source({ baseUrl: api.baseUrl.tkV5 });
    expect(await tk.describe()).toMatchObject({ baseUrl: api.baseUrl.tkV4, version: 'v4/2.0', fellBack: true });
    expect((await tk.papers([request('kst-19637-2380')])).size).toBe(1);
    expect(queries()[0]!.url).toContain('Volgnummer eq 2380');
  });

  // A query answered 404/410 because the version was switched off after its $metadata was cached makes the source
  // read $metadata again at once, which falls back to the other version (before, only a 400 naming an unknown
  // property did, and the fall-back waited until the cached description was a week old).
  it('falls back at once when the version in use is switched off after its $metadata was cached', async () => {
    api.setTkSchema({ versions: ['v5', 'v4'] });
    const tk = source({ baseUrl: api.baseUrl.tkV4 });
    expect((await tk.describe()).fellBack).toBe(false);
    api.setTkSchema({ versions: ['v5'] });
    expect((await tk.papers([request('kst-19637-2380')])).size).toBe(1);
    expect(await tk.describe()).toMatchObject({ baseUrl: api.baseUrl.tkV5, fellBack: true });
  });

  it('reports the configured URL’s failure when neither version answers', async () => {
    api.setFault('tk', { mode: 'gone404' });
    const error = await failureOf(source({ baseUrl: api.baseUrl.tkV5 }).describe());
    expect(error).toMatchObject({ kind: 'gone', status: 404, retryable: false });
    expect(error.message).toContain('/OData/v5/$metadata');
    expect(metadataRequests()).toHaveLength(2);
  });

  it('does not fall back on a bad moment (500), nor for a base URL of another shape', async () => {
    api.setFault('tk', { mode: 'error500', times: 1 });
    expect(await failureOf(source({ baseUrl: api.baseUrl.tkV4 }).describe())).toMatchObject({
      kind: 'http',
      status: 500,
    });
    expect(metadataRequests()).toHaveLength(1);
    seen.length = 0;
    const other = `${new URL(api.baseUrl.tkV5).origin}/OData/elders`;
    expect(await failureOf(source({ baseUrl: other }).describe())).toMatchObject({ kind: 'gone' });
    expect(metadataRequests()).toHaveLength(1);
  });
});

/** A source whose Document answers are rewritten (the $metadata is the mock's own). */
function rewriting(rewrite: (page: { value: Row[]; '@odata.nextLink'?: string }, url: string) => unknown) {
  return source({
    baseUrl: api.baseUrl.tkV5,
    fetch: recording(async (input, init) => {
      const response = await fetch(input, init);
      if (!/\/Document\?/.test(String(input))) return response;
      const body = rewrite(await response.json(), String(input));
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }),
  });
}

describe('nextLinks', () => {
  it('to another origin are refused', async () => {
    const tk = rewriting((page) => ({
      ...page,
      '@odata.nextLink': 'https://elders.example/OData/v5/Document?$skiptoken=1',
    }));
    const error = await failureOf(tk.papers([request('kst-19637-2380')]));
    expect(error).toMatchObject({ kind: 'malformed', message: expect.stringMatching(/nextLink/) });
    expect(queries()).toHaveLength(1);
  });

  it('that repeat are refused', async () => {
    const tk = rewriting((page, url) => ({ ...page, '@odata.nextLink': url }));
    const error = await failureOf(tk.papers([request('kst-19637-2380')]));
    expect(error).toMatchObject({ kind: 'malformed', message: expect.stringMatching(/repeats/) });
    expect(queries()).toHaveLength(1);
  });

  it('without end are followed a bounded number of times', async () => {
    let page = 0;
    const tk = source({
      baseUrl: api.baseUrl.tkV5,
      fetch: recording(async (input, init) => {
        if (!/\/Document\?/.test(String(input))) return fetch(input, init);
        const next = new URL(String(input));
        next.searchParams.set('$skiptoken', String(++page));
        return new Response(JSON.stringify({ value: [], '@odata.nextLink': next.href }), { status: 200 });
      }),
    });
    const error = await failureOf(tk.papers([request('kst-19637-2380')]));
    expect(error).toMatchObject({ kind: 'malformed', message: expect.stringMatching(/pages/) });
    expect(queries().length).toBeGreaterThan(1);
    expect(queries().length).toBeLessThanOrEqual(50);
  });
});

describe('rows', () => {
  const ID = 'kst-19637-2380';
  const read = async (mangle: (row: Row) => void = () => {}) => {
    const tk = rewriting((page) => {
      for (const row of page.value) mangle(row);
      return page;
    });
    return (await tk.papers([request(ID)])).get(ID)?.toRecords(ID, 'kamerstuk', 0);
  };

  it('a value of the wrong shape costs that field only', async () => {
    const clean = (await read())!;
    const odd = (await read((row) => {
      row.Datum = '20240101';
      row.Vergaderjaar = 2018;
      row.ApiGewijzigdOp = 'gisteren';
      const zaak = (row.Zaak as Row[]).find((z) => z.Soort === 'Motie')!;
      zaak.Kabinetsappreciatie = { tekst: 'Oordeel Kamer' };
      const besluit = (zaak.Besluit as Row[]).find((b) => b.BesluitSoort === 'Stemmen - aangenomen')!;
      const stem = (besluit.Stemming as Row[])[0]!;
      stem.FractieGrootte = 'drieëndertig';
    }))!;
    const { datum: _d, vergaderjaar: _v, changedAt: _c, ...document } = clean.document;
    expect(odd.document).toEqual(document);
    const { kabinetsappreciatie: _k, ...motion } = clean.motion!;
    expect(odd.motion).toEqual(motion);
    expect(odd.decisions).toEqual(clean.decisions);
    // The one odd vote counts no seats; every other vote is as it was.
    const changed = odd.votes.filter((v, i) => v.zetels !== clean.votes[i]!.zetels);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.zetels).toBe(0);
    expect(odd.votes.map(({ zetels: _z, ...v }) => v)).toEqual(clean.votes.map(({ zetels: _z, ...v }) => v));
  });

  it('an ondernummer of the wrong shape cannot be matched, and is not guessed', async () => {
    expect(
      await read((row) => {
        row.Ondernummer = '2380';
      }),
    ).toBeUndefined();
  });

  it('skips tombstones and values that are no rows', async () => {
    const tk = rewriting((page) => ({
      value: [null, 42, 'x', { Id: 'dood', Verwijderd: true, Nummer: null }, ...page.value],
    }));
    const found = await tk.papers([request(ID)]);
    expect([...found.values()].map((d) => d.tkId)).not.toContain('dood');
    expect(found.size).toBe(1);
  });

  it('an answer without a value list is malformed', async () => {
    const tk = rewriting(() => ({ error: 'onderhoud' }));
    expect(await failureOf(tk.papers([request(ID)]))).toMatchObject({ kind: 'malformed' });
  });
});

describe('the filter budget', () => {
  it('splits a filter the server finds too complex, and remembers the size that works', async () => {
    const learned: number[] = [];
    const refs = catalogue().flatMap((e) => {
      const key = e.documentNummer ? kamerstukKey(e.obId) : undefined;
      return key ? [{ id: e.obId, key }] : [];
    });
    const tk = source({ baseUrl: api.baseUrl.tkV5, filterBudget: 10_000, onFilterBudget: (b) => learned.push(b) });
    const found = await tk.papers(refs);
    expect(found.size).toBe(refs.length);
    expect(learned.length).toBeGreaterThan(0);
    expect(learned.at(-1)!).toBeLessThanOrEqual(100);
    const rejected = seen.filter((s) => s.status === 400);
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((s) => /node count limit/.test(s.body ?? ''))).toBe(true);
    // With the learned size, the next source asks without a single rejection.
    seen.length = 0;
    const next = source({ baseUrl: api.baseUrl.tkV5, filterBudget: learned.at(-1)! });
    expect((await next.papers(refs)).size).toBe(refs.length);
    expect(seen.filter((s) => s.status === 400)).toEqual([]);
  });
});

async function failureOf(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error('expected a failure');
}

describe('faults', () => {
  it.each([
    ['error500', 'http', true],
    ['rateLimit429', 'http', true],
    ['malformed', 'malformed', false],
    ['reset', 'network', true],
    ['gone404', 'gone', false],
    ['gone410', 'gone', false],
  ] as const)('a query answered %s is a %s failure (retryable: %s)', async (mode, kind, retryable) => {
    const tk = source({ baseUrl: api.baseUrl.tkV5 });
    await tk.describe();
    api.setFault('tk', { mode });
    const error = await failureOf(tk.papers([request('kst-19637-2380')]));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ kind, retryable });
    if (mode === 'rateLimit429') expect(error.retryAfter).toBe(1);
  });

  it('waits for a slow answer within its timeout, and gives up on one beyond it', async () => {
    const tk = source({ baseUrl: api.baseUrl.tkV5, timeoutMs: 5_000 });
    api.setFault('tk', { mode: 'slow', delayMs: 100 });
    expect((await tk.papers([request('kst-19637-2380')])).size).toBe(1);
    const impatient = source({ baseUrl: api.baseUrl.tkV5, timeoutMs: 100 });
    api.setFault('tk', { mode: 'slow', delayMs: 1_000 });
    expect(await failureOf(impatient.describe())).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('gives up on a request that does not answer, after its timeout', async () => {
    api.setFault('tk', { mode: 'timeout' });
    const error = await failureOf(source({ baseUrl: api.baseUrl.tkV5, timeoutMs: 200 }).describe());
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
  });
});
