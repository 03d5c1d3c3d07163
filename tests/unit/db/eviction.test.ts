import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FetchState } from '../../../lib/db/models';
import { cacheRepository, FORGET_AFTER, queueRepository, REFRESH_IF_READ_WITHIN } from '../../../lib/db/repositories';
import { KamerlensDB } from '../../../lib/db/schema';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1);
let db: KamerlensDB;
let n = 0;

beforeEach(() => {
  db = new KamerlensDB(`eviction-${n++}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function row(id: string, lookedUpAt: number, over: Partial<FetchState> = {}): FetchState {
  return {
    id,
    kind: 'kamerstuk',
    status: 'done',
    nextAttemptAt: 0,
    attempts: 0,
    freshUntil: 0,
    tabs: [],
    lookedUpAt,
    ...over,
  };
}

async function cache(id: string, lookedUpAt: number, over: Partial<FetchState> = {}) {
  await db.fetches.put(row(id, lookedUpAt, over));
  await db.documents.put({ id, kind: 'kamerstuk', indieners: [], zaakNummer: `Z-${id}`, source: 'tk', fetchedAt: 1 });
  await db.motions.put({
    zaakNummer: `Z-${id}`,
    tkId: 'z',
    documentId: id,
    indieners: [],
    status: 'aangenomen',
    decisionId: `B-${id}`,
    fetchedAt: 1,
  });
  await db.decisions.put({ id: `B-${id}`, zaakNummer: `Z-${id}`, fetchedAt: 1 });
  await db.votes.put({
    id: `S-${id}`,
    decisionId: `B-${id}`,
    fractie: 'VVD',
    soort: 'Voor',
    zetels: 1,
    vergissing: false,
  });
}

describe('the cache forgets what nobody reads', () => {
  it('evicts references not looked up for half a year, with their motion, decisions and votes', async () => {
    await cache('kst-1-1', NOW - FORGET_AFTER - DAY);
    await cache('kst-1-2', NOW - DAY);
    expect(await cacheRepository(db).evict(NOW)).toBe(1);
    expect(await db.fetches.toCollection().primaryKeys()).toEqual(['kst-1-2']);
    expect(await db.documents.toCollection().primaryKeys()).toEqual(['kst-1-2']);
    expect(await db.motions.count()).toBe(1);
    expect(await db.decisions.count()).toBe(1);
    expect(await db.votes.count()).toBe(1);
  });

  it('keeps the cache under its cap, forgetting the least recently read first', async () => {
    for (let i = 0; i < 10; i++) await cache(`kst-1-${i}`, NOW - i * DAY);
    expect(await cacheRepository(db).evict(NOW, FORGET_AFTER, 6)).toBe(4);
    expect((await db.fetches.toCollection().primaryKeys()).sort()).toEqual(
      ['kst-1-0', 'kst-1-1', 'kst-1-2', 'kst-1-3', 'kst-1-4', 'kst-1-5'].sort(),
    );
  });

  it('never evicts what is waiting or being fetched', async () => {
    await cache('kst-1-1', NOW - FORGET_AFTER - DAY, { status: 'queued' });
    await cache('kst-1-2', NOW - FORGET_AFTER - DAY, { status: 'fetching' });
    expect(await cacheRepository(db).evict(NOW)).toBe(0);
    expect(await db.fetches.count()).toBe(2);
  });

  it('refreshes in the background only what a page read within a month', async () => {
    await db.fetches.bulkPut([
      row('kst-1-1', NOW - DAY, { freshUntil: NOW - 1 }),
      row('kst-1-2', NOW - REFRESH_IF_READ_WITHIN - DAY, { freshUntil: NOW - 1 }),
      row('kst-1-3', NOW - DAY, { freshUntil: NOW + DAY }),
    ]);
    expect(await queueRepository(db).stale(NOW)).toEqual(['kst-1-1']);
  });

  it('a lookup counts as reading, also for a fresh record', async () => {
    await db.fetches.put(row('kst-1-1', NOW - 100 * DAY, { freshUntil: NOW + DAY }));
    await queueRepository(db).touch(['kst-1-1', 'kst-9-9'], NOW);
    expect((await db.fetches.get('kst-1-1'))?.lookedUpAt).toBe(NOW);
    expect(await db.fetches.get('kst-9-9')).toBeUndefined();
  });
});
