import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KamerlensDB } from '../../../lib/db/schema';
import { ServiceError } from '../../../lib/net/http';
import { createSync, refreshFollowed } from '../../../lib/sync';
import { FRESH_FOR } from '../../../lib/sync/freshness';
import { kamerstukKey } from '../../../lib/sync/sources';
import { createTkClient } from '../../../lib/tk/client';
import { catalogue } from '../../support/mock-api/catalogue';
import { type MockApi, startMockApi } from '../../support/mock-api/server';

/**
 * The clients and the resolver over real HTTP against the mock services (tests/support/mock-api), which answer like
 * the Tweede Kamer OData API and KOOP's SRU: batching, paging, tombstones, and every fault switch.
 */
let api: MockApi;
beforeAll(async () => {
  api = await startMockApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.resetFaults();
  api.clearRequests();
});

const tkPapers = () =>
  catalogue().flatMap((e) => {
    const key = e.documentNummer ? kamerstukKey(e.obId) : undefined;
    return key ? [{ id: e.obId, key }] : [];
  });

async function failureOf(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error('expected a failure');
}

describe('the TK client against the OData mock', () => {
  it('finds every Kamerstuk the TK knows, with dossier, motion, decisions and votes, in few requests', async () => {
    const refs = tkPapers();
    const client = createTkClient({ baseUrl: api.baseUrl.tk });
    const { found, requests } = await client.kamerstukken(refs);
    expect([...found.keys()].sort()).toEqual(refs.map((r) => r.id).sort());
    // The server takes about 15 references per filter (its node limit); one split to learn that is allowed.
    expect(requests).toBeLessThanOrEqual(Math.ceil(refs.length / 8) + 1);
    const motion = found.get('kst-35000-VI-59')!;
    expect(motion.Kamerstukdossier?.[0]).toMatchObject({ Nummer: 35000, Toevoeging: 'VI' });
    const zaak = motion.Zaak!.find((z) => z.Soort === 'Motie')!;
    expect(zaak.Nummer).toBe('2018Z22093');
    expect(zaak.Besluit!.some((b) => b.BesluitSoort === 'Stemmen - aangenomen' && (b.Stemming ?? []).length > 0)).toBe(
      true,
    );
  });

  it('splits a filter the server finds too complex, and remembers the size that works', async () => {
    const learned: number[] = [];
    const client = createTkClient({
      baseUrl: api.baseUrl.tk,
      filterBudget: 10_000,
      onFilterBudget: (b) => learned.push(b),
    });
    const refs = tkPapers();
    const { found } = await client.kamerstukken(refs);
    expect(found.size).toBe(refs.length);
    expect(learned.length).toBeGreaterThan(0);
    expect(client.filterBudget).toBe(learned.at(-1));
    expect(api.requests.some((r) => r.url.includes('Document'))).toBe(true);
  });

  it('follows @odata.nextLink to the last page and skips tombstones', async () => {
    const client = createTkClient({ baseUrl: api.baseUrl.tk });
    const all = await client.documents('Soort ne null or Verwijderd eq true');
    expect(all.length).toBeGreaterThan(500);
    expect(all.every((d) => !d.Verwijderd)).toBe(true);
    expect(api.requests.filter((r) => r.url.includes('skiptoken')).length).toBeGreaterThan(0);
  });

  it.each([
    ['error500', 'http', true],
    ['rateLimit429', 'http', true],
    ['malformed', 'malformed', false],
    ['reset', 'network', true],
    ['gone404', 'gone', false],
    ['gone410', 'gone', false],
  ] as const)('reports a %s fault as %s (retryable: %s)', async (mode, kind, retryable) => {
    api.setFault('tk', { mode });
    const error = await failureOf(createTkClient({ baseUrl: api.baseUrl.tk }).kamerstukken(tkPapers().slice(0, 3)));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    if (mode === 'rateLimit429') expect(error.retryAfter).toBe(1);
  });

  it('waits for a slow answer within its timeout, and gives up on one beyond it', async () => {
    api.setFault('tk', { mode: 'slow', delayMs: 100 });
    const patient = await createTkClient({ baseUrl: api.baseUrl.tk, timeoutMs: 5_000 }).kamerstukken(
      tkPapers().slice(0, 2),
    );
    expect(patient.found.size).toBe(2);
    api.setFault('tk', { mode: 'slow', delayMs: 1_000 });
    const error = await failureOf(
      createTkClient({ baseUrl: api.baseUrl.tk, timeoutMs: 100 }).kamerstukken(tkPapers().slice(0, 2)),
    );
    expect(error.kind).toBe('timeout');
  });

  it('gives up on a request that does not answer, after its timeout', async () => {
    api.setFault('tk', { mode: 'timeout' });
    const error = await failureOf(
      createTkClient({ baseUrl: api.baseUrl.tk, timeoutMs: 200 }).kamerstukken(tkPapers().slice(0, 1)),
    );
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
  });
});

describe('the resolver against both mocks', () => {
  let db: KamerlensDB;
  let n = 0;
  let clock = Date.UTC(2020, 11, 1);
  const ids = () => catalogue().map((e) => e.obId);

  beforeEach(() => {
    db = new KamerlensDB(`integration-${n++}`);
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  function sync() {
    const s = createSync(db, { tkBaseUrl: async () => api.baseUrl.tk, koopBaseUrl: async () => api.baseUrl.koop });
    return {
      ...s,
      resolver: new (s.resolver.constructor as typeof import('../../../lib/sync').Resolver)({
        ...s,
        now: () => clock,
        random: () => 0.5,
      }),
    };
  }

  it('resolves every reference the services know, in a few requests', async () => {
    const { resolver } = sync();
    await resolver.lookup(ids());
    await resolver.run();
    const { refs, health } = await resolver.lookup(ids());
    expect(refs.filter((r) => r.state !== 'fresh').map((r) => r.id)).toEqual([]);
    expect(health).toMatchObject({ tk: { status: 'ok' }, koop: { status: 'ok' } });
    expect(api.requests.length).toBeLessThanOrEqual(4);
    const byId = Object.fromEntries(refs.map((r) => [r.id, r]));
    expect(byId['kst-35000-VI-59']!.motion).toMatchObject({ status: 'aangenomen', voor: expect.any(Number) });
    expect(byId['kst-19637-2623']!.motion?.status).toBe('aangehouden');
    expect(byId['kst-35300-VI-37']!.motion?.status).toBe('ingediend');
    expect(byId['kst-19637-2321']!.motion).toMatchObject({ status: 'verworpen', stemmingsSoort: 'Hoofdelijk' });
    // A roll call lists members next to the fracties: every seat is counted once.
    const rollCall = byId['kst-19637-2321']!.motion!;
    expect(rollCall.voor + rollCall.tegen).toBe(150);
    expect(byId['kst-35000-VI-59']!.motion!.voor + byId['kst-35000-VI-59']!.motion!.tegen).toBe(150);
    expect(byId['kst-34482-B']).toMatchObject({ source: 'koop' });
    expect(byId['stb-2019-143']!.document?.titel).toMatch(/Vreemdelingenbesluit/);
  });

  it('takes document metadata from KOOP while the TK API fails, and motions from the TK when it is back', async () => {
    api.setFault('tk', { mode: 'error500' });
    const { resolver } = sync();
    await resolver.lookup(['kst-35000-VI-59', 'kst-19637-2375']);
    await resolver.run();
    let { refs, health } = await resolver.lookup(['kst-35000-VI-59', 'kst-19637-2375']);
    expect(health.tk.status).toBe('degraded');
    expect(refs.map((r) => r.source)).toEqual(['koop', 'koop']);
    api.resetFaults();
    clock += FRESH_FOR.document + 1;
    await resolver.run();
    ({ refs } = await resolver.lookup(['kst-35000-VI-59', 'kst-19637-2375']));
    await resolver.run();
    ({ refs } = await resolver.lookup(['kst-35000-VI-59', 'kst-19637-2375']));
    expect(refs[0]).toMatchObject({ source: 'tk', motion: { status: 'aangenomen' } });
  });

  it('makes no more requests when ten tabs ask for the same page at once than when one does', async () => {
    const { resolver } = sync();
    await Promise.all(Array.from({ length: 10 }, (_, tab) => resolver.lookup(ids(), tab)));
    await resolver.run();
    const many = api.requests.length;
    expect(many).toBeLessThanOrEqual(4);
    const fetched = await db.fetches.toArray();
    expect(fetched.every((f) => f.status === 'done' || f.status === 'missing')).toBe(true);
  });

  it('refreshes followed dossiers incrementally from the last change it saw', async () => {
    const s = sync();
    await s.resolver.lookup(ids());
    await s.resolver.run();
    expect((await db.dossiers.filter((d) => d.followed).primaryKeys()).sort()).toContain('35000-VI');
    api.clearRequests();
    await db.syncState.put({ key: 'tk:watermark', value: '2000-01-01T00:00:00Z', updatedAt: 0 });
    const first = await refreshFollowed({ ...s, now: () => clock });
    expect(first).toBeGreaterThan(0);
    expect(decodeURIComponent(api.requests[0]!.url)).toContain('ApiGewijzigdOp gt 2000-01-01T00:00:00Z');
    const watermark = (await db.syncState.get('tk:watermark'))?.value as string;
    expect(watermark > '2000-01-01').toBe(true);
    // Nothing changed since: nothing to update, and the query starts at the new watermark.
    expect(await refreshFollowed({ ...s, now: () => clock })).toBe(0);
    expect(decodeURIComponent(api.requests.at(-1)!.url)).toContain(`ApiGewijzigdOp gt ${watermark}`);
  });

  it.each(['error500', 'malformed', 'reset', 'rateLimit429'] as const)(
    'keeps the cache whole and serves stale data with its date when KOOP answers %s',
    async (mode) => {
      const { resolver } = sync();
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
