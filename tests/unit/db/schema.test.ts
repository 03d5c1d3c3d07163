import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, KamerlensDB, SCHEMA } from '../../../lib/db/schema';
import type { Note } from '../../../lib/notes/model';

let n = 0;
const fresh = () => `kamerlens-test-${n++}`;
const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function open(name: string) {
  const db = new KamerlensDB(name);
  opened.push(db);
  return db;
}

describe('the Kamerlens database', () => {
  it('is called kamerlens and lives at the current schema version', async () => {
    expect(DB_NAME).toBe('kamerlens');
    const db = open(fresh());
    await db.open();
    expect(db.verno).toBe(SCHEMA.at(-1)!.version);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['decisions', 'documents', 'dossiers', 'fetches', 'motions', 'notes', 'syncState', 'votes'].sort(),
    );
  });

  it('finds documents by TK number and dossier, motions by document, votes by decision', async () => {
    const db = open(fresh());
    await db.documents.put({
      id: 'kst-35000-VI-59',
      kind: 'kamerstuk',
      tkNummer: '2018D55123',
      dossier: '35000-VI',
      indieners: [],
      zaakNummer: '2018Z22093',
      source: 'tk',
      fetchedAt: 1,
    });
    await db.motions.put({
      zaakNummer: '2018Z22093',
      tkId: 'z',
      documentId: 'kst-35000-VI-59',
      indieners: [],
      status: 'aangenomen',
      decisionId: 'b1',
      fetchedAt: 1,
    });
    await db.votes.bulkPut([
      { id: 's1', decisionId: 'b1', fractie: 'VVD', soort: 'Voor', zetels: 33, vergissing: false },
      { id: 's2', decisionId: 'b2', fractie: 'PVV', soort: 'Tegen', zetels: 20, vergissing: false },
    ]);
    expect((await db.documents.where('tkNummer').equals('2018D55123').first())?.id).toBe('kst-35000-VI-59');
    expect(await db.documents.where('dossier').equals('35000-VI').count()).toBe(1);
    expect((await db.motions.where('documentId').equals('kst-35000-VI-59').first())?.status).toBe('aangenomen');
    expect((await db.votes.where('decisionId').equals('b1').toArray()).map((v) => v.fractie)).toEqual(['VVD']);
  });
});

/**
 * A later version, built the way the schema rules allow one to be: it changes the cache's shape and clears a cache
 * table in its upgrade. Every note must come through.
 */
class FutureDB extends KamerlensDB {
  constructor(name: string) {
    super(name);
    const next = SCHEMA.at(-1)!.version + 1;
    this.version(next)
      .stores({ fetches: '&id, status, nextAttemptAt, freshUntil, lookedUpAt, kind' })
      .upgrade(async (tx) => {
        await tx.table('fetches').clear();
      });
  }
}

const note = (id: string, documentId: string, extra: Partial<Note> = {}): Note => ({
  id,
  documentId,
  url: `https://zoek.officielebekendmakingen.nl/${documentId}.html`,
  title: 'Brief van de minister',
  body: 'Lezen voor het *commissiedebat*',
  pinned: false,
  tags: ['migratie'],
  createdAt: 1,
  updatedAt: 2,
  ...extra,
});

/** A database at `version` of SCHEMA exactly as it was declared then, with cache data in it. */
async function atVersion(name: string, version: number) {
  const old = new Dexie(name);
  for (const step of SCHEMA.filter((s) => s.version <= version)) old.version(step.version).stores(step.stores);
  await old.open();
  await old.table('documents').put({
    id: 'kst-19637-2535',
    kind: 'kamerstuk',
    indieners: [],
    source: 'koop',
    fetchedAt: 42,
    vergaderjaar: '2019-2020',
  });
  await old.table('fetches').put({
    id: 'kst-19637-2535',
    kind: 'kamerstuk',
    status: 'done',
    nextAttemptAt: 0,
    attempts: 0,
    freshUntil: 99,
    fetchedAt: 42,
    tabs: [],
    // Version 2 added the read time; a version-1 row gets it from its fetch time in the upgrade.
    ...(version >= 2 ? { lookedUpAt: 42 } : {}),
  });
  await old.table('syncState').put({ key: 'tk:watermark', value: '2026-11-30T10:00:00Z', updatedAt: 1 });
  return old;
}

describe('upgrading the schema', () => {
  it.each(SCHEMA.filter((s) => !s.stores.notes).map((s) => s.version))(
    'upgrades a version-%i database with cache data to the current version, nothing lost, notes ready',
    async (version) => {
      const name = fresh();
      (await atVersion(name, version)).close();
      const db = open(name);
      await db.open();
      expect(db.verno).toBe(SCHEMA.at(-1)!.version);
      expect(await db.documents.get('kst-19637-2535')).toMatchObject({ fetchedAt: 42, vergaderjaar: '2019-2020' });
      expect(await db.fetches.get('kst-19637-2535')).toMatchObject({ status: 'done', freshUntil: 99, lookedUpAt: 42 });
      expect((await db.syncState.get('tk:watermark'))?.value).toBe('2026-11-30T10:00:00Z');
      await db.notes.put(note('n1', 'kst-19637-2535', { tags: ['a', 'b'] }));
      expect(await db.notes.where('documentId').equals('kst-19637-2535').count()).toBe(1);
      expect(await db.notes.where('tags').equals('b').primaryKeys()).toEqual(['n1']);
    },
  );

  it('keeps every note, deleted ones and passages too, when a later version reshapes and clears the cache', async () => {
    const name = fresh();
    const now = open(name);
    const notes = [
      note('n1', 'kst-19637-2535'),
      note('n2', 'kst-35000-VI-59', {
        pinned: true,
        selectors: [
          { type: 'TextQuoteSelector', exact: 'zes pijlers', prefix: 'agenda ', suffix: ' kent' },
          { type: 'TextPositionSelector', start: 10, end: 21 },
        ],
      }),
      note('n3', 'kst-35000-VI-59', { deletedAt: 5, updatedAt: 5 }),
    ];
    await now.notes.bulkPut(notes);
    await now.fetches.put({
      id: 'kst-19637-2535',
      kind: 'kamerstuk',
      status: 'done',
      nextAttemptAt: 0,
      attempts: 0,
      freshUntil: 99,
      tabs: [],
    });
    now.close();

    const later = new FutureDB(name);
    opened.push(later);
    await later.open();
    expect(later.verno).toBe(SCHEMA.at(-1)!.version + 1);
    expect(await later.fetches.count()).toBe(0);
    expect(await later.notes.orderBy('id').toArray()).toEqual(notes);
  });

  it('upgrades a version-1 database through version 2 with every cached row kept and dated by its last fetch', async () => {
    const name = fresh();
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA[0]!.stores);
    await v1.open();
    await v1
      .table('documents')
      .put({ id: 'kst-19637-2375', kind: 'kamerstuk', indieners: [], source: 'koop', fetchedAt: 42 });
    await v1.table('fetches').bulkPut([
      {
        id: 'kst-19637-2375',
        kind: 'kamerstuk',
        status: 'done',
        nextAttemptAt: 0,
        attempts: 0,
        freshUntil: 99,
        fetchedAt: 42,
        tabs: [],
      },
      {
        id: 'kst-19637-2376',
        kind: 'kamerstuk',
        status: 'queued',
        nextAttemptAt: 0,
        attempts: 0,
        freshUntil: 0,
        tabs: [3],
      },
    ]);
    await v1.table('syncState').put({ key: 'tk:watermark', value: '2026-11-30T10:00:00Z', updatedAt: 1 });
    v1.close();

    const before = Date.now();
    const v2 = open(name);
    await v2.open();
    expect(v2.verno).toBe(SCHEMA.at(-1)!.version);
    expect(await v2.documents.get('kst-19637-2375')).toMatchObject({ fetchedAt: 42 });
    expect((await v2.fetches.get('kst-19637-2375'))?.lookedUpAt).toBe(42);
    expect((await v2.fetches.get('kst-19637-2376'))?.lookedUpAt).toBeGreaterThanOrEqual(before);
    expect((await v2.fetches.get('kst-19637-2376'))?.tabs).toEqual([3]);
    expect(await v2.fetches.where('lookedUpAt').below(100).count()).toBe(1);
    expect((await v2.syncState.get('tk:watermark'))?.value).toBe('2026-11-30T10:00:00Z');
  });

  it('opens an existing database of the current version without an upgrade', async () => {
    const name = fresh();
    const a = open(name);
    await a.syncState.put({ key: 'tk:filter-budget', value: 45, updatedAt: 1 });
    a.close();
    const b = open(name);
    expect((await b.syncState.get('tk:filter-budget'))?.value).toBe(45);
  });
});
