import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { clearCache } from '../../../lib/db/cache-reset';
import { notesRepository, requestPersistence } from '../../../lib/db/notes-repo';
import { CACHE_TABLES, KamerlensDB, USER_TABLES } from '../../../lib/db/schema';
import { NotesError } from '../../../lib/notes/errors';

let n = 0;
const opened: KamerlensDB[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

/** A repository on a fresh database with a clock the test moves: edit order never depends on the machine's speed. */
function setup() {
  const db = new KamerlensDB(`kamerlens-notes-${n++}`);
  opened.push(db);
  let now = 1_000;
  const tick = () => (now += 1_000);
  return { db, repo: notesRepository(db, () => now), tick };
}

const LETTER = {
  documentId: 'kst-19637-2535',
  url: 'https://zoek.officielebekendmakingen.nl/kst-19637-2535.html',
  title: 'Brief',
};

describe('the notes repository', () => {
  it('writes a note for a document and lists it with its url, title and dates', async () => {
    const { repo } = setup();
    const note = await repo.create({ ...LETTER, body: 'Eerste gedachte', tags: ['migratie'] });
    expect(note).toMatchObject({
      ...LETTER,
      body: 'Eerste gedachte',
      pinned: false,
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await repo.forDocument('kst-19637-2535')).toEqual([note]);
    expect(await repo.forDocument('kst-35000-VI-59')).toEqual([]);
    expect(await repo.count('kst-19637-2535')).toBe(1);
  });

  it('lists pinned notes first, then the most recently edited', async () => {
    const { repo, tick } = setup();
    const a = await repo.create({ ...LETTER, body: 'a' });
    tick();
    const b = await repo.create({ ...LETTER, body: 'b' });
    tick();
    const c = await repo.create({ ...LETTER, body: 'c' });
    tick();
    await repo.update(a.id, { pinned: true });
    tick();
    await repo.update(b.id, { body: 'b, bewerkt' });
    expect((await repo.forDocument(LETTER.documentId)).map((x) => x.body)).toEqual(['a', 'b, bewerkt', 'c']);
    expect((await repo.get(b.id))?.updatedAt).toBe(5_000);
    expect((await repo.get(b.id))?.createdAt).toBe(2_000);
    void c;
  });

  it('deletes a note so that undo gives it back whole, and counts only live notes', async () => {
    const { repo, tick } = setup();
    const note = await repo.create({ ...LETTER, body: 'bewaren', tags: ['x'] });
    tick();
    await repo.remove(note.id);
    expect(await repo.forDocument(LETTER.documentId)).toEqual([]);
    expect(await repo.count(LETTER.documentId)).toBe(0);
    expect((await repo.get(note.id))?.deletedAt).toBe(2_000);
    tick();
    await repo.undo(note.id);
    const back = await repo.get(note.id);
    expect(back).toEqual({ ...note, updatedAt: 3_000 });
    expect(await repo.count(LETTER.documentId)).toBe(1);
  });

  it('drops deleted notes for good only after the undo period', async () => {
    const { repo, tick } = setup();
    const old = await repo.create({ ...LETTER, body: 'oud' });
    await repo.remove(old.id);
    const kept = await repo.create({ ...LETTER, body: 'blijft' });
    tick();
    expect(await repo.purgeDeleted(500)).toBe(1);
    expect(await repo.get(old.id)).toBeUndefined();
    expect(await repo.get(kept.id)).toBeDefined();
  });

  it('finds notes by tag (each tag of a note) and lists the tags in use', async () => {
    const { db, repo } = setup();
    const a = await repo.create({ ...LETTER, tags: ['migratie', 'eu'] });
    await repo.create({ ...LETTER, tags: ['eu'] });
    expect(await db.notes.where('tags').equals('migratie').primaryKeys()).toEqual([a.id]);
    expect(await db.notes.where('tags').equals('eu').count()).toBe(2);
    expect(await repo.tags()).toEqual(['eu', 'migratie']);
  });

  it('says that an edit of a note that is gone failed, instead of making a new one', async () => {
    const { repo } = setup();
    await expect(repo.update('nope', { body: 'x' })).rejects.toMatchObject({
      name: 'NotesError',
      code: 'write',
      key: 'notes_error_gone',
    });
    expect(await repo.all()).toEqual([]);
  });

  it('reports a full disk as a quota error that says the note was not saved', async () => {
    const { db, repo } = setup();
    const full = Object.assign(new Error('Quota exceeded'), { name: 'QuotaExceededError' });
    db.notes.hook('creating', () => {
      throw full;
    });
    const error = await repo.create({ ...LETTER, body: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotesError);
    expect(error).toMatchObject({ code: 'quota', key: 'notes_error_quota' });
    expect((error as Error).message).toMatch(/niet opgeslagen.*vol/);
  });
});

describe('the cache reset', () => {
  it('names its tables, none of them a notes table, and every table is either cache or user data', () => {
    const db = new KamerlensDB('kamerlens-names');
    expect(CACHE_TABLES.filter((t) => (USER_TABLES as readonly string[]).includes(t))).toEqual([]);
    expect([...CACHE_TABLES, ...USER_TABLES].sort()).toEqual(db.tables.map((t) => t.name).sort());
    expect(db.cacheTables.map((t) => t.name)).toEqual([...CACHE_TABLES]);
  });

  it('empties the cache and leaves every note, deleted ones too', async () => {
    const { db, repo } = setup();
    const live = await repo.create({ ...LETTER, body: 'blijft' });
    const gone = await repo.create({ ...LETTER, body: 'weg, maar herstelbaar' });
    await repo.remove(gone.id);
    await db.documents.put({ id: 'kst-19637-2535', kind: 'kamerstuk', indieners: [], source: 'tk', fetchedAt: 1 });
    await db.syncState.put({ key: 'k', value: 1, updatedAt: 1 });
    expect(await clearCache(db)).toEqual([...CACHE_TABLES]);
    expect(await db.documents.count()).toBe(0);
    expect(await db.syncState.count()).toBe(0);
    expect((await db.notes.toArray()).map((x) => x.id).sort()).toEqual([live.id, gone.id].sort());
  });
});

describe('requestPersistence', () => {
  it('asks for persistent storage unless it already is, and says when the browser cannot', async () => {
    const asked: string[] = [];
    const storage = (persisted: boolean, grant: boolean) =>
      ({
        persisted: async () => {
          asked.push('persisted');
          return persisted;
        },
        persist: async () => {
          asked.push('persist');
          return grant;
        },
      }) as unknown as StorageManager;
    expect(await requestPersistence(storage(false, true))).toBe(true);
    expect(asked).toEqual(['persisted', 'persist']);
    asked.length = 0;
    expect(await requestPersistence(storage(true, false))).toBe(true);
    expect(asked).toEqual(['persisted']);
    expect(await requestPersistence(undefined)).toBeUndefined();
  });
});
