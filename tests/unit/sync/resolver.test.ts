import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KamerlensDB } from '../../../lib/db/schema';
import type { KoopRecord } from '../../../lib/koop/types';
import { ServiceError } from '../../../lib/net/http';
import { FRESH_FOR } from '../../../lib/sync/freshness';
import type { RefInfo } from '../../../lib/sync/info';
import { Resolver, type SyncDeps } from '../../../lib/sync/resolver';
import type { RawDocument } from '../../../lib/tk/adapter';
import type { TkClient } from '../../../lib/tk/client';

/** A motion document as the TK API returns it with our $expand: dossier, zaak, decisions with votes and dates. */
function motionDoc(volgnummer: number, outcome: string): RawDocument {
  return {
    Id: `doc-${volgnummer}`,
    Soort: 'Motie',
    DocumentNummer: `2018D0${volgnummer}`,
    Titel: 'Vreemdelingenbeleid',
    Onderwerp: `Motie nr. ${volgnummer}`,
    Datum: '2018-11-22T00:00:00+01:00',
    Vergaderjaar: '2018-2019',
    Volgnummer: volgnummer,
    ApiGewijzigdOp: '2018-12-04T12:00:00.0000000Z',
    Verwijderd: false,
    Kamerstukdossier: [{ Id: 'k', Nummer: 19637, Toevoeging: null, Titel: 'Vreemdelingenbeleid' }],
    DocumentActor: [],
    Zaak: [
      {
        Id: `zaak-${volgnummer}`,
        Nummer: `2018Z${volgnummer}`,
        Soort: 'Motie',
        Onderwerp: `Motie nr. ${volgnummer}`,
        Kabinetsappreciatie: 'Oordeel Kamer',
        ApiGewijzigdOp: null,
        Verwijderd: false,
        ZaakActor: [{ ActorNaam: 'M. Groothuizen', ActorFractie: 'D66', Relatie: 'Indiener' }],
        Besluit: [
          {
            Id: `besluit-${volgnummer}`,
            BesluitSoort: `Stemmen - ${outcome}`,
            BesluitTekst: null,
            Status: 'Besluit',
            StemmingsSoort: 'Met handopsteken',
            AgendapuntZaakBesluitVolgorde: 1,
            ApiGewijzigdOp: null,
            Verwijderd: false,
            Agendapunt: { Activiteit: { Datum: '2018-12-04T10:00:00+01:00' } },
            Stemming: [
              {
                Id: `s1-${volgnummer}`,
                Soort: 'Voor',
                FractieGrootte: 90,
                ActorNaam: 'A',
                ActorFractie: 'A',
                Persoon_Id: null,
                Vergissing: false,
                Verwijderd: false,
              },
              {
                Id: `s2-${volgnummer}`,
                Soort: 'Tegen',
                FractieGrootte: 60,
                ActorNaam: 'B',
                ActorFractie: 'B',
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

interface Fakes {
  tkDocs: Map<string, RawDocument>;
  koopIds: Set<string>;
  tkError?: Error;
  koopError?: Error;
  tkCalls: number;
  koopCalls: number;
  notified: [number, RefInfo[]][];
}

let db: KamerlensDB;
let clock: number;
let fakes: Fakes;
let n = 0;

function deps(): SyncDeps {
  const tk = {
    kamerstukken: async (refs: { id: string }[]) => {
      fakes.tkCalls++;
      if (fakes.tkError) throw fakes.tkError;
      return {
        found: new Map(refs.flatMap((r) => (fakes.tkDocs.has(r.id) ? [[r.id, fakes.tkDocs.get(r.id)!] as const] : []))),
        requests: 1,
      };
    },
    documentNummers: async () => ({ found: new Map(), requests: 0 }),
  } as unknown as TkClient;
  return {
    db,
    tk: async () => tk,
    koop: {
      lookup: async (ids) => {
        fakes.koopCalls++;
        if (fakes.koopError) throw fakes.koopError;
        return new Map(ids.filter((id) => fakes.koopIds.has(id)).map((id) => [id, koopRecord(id)]));
      },
    },
    notify: (tab, refs) => {
      fakes.notified.push([tab, refs]);
    },
    now: () => clock,
    random: () => 0.5,
  };
}

beforeEach(() => {
  db = new KamerlensDB(`resolver-${n++}`);
  clock = Date.UTC(2020, 10, 1);
  fakes = {
    tkDocs: new Map([
      ['kst-19637-59', motionDoc(59, 'aangenomen')],
      ['kst-19637-60', motionDoc(60, 'aangehouden')],
    ]),
    koopIds: new Set(['kst-19637-59', 'kst-34482-B', 'stb-2019-143']),
    tkCalls: 0,
    koopCalls: 0,
    notified: [],
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
  for (const r of resolvers.splice(0)) await r.run().catch(() => {});
  db.close();
  await Dexie.delete(db.name);
});

const IDS = ['kst-19637-59', 'kst-19637-60', 'kst-34482-B', 'stb-2019-143', 'kst-99999-1'];

describe('the resolver', () => {
  it('answers at once from the cache, fetches what is missing in one round, and tells the tab', async () => {
    // kst-19637-59: a motion KOOP knows (then the TK for its votes); kst-19637-60: one KOOP lacks (TK fallback).
    const resolver = resolverFor();
    const first = await resolver.lookup(IDS, 7);
    expect(first.refs.map((r) => r.state)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
    await resolver.run();
    expect(fakes.tkCalls).toBe(1);
    expect(fakes.koopCalls).toBe(1);
    const [tab, refs] = fakes.notified[0]!;
    expect(tab).toBe(7);
    const byId = Object.fromEntries(refs.map((r) => [r.id, r]));
    expect(byId['kst-19637-59']).toMatchObject({
      state: 'fresh',
      source: 'tk',
      motion: {
        status: 'aangenomen',
        statusDate: '2018-12-04',
        voor: 90,
        tegen: 60,
        stemmingsSoort: 'Met handopsteken',
      },
    });
    expect(byId['kst-19637-60']!.motion?.status).toBe('aangehouden');
    expect(byId['kst-34482-B']).toMatchObject({ state: 'fresh', source: 'koop', document: { soort: 'Brief' } });
    expect(byId['kst-99999-1']!.state).toBe('missing');
  });

  it('serves cached records without asking any service again', async () => {
    const resolver = resolverFor();
    await resolver.lookup(IDS);
    await resolver.run();
    const calls = fakes.tkCalls + fakes.koopCalls;
    const again = await resolver.lookup(IDS);
    await resolver.run();
    expect(fakes.tkCalls + fakes.koopCalls).toBe(calls);
    expect(again.refs.map((r) => r.state)).toEqual(['fresh', 'fresh', 'fresh', 'fresh', 'missing']);
  });

  it('refreshes an undecided motion within hours and a decided one only after weeks', async () => {
    const resolver = resolverFor();
    await resolver.lookup(['kst-19637-59', 'kst-19637-60']);
    await resolver.run();
    clock += FRESH_FOR.undecidedMotion + 1;
    const later = await resolver.lookup(['kst-19637-59', 'kst-19637-60']);
    expect(later.refs.map((r) => r.state)).toEqual(['fresh', 'stale']);
  });

  it('keeps serving a stale record with its date while both sources are down, and backs off', async () => {
    const resolver = resolverFor();
    await resolver.lookup(['stb-2019-143']);
    await resolver.run();
    const fetchedAt = clock;
    clock += FRESH_FOR.document + 1;
    fakes.koopError = new ServiceError('KOOP', 'http', 'answered 503', 503);
    const stale = await resolver.lookup(['stb-2019-143']);
    await resolver.run();
    expect(stale.refs[0]).toMatchObject({
      state: 'stale',
      asOf: fetchedAt,
      document: { titel: 'Titel van stb-2019-143' },
    });
    const row = await db.fetches.get('stb-2019-143');
    // First retry after 30 s ± 50 % (random 0.5 here: exactly 30 s), not at once.
    expect(row).toMatchObject({
      status: 'queued',
      attempts: 1,
      nextAttemptAt: clock + 30_000,
      lastError: 'KOOP: answered 503',
    });
    expect((await resolver.lookup(['stb-2019-143'])).refs[0]!.state).toBe('stale');
  });

  it('honours Retry-After from a rate limit', async () => {
    fakes.koopError = new ServiceError('KOOP', 'http', 'answered 429', 429, 120);
    const resolver = resolverFor();
    await resolver.lookup(['stb-2019-143']);
    await resolver.run();
    expect((await db.fetches.get('stb-2019-143'))?.nextAttemptAt).toBe(clock + 120_000);
  });

  it('says plainly when the TK API is gone, and takes document metadata from KOOP', async () => {
    fakes.tkError = new ServiceError('Tweede Kamer API', 'gone', 'https://…/OData/v4/2.0/Document answered 410', 410);
    const resolver = resolverFor();
    const { refs } = await resolver.lookup(['kst-19637-59']);
    expect(refs[0]!.state).toBe('pending');
    await resolver.run();
    const after = await resolver.lookup(['kst-19637-59']);
    expect(after.health.tk).toMatchObject({ status: 'unavailable', message: expect.stringMatching(/410/) });
    expect(after.refs[0]).toMatchObject({ state: 'fresh', source: 'koop' });
    // Unavailable: not asked again on every page.
    clock += FRESH_FOR.document + 1;
    await resolver.lookup(['kst-19637-59']);
    await resolver.run();
    expect(fakes.tkCalls).toBe(1);
  });

  it('never leaves the cache half-written: a failed write stores nothing, and the round is retried', async () => {
    const failing = vi.fn(() => {
      throw new Error('disk full');
    });
    db.votes.hook('creating', failing);
    const resolver = resolverFor();
    await resolver.lookup(['kst-19637-59', 'stb-2019-143']);
    await expect(resolver.run()).rejects.toThrow(/disk full/);
    expect(await db.documents.count()).toBe(0);
    expect(await db.motions.count()).toBe(0);
    db.votes.hook('creating').unsubscribe(failing);
    clock += 120_000; // the lease of the failed round lapses
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
    expect(fakes.tkCalls).toBe(1);
    await after.lookup(IDS, 3);
    await after.run();
    expect(fakes.tkCalls).toBe(1);
    expect(fakes.koopCalls).toBe(1);
  });

  it('replaces a motion’s decisions as a whole when it is fetched again', async () => {
    const resolver = resolverFor();
    await resolver.lookup(['kst-19637-60']);
    await resolver.run();
    fakes.tkDocs.set('kst-19637-60', motionDoc(60, 'verworpen'));
    const doc = fakes.tkDocs.get('kst-19637-60')!;
    doc.Zaak![0]!.Besluit![0]!.Id = 'besluit-new';
    clock += FRESH_FOR.undecidedMotion + 1;
    await resolver.lookup(['kst-19637-60']);
    await resolver.run();
    expect(await db.decisions.where('zaakNummer').equals('2018Z60').primaryKeys()).toEqual(['besluit-new']);
    expect((await resolver.lookup(['kst-19637-60'])).refs[0]!.motion?.status).toBe('verworpen');
  });
});
