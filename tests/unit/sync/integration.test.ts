import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { metadataRepository } from '../../../lib/db/repositories';
import { KamerlensDB } from '../../../lib/db/schema';
import { createSync, Resolver, refreshFollowed } from '../../../lib/sync';
import { FRESH_FOR } from '../../../lib/sync/freshness';
import { clearUnavailable, UNAVAILABLE_RETRY_MS } from '../../../lib/sync/health';
import type { RefInfo } from '../../../lib/sync/info';
import type { SyncDeps } from '../../../lib/sync/resolver';
import { isKoopId, kamerstukKey } from '../../../lib/sync/sources';
import { amsterdamLiteral } from '../../../lib/tk/query';
import { createTkSource } from '../../../lib/tk/source';
import { catalogue } from '../../support/mock-api/catalogue';
import { type MockApi, startMockApi, type TkVersion } from '../../support/mock-api/server';
import { tkGuid } from '../../support/mock-api/tk-data';
import { recordingFetch, type Seen } from '../../support/recording-fetch';

/**
 * The production wiring (createSync: the real TK source and KOOP client, `$metadata` and the learned filter budget
 * in IndexedDB) over real HTTP against the mock services (tests/support/mock-api), which answer like the Tweede
 * Kamer OData API — v5, and v4/2.0 for a URL saved earlier — and KOOP's SRU: batching, paging, tombstones, schema
 * changes, and every fault switch. Only the resolver's clock and jitter are injected.
 */
let api: MockApi;
beforeAll(async () => {
  api = await startMockApi({ tkVersions: ['v5', 'v4'] });
});
afterAll(async () => {
  await api.close();
});

/** Every answer the sync got, with the body of each 400. */
const seen: Seen[] = [];
/** The 400s a test provokes on purpose; any other 400 fails it. */
let expected400: RegExp | undefined;

const recording = (inner?: typeof fetch) => recordingFetch(seen, inner);

const tkQueries = () => seen.filter((s) => /\/OData\/.*\/Document\?/.test(s.url));
const metadataRequests = () => seen.filter((s) => s.url.endsWith('/$metadata'));
const koopRequests = () => seen.filter((s) => s.url.includes('/sru'));

let db: KamerlensDB;
let n = 0;
let clock: number;
let notified: [number, RefInfo[]][];
let reported: [string, unknown][];

beforeEach(() => {
  api.resetFaults();
  api.resetTkSchema();
  api.clearRequests();
  seen.length = 0;
  expected400 = undefined;
  db = new KamerlensDB(`integration-${n++}`);
  clock = Date.UTC(2020, 11, 1);
  notified = [];
  reported = [];
});

afterEach(async () => {
  // The v5 limits are never hit: no $top at all (nextLinks instead), an explicit order on every query.
  for (const { url } of tkQueries()) {
    expect(url).toContain('$orderby=');
    expect(url).not.toMatch(/\$top=/);
  }
  for (const s of seen.filter((x) => x.status === 400)) expect(s.body).toMatch(expected400 ?? /^$/);
  expect(reported).toEqual([]);
  db.close();
  await Dexie.delete(db.name);
});

const ids = () => catalogue().map((e) => e.obId);
const motions = () => catalogue().filter((e) => e.motion);
/** Every Kamerstuk the TK has, as the source is asked for it. */
const tkPapers = () =>
  catalogue().flatMap((e) => {
    const key = e.documentNummer ? kamerstukKey(e.obId) : undefined;
    return key ? [{ id: e.obId, key }] : [];
  });
const DAY = 24 * 3_600_000;

/** The production wiring on `db`, with the resolver's clock and jitter under the test's control. */
function sync(tkBaseUrl: () => string, fetchImpl: typeof fetch = recording()): SyncDeps & { resolver: Resolver } {
  const s = createSync(
    db,
    { tkBaseUrl: async () => tkBaseUrl(), koopBaseUrl: async () => api.baseUrl.koop, fetch: fetchImpl },
    {
      notify: (tab, refs) => {
        notified.push([tab, refs]);
      },
      report: (where, error) => {
        reported.push([where, error]);
      },
    },
  );
  const deps = { ...s, now: () => clock, random: () => 0.5 };
  return { ...deps, resolver: new Resolver(deps) };
}

const byId = (refs: RefInfo[]) => Object.fromEntries(refs.map((r) => [r.id, r]));

describe.each([
  { version: 'v5' as TkVersion, base: () => api.baseUrl.tkV5, reported: 'v5' },
  { version: 'v4' as TkVersion, base: () => api.baseUrl.tkV4, reported: 'v4/2.0' },
])('the sync against TK API $version and KOOP', ({ version, base, reported }) => {
  beforeEach(() => {
    api.setTkSchema({ versions: [version] });
  });

  it('resolves every reference the services know, in a few requests', async () => {
    const { resolver } = sync(base);
    await resolver.lookup(ids());
    await resolver.run();
    const { refs, health } = await resolver.lookup(ids());
    expect(refs.filter((r) => r.state !== 'fresh').map((r) => r.id)).toEqual([]);
    expect(health).toMatchObject({
      tk: { status: 'ok', api: { version: reported, fellBack: false, lacking: [] } },
      koop: { status: 'ok' },
    });
    // KOOP in batches of 50; the TK's description once; the TK for its motions in a batch or two.
    expect(koopRequests()).toHaveLength(Math.ceil(ids().filter(isKoopId).length / 50));
    expect(metadataRequests()).toHaveLength(1);
    expect(tkQueries().length).toBeLessThanOrEqual(Math.ceil(motions().length / 6) + 1);
    expect(seen.every((s) => s.status === 200)).toBe(true);
    const r = byId(refs);
    expect(r['kst-35000-VI-59']!.motion).toMatchObject({ status: 'aangenomen', voor: expect.any(Number) });
    expect(r['kst-19637-2623']!.motion?.status).toBe('aangehouden');
    expect(r['kst-35300-VI-37']!.motion?.status).toBe('ingediend');
    expect(r['kst-19637-2321']!.motion).toMatchObject({ status: 'verworpen', stemmingsSoort: 'Hoofdelijk' });
    // A roll call lists members next to the fracties: every seat is counted once.
    const rollCall = r['kst-19637-2321']!.motion!;
    expect(rollCall.voor + rollCall.tegen).toBe(150);
    expect(r['kst-35000-VI-59']!.motion!.voor + r['kst-35000-VI-59']!.motion!.tegen).toBe(150);
    expect(r['kst-35000-VI-59']!.motion!.kabinetsappreciatie).toBeTruthy();
    expect(r['kst-35000-VI-59']!.motion!.indieners.length).toBeGreaterThan(0);
    expect(r['kst-34482-B']).toMatchObject({ source: 'koop' });
    expect(r['stb-2019-143']!.document?.titel).toMatch(/Vreemdelingenbesluit/);
  });

  it('splits a filter the server finds too complex, and remembers the size that works', async () => {
    expected400 = /node count limit/;
    // KOOP is down, so every Kamerstuk goes to the TK at once, with a budget far above what the server takes.
    api.setFault('koop', { mode: 'error500' });
    await db.syncState.put({ key: 'tk:filter-budget', value: 10_000, updatedAt: 0 });
    const { resolver } = sync(base);
    await resolver.lookup(ids());
    await resolver.run();
    const papers = tkPapers();
    const refs = (await resolver.lookup(papers.map((p) => p.id))).refs;
    expect(refs.filter((r) => r.source !== 'tk').map((r) => r.id)).toEqual([]);
    expect(seen.filter((s) => s.status === 400).length).toBeGreaterThan(0);
    const learned = (await db.syncState.get('tk:filter-budget'))?.value as number;
    expect(learned).toBeLessThanOrEqual(100);
    // A worker started later begins with what was learned: not one rejection.
    seen.length = 0;
    const later = sync(base);
    expect((await (await later.tk()).papers(papers)).size).toBe(papers.length);
    expect(tkQueries().length).toBeGreaterThan(1);
    expect(seen.filter((s) => s.status === 400)).toEqual([]);
  });

  it('follows @odata.nextLink to the last page and skips tombstones', async () => {
    // Every page carries a deleted row besides the real ones, as the API does unless filtered.
    const tombstone = { Id: tkGuid('Document', 'tombstone:0'), Verwijderd: true, Nummer: null, DocumentNummer: null };
    const s = sync(
      base,
      recording(async (input, init) => {
        const response = await fetch(input, init);
        if (!/\/Document\?/.test(String(input)) || response.status !== 200) return response;
        const page = (await response.json()) as { value: unknown[] };
        return new Response(JSON.stringify({ ...page, value: [tombstone, ...page.value] }), { status: 200 });
      }),
    );
    const { documents } = await (await s.tk()).changedSince([21501], '2000-01-01T00:00:00Z');
    const pageSize = version === 'v5' ? 100 : 250;
    expect(documents.length).toBeGreaterThan(pageSize);
    expect(tkQueries().length).toBeGreaterThanOrEqual(2);
    expect(
      tkQueries()
        .slice(1)
        .every((q) => q.url.includes('$skiptoken=')),
    ).toBe(true);
    expect(documents.map((d) => d.tkId)).not.toContain(tombstone.Id);
    expect(new Set(documents.map((d) => d.tkId)).size).toBe(documents.length);
    expect(tkQueries()[0]!.url).toContain('Verwijderd eq false');
    // A decision the TK replaced stays as a deleted row inside the motion: it never counts.
    const { resolver } = s;
    await resolver.lookup(['kst-35000-VI-59']);
    await resolver.run();
    const zaak = (await db.documents.get('kst-35000-VI-59'))!.zaakNummer!;
    const decisions = await db.decisions.where('zaakNummer').equals(zaak).toArray();
    expect(decisions.length).toBeGreaterThan(0);
    // A tombstone has nothing but its id; every decision kept says what it is.
    expect(decisions.every((d) => d.soort !== undefined || d.status !== undefined)).toBe(true);
  });

  it('waits for a slow answer', async () => {
    api.setFault('tk', { mode: 'slow', delayMs: 100 });
    const { resolver } = sync(base);
    await resolver.lookup(['kst-19637-2623']);
    await resolver.run();
    expect((await resolver.lookup(['kst-19637-2623'])).refs[0]).toMatchObject({
      state: 'fresh',
      source: 'tk',
      motion: { status: 'aangehouden' },
    });
  });

  it('gives up on a TK answer that does not come, shows KOOP’s record meanwhile, and retries later', async () => {
    const s = sync(base);
    // The production timeout is 15 s; the same source with a short one.
    const impatient = createTkSource({ baseUrl: base(), metadata: metadataRepository(db), timeoutMs: 200 });
    const resolver = new Resolver({ ...s, tk: async () => impatient, now: () => clock, random: () => 0.5 });
    api.setFault('tk', { mode: 'timeout' });
    await resolver.lookup(['kst-19637-2623'], 1);
    await resolver.run();
    const { refs, health } = await resolver.lookup(['kst-19637-2623']);
    expect(health.tk).toMatchObject({ status: 'degraded', message: expect.stringMatching(/no answer within 200 ms/) });
    expect(refs[0]).toMatchObject({ source: 'koop', motion: { status: 'onbekend', reason: expect.any(String) } });
    expect(await db.fetches.get('kst-19637-2623')).toMatchObject({ status: 'queued', tabs: [1] });
    await resolver.run();
    api.resetFaults();
    clock += 30_000;
    await resolver.run();
    expect(notified.at(-1)).toEqual([
      1,
      [expect.objectContaining({ source: 'tk', motion: expect.objectContaining({ status: 'aangehouden' }) })],
    ]);
  });

  it('takes document metadata from KOOP while the TK API fails, and motions from the TK when it is back', async () => {
    api.setFault('tk', { mode: 'error500' });
    const { resolver } = sync(base);
    const pair = ['kst-35000-VI-59', 'kst-19637-2375'];
    await resolver.lookup(pair);
    await resolver.run();
    let { refs, health } = await resolver.lookup(pair);
    expect(health.tk.status).toBe('degraded');
    expect(refs.map((r) => r.source)).toEqual(['koop', 'koop']);
    expect(refs[0]!.motion).toMatchObject({ status: 'onbekend' });
    // The letter is settled by KOOP; the motion waits for the TK.
    expect((await db.fetches.get('kst-19637-2375'))?.status).toBe('done');
    expect((await db.fetches.get('kst-35000-VI-59'))?.status).toBe('queued');
    await resolver.run();
    api.resetFaults();
    clock += 30_000;
    await resolver.run();
    ({ refs, health } = await resolver.lookup(pair));
    expect(refs[0]).toMatchObject({ state: 'fresh', source: 'tk', motion: { status: 'aangenomen' } });
    expect(refs[0]!.motion!.reason).toBeUndefined();
    expect(health.tk.status).toBe('ok');
  });

  it('makes no more requests when ten tabs ask for the same page at once than when one does', async () => {
    const { resolver } = sync(base);
    await Promise.all(Array.from({ length: 10 }, (_, tab) => resolver.lookup(ids(), tab)));
    await resolver.run();
    expect(koopRequests()).toHaveLength(Math.ceil(ids().filter(isKoopId).length / 50));
    expect(metadataRequests()).toHaveLength(1);
    expect(tkQueries().length).toBeLessThanOrEqual(Math.ceil(motions().length / 6) + 1);
    const fetched = await db.fetches.toArray();
    expect(fetched.every((f) => f.status === 'done' || f.status === 'missing')).toBe(true);
    // And every tab is told.
    expect([...new Set(notified.map(([tab]) => tab))].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('refreshes followed dossiers incrementally from the last change it saw', async () => {
    // Later than every change in the mock's data: a watermark in the future would not be trusted.
    clock = Date.UTC(2026, 11, 1);
    const s = sync(base);
    await s.resolver.lookup(ids());
    await s.resolver.run();
    expect(await db.dossiers.filter((d) => d.followed).primaryKeys()).toContain('35000-VI');
    seen.length = 0;
    await db.syncState.put({ key: 'tk:watermark', value: '2000-01-01T00:00:00Z', updatedAt: 0 });
    const first = await refreshFollowed(s);
    expect(first).toBeGreaterThan(0);
    // In Dutch time: a UTC literal silently selects another set on v5.
    expect(tkQueries()[0]!.url).toContain('ApiGewijzigdOp gt 2000-01-01T01:00:00+01:00');
    expect(metadataRequests()).toEqual([]);
    const watermark = (await db.syncState.get('tk:watermark'))?.value as string;
    expect(watermark.startsWith('2000-')).toBe(false);
    expect(Date.parse(watermark)).toBeLessThanOrEqual(clock);
    // Nothing changed since: nothing to update, and the query starts at the new watermark.
    expect(await refreshFollowed(s)).toBe(0);
    expect(tkQueries().at(-1)!.url).toContain(`ApiGewijzigdOp gt ${amsterdamLiteral(watermark)}`);
  });

  it.each(['error500', 'malformed', 'reset', 'rateLimit429'] as const)(
    'keeps the cache whole and serves stale data with its date when KOOP answers %s',
    async (mode) => {
      const { resolver } = sync(base);
      await resolver.lookup(['stb-2019-143']);
      await resolver.run();
      const before = (await resolver.lookup(['stb-2019-143'])).refs[0]!;
      clock += FRESH_FOR.document + 1;
      api.setFault('koop', { mode });
      await resolver.lookup(['stb-2019-143']);
      await resolver.run();
      const after = (await resolver.lookup(['stb-2019-143'])).refs[0]!;
      expect(after).toMatchObject({ state: 'stale', asOf: before.asOf, document: before.document });
      expect(await db.documents.count()).toBe(1);
      expect((await db.fetches.get('stb-2019-143'))?.lastError).toBeTruthy();
    },
  );
});

describe('the TK’s $metadata', () => {
  it('is read once per base URL and kept in IndexedDB: a second worker sends no $metadata request', async () => {
    const first = sync(() => api.baseUrl.tkV5);
    await first.resolver.lookup(['kst-19637-2623']);
    await first.resolver.run();
    expect(metadataRequests()).toHaveLength(1);
    expect(await db.syncState.get(`tk:metadata:${api.baseUrl.tkV5}`)).toBeTruthy();
    seen.length = 0;
    const second = sync(() => api.baseUrl.tkV5);
    await second.resolver.lookup(['kst-35000-VI-59']);
    await second.resolver.run();
    expect((await second.resolver.lookup(['kst-35000-VI-59'])).refs[0]).toMatchObject({
      source: 'tk',
      motion: { status: 'aangenomen' },
    });
    expect(tkQueries()).toHaveLength(1);
    expect(metadataRequests()).toEqual([]);
    // Another base URL is another service: its own description.
    await (await sync(() => api.baseUrl.tkV4).tk()).describe();
    expect(metadataRequests().map((m) => new URL(m.url).pathname)).toEqual(['/OData/v4/2.0/$metadata']);
  });

  it('decides what is asked: a property the service dropped is unknown, everything else intact, nothing rejected', async () => {
    const motionIds = motions().map((e) => e.obId);
    const full = sync(() => api.baseUrl.tkV5);
    await full.resolver.lookup(motionIds);
    await full.resolver.run();
    const baseline = byId((await full.resolver.lookup(motionIds)).refs);
    db.close();
    await Dexie.delete(db.name);
    db = new KamerlensDB(`integration-${n++}`);
    seen.length = 0;

    api.setTkSchema({ drop: { Zaak: ['Kabinetsappreciatie'] } });
    const { resolver } = sync(() => api.baseUrl.tkV5);
    await resolver.lookup(motionIds);
    await resolver.run();
    const { refs, health } = await resolver.lookup(motionIds);
    expect(seen.filter((s) => s.status !== 200)).toEqual([]);
    expect(tkQueries().every((q) => !q.url.includes('Kabinetsappreciatie'))).toBe(true);
    expect(health.tk).toMatchObject({
      status: 'ok',
      api: { lacking: [{ concept: 'kabinetsappreciatie' }], problems: [] },
    });
    for (const ref of refs) {
      expect(ref.motion, ref.id).toBeDefined();
      expect(ref.motion!.kabinetsappreciatie).toBeUndefined();
      const { kabinetsappreciatie: _k, ...rest } = baseline[ref.id]!.motion!;
      expect(ref.motion, ref.id).toEqual(rest);
      expect(ref.document).toEqual(baseline[ref.id]!.document);
    }
  });

  it('is read again at once when the service drops a property after it was cached, within the same round', async () => {
    expected400 = /Could not find a property named 'Kabinetsappreciatie'/;
    const { resolver } = sync(() => api.baseUrl.tkV5);
    await resolver.lookup(['kst-19637-2623']);
    await resolver.run();
    seen.length = 0;
    api.setTkSchema({ drop: { Zaak: ['Kabinetsappreciatie'] } });
    await resolver.lookup(['kst-35000-VI-59'], 3);
    await resolver.run();
    expect(seen.filter((s) => !s.url.includes('/sru')).map((s) => [s.url.endsWith('$metadata'), s.status])).toEqual([
      [false, 400],
      [true, 200],
      [false, 200],
    ]);
    expect(notified).toHaveLength(1);
    expect(notified.at(-1)).toEqual([
      3,
      [
        expect.objectContaining({
          state: 'fresh',
          source: 'tk',
          motion: expect.objectContaining({ status: 'aangenomen' }),
        }),
      ],
    ]);
    expect(notified[0]![1][0]!.motion!.kabinetsappreciatie).toBeUndefined();
    // The next round's health describes the service as it now is.
    await resolver.lookup(['kst-19637-2380']);
    await resolver.run();
    const { health } = await resolver.lookup([]);
    expect(health.tk).toMatchObject({ status: 'ok', api: { lacking: [{ concept: 'kabinetsappreciatie' }] } });
  });

  // The health written after the queries describes the service as it is after them: a $metadata re-read during
  // the round (failed on the code before 'describe after the queries') is shown at once.
  it('says at once, in the health of that round, what the re-read $metadata lacks', async () => {
    expected400 = /Could not find a property named 'Kabinetsappreciatie'/;
    const { resolver } = sync(() => api.baseUrl.tkV5);
    await resolver.lookup(['kst-19637-2623']);
    await resolver.run();
    api.setTkSchema({ drop: { Zaak: ['Kabinetsappreciatie'] } });
    await resolver.lookup(['kst-35000-VI-59']);
    await resolver.run();
    const { health } = await resolver.lookup([]);
    expect(health.tk.api?.lacking.map((l) => l.concept)).toEqual(['kabinetsappreciatie']);
  });

  it('falls back to v5 when the saved v4/2.0 URL is gone', async () => {
    api.setTkSchema({ versions: ['v5'] });
    const { resolver } = sync(() => api.baseUrl.tkV4);
    await resolver.lookup(['kst-35000-VI-59', 'kst-19637-2375']);
    await resolver.run();
    const { refs, health } = await resolver.lookup(['kst-35000-VI-59', 'kst-19637-2375']);
    expect(refs[0]).toMatchObject({ state: 'fresh', source: 'tk', motion: { status: 'aangenomen' } });
    expect(refs[1]).toMatchObject({ state: 'fresh' });
    expect(health.tk).toMatchObject({
      status: 'ok',
      api: { configuredBaseUrl: api.baseUrl.tkV4, baseUrl: api.baseUrl.tkV5, version: 'v5', fellBack: true },
    });
    expect(tkQueries().every((q) => q.url.includes('/OData/v5/'))).toBe(true);
  });
});

describe('healing without user action', () => {
  it('an unavailable TK gets another chance after a day, and the waiting tab is told', async () => {
    api.setFault('tk', { mode: 'gone404' });
    const { resolver } = sync(() => api.baseUrl.tkV5);
    await resolver.lookup(['kst-35000-VI-59', 'kst-19637-2623'], 5);
    await resolver.run();
    let { refs, health } = await resolver.lookup(['kst-35000-VI-59', 'kst-19637-2623']);
    expect(health.tk).toMatchObject({ status: 'unavailable', message: expect.stringMatching(/404/) });
    expect(refs.map((r) => [r.source, r.motion?.status])).toEqual([
      ['koop', 'onbekend'],
      ['koop', 'onbekend'],
    ]);
    // Both versions were tried once, and nothing after: an unavailable service is not asked on every page.
    expect(metadataRequests()).toHaveLength(2);
    await resolver.run();
    await resolver.retryNow();
    expect(metadataRequests()).toHaveLength(2);
    expect(tkQueries()).toEqual([]);

    // The service comes back; nobody presses anything. The daily alarm clears the verdict once it is a day old.
    api.resetFaults();
    expect(await clearUnavailable(db, clock + DAY - 1, UNAVAILABLE_RETRY_MS)).toBe(false);
    expect(await clearUnavailable(db, clock + DAY, UNAVAILABLE_RETRY_MS)).toBe(true);
    clock += DAY;
    const told = notified.length;
    await resolver.retryNow();
    ({ refs, health } = await resolver.lookup(['kst-35000-VI-59', 'kst-19637-2623']));
    expect(health.tk.status).toBe('ok');
    expect(refs.map((r) => [r.state, r.source, r.motion?.status])).toEqual([
      ['fresh', 'tk', 'aangenomen'],
      ['fresh', 'tk', 'aangehouden'],
    ]);
    const after = notified.slice(told);
    expect(after.map(([tab]) => tab)).toEqual([5]);
    expect(after[0]![1].map((r) => [r.id, r.motion?.status]).sort()).toEqual([
      ['kst-19637-2623', 'aangehouden'],
      ['kst-35000-VI-59', 'aangenomen'],
    ]);
  });

  it('KOOP gone is unavailable too, and the TK still gives what it has', async () => {
    api.setFault('koop', { mode: 'gone410' });
    const { resolver } = sync(() => api.baseUrl.tkV5);
    await resolver.lookup(['kst-35000-VI-59', 'stb-2019-143']);
    await resolver.run();
    const { refs, health } = await resolver.lookup(['kst-35000-VI-59', 'stb-2019-143']);
    expect(health.koop.status).toBe('unavailable');
    expect(health.tk.status).toBe('ok');
    expect(refs[0]).toMatchObject({ source: 'tk', motion: { status: 'aangenomen' } });
    expect(refs[1]!.state).toBe('failed');
    expect((await db.fetches.get('stb-2019-143'))?.lastError).toMatch(/410/);
  });
});
