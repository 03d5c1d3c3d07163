import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KamerlensDB } from '../../../lib/db/schema';
import type { KoopRecord } from '../../../lib/koop/types';
import { ServiceError } from '../../../lib/net/http';
import { FRESH_FOR } from '../../../lib/sync/freshness';
import { clearUnavailable } from '../../../lib/sync/health';
import type { RefInfo } from '../../../lib/sync/info';
import { Resolver, type SyncDeps } from '../../../lib/sync/resolver';
import { lackMessage, type Vocabulary } from '../../../lib/tk/concepts';
import { type Row, readDocument, type TkDocument } from '../../../lib/tk/mapping';
import type { TkServiceInfo, TkSource } from '../../../lib/tk/source';
import { mockVocabulary } from '../../support/tk-vocabulary';

/*
 * The resolver with both services faked at their boundary: KOOP as its client's `lookup`, the Tweede Kamer as a
 * `TkSource` whose documents are read from API v5 rows by the real mapping (lib/tk/mapping.ts), so what is cached
 * is what production would cache. Time and jitter are injected: no test waits for a backoff.
 */

const V5 = mockVocabulary('v5');
const BASE = 'https://gegevensmagazijn.tweedekamer.nl/OData/v5';

/** A motion document as API v5 returns it with our $expand: dossier, zaak, decisions with votes and dates. */
function motionRow(ondernummer: number, outcome: string, besluitId = `besluit-${ondernummer}`): Row {
  return {
    Id: `doc-${ondernummer}`,
    Soort: 'Motie',
    Nummer: `2018D${String(ondernummer).padStart(5, '0')}`,
    Titel: 'Vreemdelingenbeleid',
    Onderwerp: `Motie nr. ${ondernummer}`,
    Datum: '2018-11-22T00:00:00+01:00',
    Vergaderjaar: '2018-2019',
    Ondernummer: ondernummer,
    ApiGewijzigdOp: '2018-12-04T12:00:00.0000000Z',
    Verwijderd: false,
    Kamerstukdossier: [{ Id: 'k', Nummer: 19637, Toevoeging: null, Titel: 'Vreemdelingenbeleid' }],
    DocumentActor: [],
    Zaak: [
      {
        Id: `zaak-${ondernummer}`,
        Nummer: `2018Z${ondernummer}`,
        Soort: 'Motie',
        Onderwerp: `Motie nr. ${ondernummer}`,
        Kabinetsappreciatie: 'Oordeel Kamer',
        ApiGewijzigdOp: null,
        Verwijderd: false,
        ZaakActor: [{ Id: 'za', ActorNaam: 'M. Groothuizen', ActorFractie: 'D66', Relatie: 'Indiener' }],
        Besluit: [
          {
            Id: besluitId,
            BesluitSoort: `Stemmen - ${outcome}`,
            BesluitTekst: null,
            Status: 'Besluit',
            StemmingsSoort: 'Met handopsteken',
            AgendapuntZaakBesluitVolgorde: 1,
            ApiGewijzigdOp: null,
            Verwijderd: false,
            Agendapunt: { Id: 'ap', Activiteit: { Id: 'act', Datum: '2018-12-04T10:00:00+01:00' } },
            Stemming: [
              {
                Id: `s1-${ondernummer}`,
                Soort: 'Voor',
                FractieGrootte: 90,
                ActorNaam: 'A',
                FractieNaam: 'A',
                Persoon_Id: null,
                Vergissing: false,
                Verwijderd: false,
              },
              {
                Id: `s2-${ondernummer}`,
                Soort: 'Tegen',
                FractieGrootte: 60,
                ActorNaam: 'B',
                FractieNaam: 'B',
                Persoon_Id: null,
                Vergissing: false,
                Verwijderd: false,
              },
            ],
          },
        ],
      },
    ],
  };
}

/** KOOP's record; motions say so in their subrubriek, which is what sends the resolver on to the TK for the votes. */
const koopRecord = (identifier: string): KoopRecord => ({
  identifier,
  title: `Titel van ${identifier}`,
  type: 'Kamerstuk',
  subrubriek: identifier === 'kst-19637-59' ? 'Motie' : 'Brief',
  date: '2019-04-12',
  indieners: ['F. Grapperhaus'],
});

/** How a service with this vocabulary describes itself. */
function infoOf(v: Vocabulary): TkServiceInfo {
  return {
    configuredBaseUrl: BASE,
    baseUrl: BASE,
    version: 'v5',
    fellBack: false,
    metadataAt: 0,
    lacking: v.lacking,
    can: v.can,
    problems: (['paper', 'number', 'decision'] as const).flatMap((need) => {
      const message = lackMessage(v, need);
      return message ? [message] : [];
    }),
  };
}

interface Fakes {
  /** Rows by the reference id they answer (a Kamerstuk id or a TK document number). */
  tkRows: Map<string, Row>;
  vocabulary: Vocabulary;
  koopIds: Set<string>;
  describeError?: unknown;
  tkError?: unknown;
  koopError?: unknown;
  /** While set, KOOP's lookup waits for it (a round caught in the middle). */
  koopGate?: Promise<void>;
  onKoop?: () => void;
  describeCalls: number;
  /** TK requests: papers() and documents() calls that asked for something. */
  tkCalls: number;
  koopCalls: number;
  notified: [number, RefInfo[]][];
  woken: number[];
  reported: [string, unknown][];
}

let db: KamerlensDB;
let clock: number;
let fakes: Fakes;
let n = 0;

function fakeTk(): TkSource {
  const answer = async (ids: readonly string[]) => {
    fakes.tkCalls++;
    if (fakes.tkError) throw fakes.tkError;
    const found = new Map<string, TkDocument>();
    for (const id of ids) {
      const row = fakes.tkRows.get(id);
      const doc = row ? readDocument(fakes.vocabulary, row) : undefined;
      if (doc) found.set(id, doc);
    }
    return found;
  };
  return {
    describe: async () => {
      fakes.describeCalls++;
      if (fakes.describeError) throw fakes.describeError;
      return infoOf(fakes.vocabulary);
    },
    papers: async (refs) => (refs.length ? answer(refs.map((r) => r.id)) : new Map()),
    documents: async (numbers) => (numbers.length ? answer(numbers) : new Map()),
    changedSince: async (_dossiers, since) => ({ documents: [], watermark: since }),
    get requests() {
      return fakes.tkCalls;
    },
  };
}

function deps(): SyncDeps {
  const tk = fakeTk();
  return {
    db,
    tk: async () => tk,
    koop: {
      lookup: async (ids) => {
        fakes.koopCalls++;
        fakes.onKoop?.();
        if (fakes.koopGate) await fakes.koopGate;
        if (fakes.koopError) throw fakes.koopError;
        return new Map(ids.filter((id) => fakes.koopIds.has(id)).map((id) => [id, koopRecord(id)]));
      },
    },
    notify: (tab, refs) => {
      fakes.notified.push([tab, refs]);
    },
    wake: (at) => {
      fakes.woken.push(at);
    },
    report: (where, error) => {
      fakes.reported.push([where, error]);
    },
    now: () => clock,
    random: () => 0.5,
  };
}

beforeEach(() => {
  db = new KamerlensDB(`resolver-${n++}`);
  clock = Date.UTC(2020, 10, 1);
  fakes = {
    tkRows: new Map([
      ['kst-19637-59', motionRow(59, 'aangenomen')],
      ['kst-19637-60', motionRow(60, 'aangehouden')],
      ['2018D00061', motionRow(61, 'verworpen')],
    ]),
    vocabulary: V5,
    koopIds: new Set(['kst-19637-59', 'kst-34482-B', 'stb-2019-143']),
    describeCalls: 0,
    tkCalls: 0,
    koopCalls: 0,
    notified: [],
    woken: [],
    reported: [],
  };
});

const resolvers: Resolver[] = [];
/** A resolver whose background round (started by lookup) the test waits for before closing the database. */
function resolverFor(d = deps()): Resolver {
  const r = new Resolver(d);
  resolvers.push(r);
  return r;
}

afterEach(async () => {
  for (const r of resolvers.splice(0)) await r.run();
  db.close();
  await Dexie.delete(db.name);
});

const IDS = ['kst-19637-59', 'kst-19637-60', 'kst-34482-B', 'stb-2019-143', 'kst-99999-1', '2018D00061'];
const MOTION = 'kst-19637-59';

const byId = (refs: RefInfo[]) => Object.fromEntries(refs.map((r) => [r.id, r]));
/** What the tab was told last about an id. */
const lastTold = (tab: number, id: string) =>
  fakes.notified
    .filter(([t]) => t === tab)
    .flatMap(([, refs]) => refs)
    .filter((r) => r.id === id)
    .at(-1);

describe('the resolver', () => {
  it('answers at once from the cache, fetches what is missing in one round, and tells the tab', async () => {
    // kst-19637-59: a motion KOOP knows (then the TK for its votes); kst-19637-60: one KOOP lacks (TK fallback);
    // 2018D00061: a TK document number (only the TK knows those).
    const resolver = resolverFor();
    const first = await resolver.lookup(IDS, 7);
    expect(first.refs.map((r) => r.state)).toEqual(IDS.map(() => 'pending'));
    await resolver.run();
    expect(fakes.koopCalls).toBe(1);
    // Described before the queries and again after them (a query may have re-read $metadata): no request either time.
    expect(fakes.describeCalls).toBe(2);
    expect(fakes.tkCalls).toBe(2); // papers, and document numbers
    expect(fakes.notified).toHaveLength(1);
    const [tab, refs] = fakes.notified[0]!;
    expect(tab).toBe(7);
    const told = byId(refs);
    expect(Object.keys(told).sort()).toEqual([...IDS].sort());
    expect(told[MOTION]).toMatchObject({
      state: 'fresh',
      source: 'tk',
      // KOOP's title and date are the publication's own; the motion comes from the TK.
      document: { titel: `Titel van ${MOTION}`, datum: '2019-04-12', dossierTitel: 'Vreemdelingenbeleid' },
      motion: {
        status: 'aangenomen',
        statusDate: '2018-12-04',
        voor: 90,
        tegen: 60,
        stemmingsSoort: 'Met handopsteken',
        kabinetsappreciatie: 'Oordeel Kamer',
        indieners: [{ naam: 'M. Groothuizen', fractie: 'D66', relatie: 'Indiener' }],
        votes: [
          { fractie: 'A', soort: 'Voor', zetels: 90 },
          { fractie: 'B', soort: 'Tegen', zetels: 60 },
        ],
      },
    });
    expect(told['kst-19637-60']).toMatchObject({ source: 'tk', motion: { status: 'aangehouden' } });
    expect(told['2018D00061']).toMatchObject({ source: 'tk', motion: { status: 'verworpen' } });
    expect(told['kst-34482-B']).toMatchObject({ state: 'fresh', source: 'koop', document: { soort: 'Brief' } });
    expect(told['kst-99999-1']!.state).toBe('missing');
    const { health } = await resolver.lookup([]);
    expect(health.tk).toMatchObject({ status: 'ok', api: { version: 'v5', baseUrl: BASE } });
    expect(health.koop.status).toBe('ok');
    // Nothing waits: no alarm is asked for.
    expect(fakes.woken).toEqual([]);
  });

  it('serves cached records without asking any service again', async () => {
    const resolver = resolverFor();
    await resolver.lookup(IDS);
    await resolver.run();
    const calls = fakes.tkCalls + fakes.koopCalls + fakes.describeCalls;
    const again = await resolver.lookup(IDS);
    await resolver.run();
    expect(fakes.tkCalls + fakes.koopCalls + fakes.describeCalls).toBe(calls);
    expect(again.refs.map((r) => r.state)).toEqual(['fresh', 'fresh', 'fresh', 'fresh', 'missing', 'fresh']);
  });

  it('refreshes an undecided motion within hours and a decided one only after weeks', async () => {
    const resolver = resolverFor();
    await resolver.lookup(['kst-19637-59', 'kst-19637-60']);
    await resolver.run();
    clock += FRESH_FOR.undecidedMotion + 1;
    const later = await resolver.lookup(['kst-19637-59', 'kst-19637-60']);
    expect(later.refs.map((r) => r.state)).toEqual(['fresh', 'stale']);
    await resolver.run();
    clock += FRESH_FOR.decidedMotion;
    const much = await resolver.lookup(['kst-19637-59', 'kst-19637-60']);
    expect(much.refs.map((r) => r.state)).toEqual(['stale', 'stale']);
  });

  it('keeps serving a stale record with its date while both sources are down, and backs off', async () => {
    const resolver = resolverFor();
    await resolver.lookup(['stb-2019-143', 'kst-19637-60']);
    await resolver.run();
    const fetchedAt = clock;
    clock += FRESH_FOR.document + 1;
    fakes.koopError = new ServiceError('KOOP', 'http', 'answered 503', 503);
    fakes.tkError = new ServiceError('Tweede Kamer API', 'http', 'answered 503', 503);
    const stale = await resolver.lookup(['stb-2019-143', 'kst-19637-60']);
    await resolver.run();
    expect(stale.refs[0]).toMatchObject({
      state: 'stale',
      asOf: fetchedAt,
      document: { titel: 'Titel van stb-2019-143' },
    });
    const after = await resolver.lookup(['stb-2019-143', 'kst-19637-60']);
    expect(after.refs[0]).toMatchObject({ state: 'stale', asOf: fetchedAt, source: 'koop' });
    expect(after.refs[1]).toMatchObject({
      state: 'stale',
      asOf: fetchedAt,
      source: 'tk',
      motion: { status: 'aangehouden' },
    });
    expect(after.health).toMatchObject({ tk: { status: 'degraded' }, koop: { status: 'degraded' } });
    // First retry after 30 s ± 50 % (random 0.5 here: exactly 30 s), not at once.
    expect(await db.fetches.get('stb-2019-143')).toMatchObject({
      status: 'queued',
      attempts: 1,
      nextAttemptAt: clock + 30_000,
      lastError: 'KOOP: answered 503',
    });
    expect(await db.fetches.get('kst-19637-60')).toMatchObject({ status: 'queued', attempts: 1 });
    // A second failure waits twice as long.
    clock += 30_000;
    await resolver.run();
    expect(await db.fetches.get('stb-2019-143')).toMatchObject({ attempts: 2, nextAttemptAt: clock + 60_000 });
  });

  it('honours Retry-After from a rate limit', async () => {
    fakes.koopError = new ServiceError('KOOP', 'http', 'answered 429', 429, 120);
    const resolver = resolverFor();
    await resolver.lookup(['stb-2019-143']);
    await resolver.run();
    expect((await db.fetches.get('stb-2019-143'))?.nextAttemptAt).toBe(clock + 120_000);
    // The TK's Retry-After counts the same for the motion it still owes.
    fakes.koopError = undefined;
    fakes.tkError = new ServiceError('Tweede Kamer API', 'http', 'answered 429', 429, 300);
    await resolver.lookup([MOTION]);
    await resolver.run();
    expect((await db.fetches.get(MOTION))?.nextAttemptAt).toBe(clock + 300_000);
  });

  it('says plainly when the TK API is gone, and takes document metadata from KOOP', async () => {
    fakes.describeError = new ServiceError(
      'Tweede Kamer API',
      'gone',
      'https://…/OData/v5/$metadata answered 410',
      410,
    );
    const resolver = resolverFor();
    const { refs } = await resolver.lookup([MOTION]);
    expect(refs[0]!.state).toBe('pending');
    await resolver.run();
    const after = await resolver.lookup([MOTION]);
    expect(after.health.tk).toMatchObject({ status: 'unavailable', message: expect.stringMatching(/410/) });
    expect(after.refs[0]).toMatchObject({
      source: 'koop',
      document: { titel: `Titel van ${MOTION}`, soort: 'Motie' },
      motion: { status: 'onbekend', reason: expect.stringMatching(/Tweede Kamer API/) },
    });
    expect(fakes.tkCalls).toBe(0);
    // Unavailable: not asked again on every page.
    clock += FRESH_FOR.document + 1;
    await resolver.lookup([MOTION]);
    await resolver.run();
    expect(fakes.describeCalls).toBe(1);
    expect(fakes.tkCalls).toBe(0);
  });

  it('never leaves the cache half-written: a failed write stores nothing, is reported, and the round is retried', async () => {
    const failing = vi.fn(() => {
      throw new Error('disk full');
    });
    db.votes.hook('creating', failing);
    const resolver = resolverFor();
    await resolver.lookup(['kst-19637-59', 'stb-2019-143']);
    await expect(resolver.run()).resolves.toBeUndefined();
    expect(fakes.reported).toEqual([['cache write', expect.objectContaining({ message: 'disk full' })]]);
    expect(await db.documents.count()).toBe(0);
    expect(await db.motions.count()).toBe(0);
    expect(await db.decisions.count()).toBe(0);
    // Its items are not left "fetching": they wait for their backoff like any failure, and no tab is told.
    expect(await db.fetches.get('kst-19637-59')).toMatchObject({
      status: 'queued',
      attempts: 1,
      nextAttemptAt: clock + 30_000,
    });
    expect(fakes.notified).toEqual([]);
    db.votes.hook('creating').unsubscribe(failing);
    clock += 30_000;
    await resolverFor().run();
    expect(await db.documents.count()).toBe(2);
    expect(await db.votes.count()).toBe(2);
  });

  it('survives being stopped: a new worker resumes the queue and fetches nothing twice', async () => {
    const before = resolverFor();
    await before.enqueue(IDS, 3);
    // The worker stops here. The next one starts from the database alone.
    const after = resolverFor();
    await after.run();
    expect(fakes.tkCalls).toBe(2);
    expect(fakes.notified.map(([tab]) => tab)).toEqual([3]);
    await after.lookup(IDS, 3);
    await after.run();
    expect(fakes.tkCalls).toBe(2);
    expect(fakes.koopCalls).toBe(1);
  });

  it('gives back the items of a worker stopped mid-round once their lease lapses', async () => {
    const before = resolverFor();
    await before.enqueue([MOTION]);
    // A claim that was never finished: the worker died during its requests.
    await db.fetches.update(MOTION, { status: 'fetching', leaseUntil: clock + 90_000 });
    const after = resolverFor();
    await after.run();
    expect(fakes.koopCalls).toBe(0);
    expect(fakes.woken).toEqual([clock + 90_000]);
    clock += 90_001;
    await after.run();
    expect(fakes.koopCalls).toBe(1);
    expect((await after.lookup([MOTION])).refs[0]).toMatchObject({ state: 'fresh', motion: { status: 'aangenomen' } });
  });

  it('replaces a motion’s decisions as a whole when it is fetched again', async () => {
    const resolver = resolverFor();
    await resolver.lookup(['kst-19637-60']);
    await resolver.run();
    expect(await db.decisions.where('zaakNummer').equals('2018Z60').primaryKeys()).toEqual(['besluit-60']);
    fakes.tkRows.set('kst-19637-60', motionRow(60, 'verworpen', 'besluit-new'));
    clock += FRESH_FOR.undecidedMotion + 1;
    await resolver.lookup(['kst-19637-60']);
    await resolver.run();
    expect(await db.decisions.where('zaakNummer').equals('2018Z60').primaryKeys()).toEqual(['besluit-new']);
    expect(await db.votes.where('decisionId').equals('besluit-60').count()).toBe(0);
    expect((await resolver.lookup(['kst-19637-60'])).refs[0]!.motion?.status).toBe('verworpen');
  });
});

describe('TK health', () => {
  it.each([
    ['gone', 404],
    ['malformed', undefined],
    ['rejected', 400],
    ['http', 503],
    ['network', undefined],
    ['timeout', undefined],
  ] as const)('a failing papers() request (%s) makes the TK degraded, never unavailable', async (kind, status) => {
    fakes.tkError = new ServiceError('Tweede Kamer API', kind, `Document?$filter=… failed (${kind})`, status);
    const resolver = resolverFor();
    await resolver.lookup(['kst-19637-60']);
    await resolver.run();
    const { health, refs } = await resolver.lookup(['kst-19637-60']);
    expect(health.tk).toMatchObject({ status: 'degraded', message: expect.stringContaining(kind) });
    expect(refs[0]).toMatchObject({ state: expect.stringMatching(/failed|pending/) });
    await resolver.run();
    // Not unavailable: the next round asks the TK again.
    fakes.tkError = undefined;
    await resolver.retryNow();
    expect(fakes.tkCalls).toBe(2);
    expect((await resolver.lookup(['kst-19637-60'])).refs[0]).toMatchObject({
      state: 'fresh',
      motion: { status: 'aangehouden' },
    });
    expect((await resolver.lookup([])).health.tk.status).toBe('ok');
  });

  it.each([
    ['gone', 404, 'unavailable'],
    ['gone', 410, 'unavailable'],
    ['malformed', undefined, 'unavailable'],
    ['http', 500, 'degraded'],
    ['http', 429, 'degraded'],
    ['network', undefined, 'degraded'],
    ['timeout', undefined, 'degraded'],
  ] as const)('describe() failing with %s %s makes the TK %s', async (kind, status, verdict) => {
    fakes.describeError = new ServiceError('Tweede Kamer API', kind, `$metadata failed (${kind})`, status);
    const resolver = resolverFor();
    await resolver.lookup(['kst-19637-60']);
    await resolver.run();
    expect((await resolver.lookup([])).health.tk.status).toBe(verdict);
    expect(fakes.tkCalls).toBe(0);
    expect(fakes.reported).toEqual([]);
  });

  it('an unavailable TK is asked again once it is cleared, and only then', async () => {
    fakes.describeError = new ServiceError('Tweede Kamer API', 'gone', '$metadata answered 404', 404);
    const resolver = resolverFor();
    await resolver.lookup(['kst-19637-60'], 4);
    await resolver.run();
    fakes.describeError = undefined;
    await resolver.retryNow();
    expect(fakes.describeCalls).toBe(1);
    expect(await clearUnavailable(db, clock)).toBe(true);
    await resolver.retryNow();
    expect(fakes.describeCalls).toBe(3); // the failed one, then before and after the queries
    expect(lastTold(4, 'kst-19637-60')).toMatchObject({ state: 'fresh', motion: { status: 'aangehouden' } });
  });
});

describe('a motion KOOP knows while the TK fails', () => {
  const outage = () => new ServiceError('Tweede Kamer API', 'http', 'Document answered 503', 503);

  it('shows KOOP’s record as “onbekend” with a reason, keeps the tab, and delivers the status when the TK is back', async () => {
    fakes.tkError = outage();
    const resolver = resolverFor();
    await resolver.lookup([MOTION], 7);
    await resolver.run();
    expect(fakes.koopCalls).toBe(1);
    expect(fakes.tkCalls).toBe(1);
    // The tab is told at once: KOOP's facts, and that the outcome cannot be known now.
    expect(lastTold(7, MOTION)).toMatchObject({
      source: 'koop',
      document: { titel: `Titel van ${MOTION}`, soort: 'Motie' },
      motion: { status: 'onbekend', reason: expect.stringMatching(/Tweede Kamer API.*niet bereikbaar/) },
    });
    // Still owed: queued with its backoff, and with the tab that asked.
    expect(await db.fetches.get(MOTION)).toMatchObject({
      status: 'queued',
      attempts: 1,
      nextAttemptAt: clock + 30_000,
      tabs: [7],
      lastError: expect.stringMatching(/503/),
    });
    expect(fakes.woken.at(-1)).toBe(clock + 30_000);
    const during = await resolver.lookup([MOTION]);
    expect(during.health.tk.status).toBe('degraded');
    expect(during.refs[0]!.motion?.status).toBe('onbekend');
    // (A lookup starts a run; it finds nothing due yet. Let it end, so retryNow starts its own.)
    await resolver.run();
    expect(fakes.tkCalls).toBe(1);

    // The TK is back; the user presses "Opnieuw proberen". The tab asks nothing: it is told.
    fakes.tkError = undefined;
    const told = fakes.notified.length;
    await resolver.retryNow();
    expect(fakes.notified.length).toBe(told + 1);
    expect(lastTold(7, MOTION)).toMatchObject({
      state: 'fresh',
      source: 'tk',
      motion: { status: 'aangenomen', voor: 90, tegen: 60 },
    });
    expect(lastTold(7, MOTION)!.motion!.reason).toBeUndefined();
    expect(await db.fetches.get(MOTION)).toMatchObject({ status: 'done', attempts: 0, tabs: [] });
    expect((await resolver.lookup([])).health.tk.status).toBe('ok');
  });

  it('never replaces a cached TK record by KOOP’s during an outage', async () => {
    const resolver = resolverFor();
    await resolver.lookup([MOTION], 7);
    await resolver.run();
    const before = (await resolver.lookup([MOTION])).refs[0]!;
    expect(before).toMatchObject({ source: 'tk', motion: { status: 'aangenomen' } });
    clock += FRESH_FOR.decidedMotion + 1;
    fakes.tkError = outage();
    await resolver.lookup([MOTION], 7);
    await resolver.run();
    const after = (await resolver.lookup([MOTION])).refs[0]!;
    expect(after).toMatchObject({ state: 'stale', source: 'tk', asOf: before.asOf, motion: before.motion });
    expect(await db.documents.get(MOTION)).toMatchObject({ source: 'tk' });
    expect((await db.documents.get(MOTION))?.motionUnknown).toBeUndefined();
    expect(await db.votes.count()).toBe(2);
    expect(await db.fetches.get(MOTION)).toMatchObject({ status: 'queued', tabs: [7] });
  });
});

describe('a TK service that lacks what a motion’s outcome needs', () => {
  it('says “onbekend” with the reason for a motion KOOP knows', async () => {
    // A v5 service without Zaak.Soort: the motion cannot be found among a document's zaken.
    fakes.vocabulary = mockVocabulary('v5', { Zaak: ['Soort'] });
    expect(fakes.vocabulary.can.decision).toBe(false);
    const resolver = resolverFor();
    await resolver.lookup([MOTION, 'kst-19637-60'], 2);
    await resolver.run();
    const reason = lackMessage(fakes.vocabulary, 'decision')!;
    expect(reason).toMatch(/^de Tweede Kamer API levert .* niet meer$/);
    expect(lastTold(2, MOTION)).toMatchObject({ motion: { status: 'onbekend', reason } });
    expect(lastTold(2, 'kst-19637-60')).toMatchObject({ source: 'tk', motion: { status: 'onbekend', reason } });
    // The service is fine, it only has less: not degraded, and the reason is on the options page too.
    const { health } = await resolver.lookup([]);
    expect(health.tk).toMatchObject({ status: 'ok', api: { can: { decision: false }, problems: [reason] } });
  });

  it('says “onbekend” with the reason when the decision field itself is gone (Besluit.BesluitSoort)', async () => {
    fakes.vocabulary = mockVocabulary('v5', { Besluit: ['BesluitSoort'] });
    expect(fakes.vocabulary.can.decision).toBe(false);
    const resolver = resolverFor();
    await resolver.lookup([MOTION], 2);
    await resolver.run();
    expect(lastTold(2, MOTION)).toMatchObject({
      motion: { status: 'onbekend', reason: lackMessage(fakes.vocabulary, 'decision') },
    });
    // What the TK could still read is kept: the votes and the indieners.
    expect(lastTold(2, MOTION)!.motion).toMatchObject({ voor: 90, tegen: 60, kabinetsappreciatie: 'Oordeel Kamer' });
  });
});

describe('the run loop', () => {
  it('tells a tab that asked for an id while it was being fetched, when the round ends', async () => {
    let release!: () => void;
    fakes.koopGate = new Promise((resolve) => {
      release = resolve;
    });
    const inRound = new Promise<void>((resolve) => {
      fakes.onKoop = resolve;
    });
    const resolver = resolverFor();
    await resolver.lookup([MOTION], 1);
    const round = resolver.run();
    await inRound;
    const meanwhile = await resolver.lookup([MOTION], 2);
    expect(meanwhile.refs[0]!.state).toBe('pending');
    release();
    await round;
    expect(fakes.koopCalls).toBe(1);
    expect(lastTold(1, MOTION)).toMatchObject({ state: 'fresh', motion: { status: 'aangenomen' } });
    expect(lastTold(2, MOTION)).toMatchObject({ state: 'fresh', motion: { status: 'aangenomen' } });
  });

  it('asks to be woken when the next waiting item falls due', async () => {
    fakes.koopError = new ServiceError('KOOP', 'http', 'answered 503', 503);
    const resolver = resolverFor();
    await resolver.lookup(['stb-2019-143']);
    await resolver.run();
    expect(fakes.woken).toEqual([clock + 30_000]);
    // Woken then, the item is tried again; its second failure waits longer, and the alarm follows.
    clock += 30_000;
    await resolver.run();
    expect(fakes.woken).toEqual([clock, clock + 60_000]);
    fakes.koopError = undefined;
    clock += 60_000;
    await resolver.run();
    expect(fakes.woken).toHaveLength(2);
    expect((await resolver.lookup(['stb-2019-143'])).refs[0]!.state).toBe('fresh');
  });

  it.each([
    ['the TK source', 'tk'],
    ['describe()', 'describe'],
    ['papers()', 'papers'],
    ['KOOP', 'koop'],
  ] as const)('reports an unexpected error in %s, counts it as degraded, and never rejects', async (_what, where) => {
    const bug = new TypeError('Cannot read properties of undefined');
    const d = deps();
    if (where === 'tk')
      d.tk = async () => {
        throw bug;
      };
    if (where === 'describe') fakes.describeError = bug;
    if (where === 'papers') fakes.tkError = bug;
    if (where === 'koop') fakes.koopError = bug;
    const resolver = resolverFor(d);
    await resolver.lookup(['kst-19637-60', 'stb-2019-143'], 5);
    await expect(resolver.run()).resolves.toBeUndefined();
    const service = where === 'koop' ? 'koop' : 'tk';
    expect(fakes.reported).toEqual([[`${service} request`, bug]]);
    const { health } = await resolver.lookup([]);
    expect(health[service]).toMatchObject({ status: 'degraded', message: bug.message });
    // Worth another try: queued with backoff, not given up.
    const waiting = where === 'koop' ? 'stb-2019-143' : 'kst-19637-60';
    expect(await db.fetches.get(waiting)).toMatchObject({
      status: 'queued',
      attempts: 1,
      nextAttemptAt: clock + 30_000,
    });
  });
});
