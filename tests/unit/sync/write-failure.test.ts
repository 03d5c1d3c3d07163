import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FORGET_AFTER } from '../../../lib/db/repositories';
import { KamerlensDB } from '../../../lib/db/schema';
import type { KoopRecord } from '../../../lib/koop/records';
import { Resolver } from '../../../lib/sync/resolver';
import type { TkSource } from '../../../lib/tk/source';

const NOW = Date.UTC(2026, 11, 1);
let db: KamerlensDB;
let n = 0;

const letter = (identifier: string): KoopRecord => ({
  identifier,
  title: `Brief ${identifier}`,
  type: 'Kamerstuk',
  subrubriek: 'Brief',
  indieners: [],
});

/** A TK source that is never needed here: letters come from KOOP alone. */
const noTk = async (): Promise<TkSource> => {
  throw new Error('the TK API is not asked for letters');
};

beforeEach(() => {
  db = new KamerlensDB(`write-failure-${n++}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('a round that cannot be written', () => {
  it('on a full disk: old rows are evicted, the ids wait for their backoff with the reason, the tab is told later', async () => {
    await db.fetches.put({
      id: 'kst-1-1',
      kind: 'kamerstuk',
      status: 'done',
      nextAttemptAt: 0,
      attempts: 0,
      freshUntil: 0,
      tabs: [],
      lookedUpAt: NOW - FORGET_AFTER,
    });
    const reports: string[] = [];
    const told: [number, string[]][] = [];
    let clock = NOW;
    const resolver = new Resolver({
      db,
      tk: noTk,
      koop: { lookup: async (ids) => new Map(ids.map((id) => [id, letter(id)])) },
      notify: (tab, refs) => {
        told.push([tab, refs.map((r) => `${r.id}:${r.state}`)]);
      },
      report: (where) => reports.push(where),
      now: () => clock,
      random: () => 0.5,
    });
    const put = vi
      .spyOn(db.documents, 'bulkPut')
      .mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

    await resolver.lookup(['kst-19637-2375'], 7);
    await resolver.run();
    expect(reports).toContain('cache write');
    const waiting = await db.fetches.get('kst-19637-2375');
    expect(waiting).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'de opslag van de browser is vol',
      tabs: [7],
    });
    expect(waiting!.nextAttemptAt).toBeGreaterThan(NOW);
    expect(await db.fetches.get('kst-1-1')).toBeUndefined(); // evicted to make room
    expect(told).toEqual([]);

    // After the backoff the round is written, and the tab that waited is told.
    put.mockRestore();
    clock = waiting!.nextAttemptAt;
    await resolver.run();
    expect((await db.fetches.get('kst-19637-2375'))?.status).toBe('done');
    expect(told).toEqual([[7, ['kst-19637-2375:fresh']]]);
  });
});
