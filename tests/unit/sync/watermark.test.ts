import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KamerlensDB } from '../../../lib/db/schema';
import { refreshFollowed } from '../../../lib/sync/resolver';
import type { TkSource } from '../../../lib/tk/source';

const NOW = Date.UTC(2026, 11, 1, 12);
let db: KamerlensDB;
let n = 0;

beforeEach(async () => {
  db = new KamerlensDB(`watermark-${n++}`);
  await db.dossiers.put({ id: '19637', followed: true, fetchedAt: 1 });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** A TK source that records the instant it is asked from and answers with a given new watermark. */
function tk(answer: string) {
  const asked: string[] = [];
  const source = {
    changedSince: async (_dossiers: readonly number[], since: string) => {
      asked.push(since);
      return { documents: [], watermark: answer };
    },
  } as unknown as TkSource;
  return { asked, deps: { db, tk: async () => source, koop: { lookup: async () => new Map() }, now: () => NOW } };
}

describe('the watermark of the incremental refresh', () => {
  it.each([
    ['a text that is no instant', "2026-11-30T00:00:00Z') or (1 eq 1"],
    ['an instant in the future', '2099-01-01T00:00:00Z'],
    ['a number', 42],
  ])('is not taken from storage when it is %s', async (_what, stored) => {
    await db.syncState.put({ key: 'tk:watermark', value: stored, updatedAt: 1 });
    const { asked, deps } = tk('2026-12-01T10:00:00Z');
    await refreshFollowed(deps);
    expect(asked).toEqual([new Date(NOW - 86_400_000).toISOString()]);
    expect((await db.syncState.get('tk:watermark'))?.value).toBe('2026-12-01T10:00:00Z');
  });

  it('moves only to a valid instant the API gave, never into the future', async () => {
    await db.syncState.put({ key: 'tk:watermark', value: '2026-11-30T08:00:00Z', updatedAt: 1 });
    const { asked, deps } = tk('2099-01-01T00:00:00Z');
    await refreshFollowed(deps);
    expect(asked).toEqual(['2026-11-30T08:00:00Z']);
    expect((await db.syncState.get('tk:watermark'))?.value).toBe('2026-11-30T08:00:00Z');
  });
});
