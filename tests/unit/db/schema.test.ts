import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, KamerlensDB, SCHEMA } from '../../../lib/db/schema';

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
      ['decisions', 'documents', 'dossiers', 'fetches', 'motions', 'syncState', 'votes'].sort(),
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
 * Notes get their own table in a later version. This builds that future version the way the schema rules say it
 * will be (a new table, nothing else touched) and proves that upgrading keeps every cached record, so adding notes
 * can never cost a user their cache, and dropping the cache can never cost notes.
 */
class FutureDB extends KamerlensDB {
  notes!: Dexie.Table<{ id: string; documentId: string; text: string }, string>;
  constructor(name: string) {
    super(name);
    const next = SCHEMA.at(-1)!.version + 1;
    this.version(next)
      .stores({ notes: '&id, documentId' })
      .upgrade(async (tx) => {
        // A cache reset in the same upgrade (allowed for cache tables) must not touch notes.
        await tx.table('fetches').clear();
      });
  }
}

describe('upgrading the schema', () => {
  it('keeps cached records when a later version adds the notes table', async () => {
    const name = fresh();
    const v1 = open(name);
    await v1.documents.put({
      id: 'kst-19637-2375',
      kind: 'kamerstuk',
      indieners: ['F. Grapperhaus'],
      source: 'koop',
      fetchedAt: 42,
    });
    await v1.fetches.put({
      id: 'kst-19637-2375',
      kind: 'kamerstuk',
      status: 'done',
      nextAttemptAt: 0,
      attempts: 0,
      freshUntil: 99,
      tabs: [],
    });
    v1.close();

    const v2 = new FutureDB(name);
    opened.push(v2);
    await v2.open();
    expect(v2.verno).toBe(SCHEMA.at(-1)!.version + 1);
    expect(await v2.documents.get('kst-19637-2375')).toMatchObject({ indieners: ['F. Grapperhaus'], fetchedAt: 42 });
    expect(await v2.fetches.count()).toBe(0);
    await v2.notes.put({ id: 'n1', documentId: 'kst-19637-2375', text: 'Lezen voor het commissiedebat' });
    expect(await v2.notes.where('documentId').equals('kst-19637-2375').count()).toBe(1);
  });

  it('upgrades a version-1 database to version 2 with every cached row kept and dated by its last fetch', async () => {
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
    expect(v2.verno).toBe(2);
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
