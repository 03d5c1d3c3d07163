import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { DocumentRecord } from '../../lib/db/models';
import { KamerlensDB } from '../../lib/db/schema';
import { detectPapers } from '../../lib/refs';
import { createSync } from '../../lib/sync';
import { startMockApi } from '../support/mock-api/server';
import { corpusText, HAS_SHARED, NO_SHARED } from '../support/shared';
import { report } from './measure';

/**
 * Requests to resolve every reference of the 2020 progress letter from a cold cache (no `$metadata` cached either),
 * against the mock services, once per TK API version: v5 (the real service since October 2026) and v4/2.0.
 */
async function coldRequests(): Promise<void> {
  if (!HAS_SHARED) {
    console.log(`# ${NO_SHARED}: the cold-cache figure needs the corpus`);
    return;
  }
  for (const version of ['v5', 'v4'] as const) {
    const api = await startMockApi({ tkVersions: [version] });
    const db = new KamerlensDB(`bench-${version}-${Date.now()}`);
    try {
      const sync = createSync(db, { tkBaseUrl: async () => api.baseUrl.tk, koopBaseUrl: async () => api.baseUrl.koop });
      const ids = [...new Set(detectPapers(corpusText('ima-voortgangsbrief-2020')).map((r) => r.id))];
      api.clearRequests();
      await sync.resolver.lookup(ids);
      await sync.resolver.run();
      const { refs } = await sync.resolver.lookup(ids);
      const sent = api.requests.filter((r) => !r.url.startsWith('/__mock'));
      if (version === 'v5') report('2020 letter: distinct references', ids.length, 'refs', 0);
      report(
        `2020 letter, TK ${version}: requests from a cold cache, $metadata included (aim ≤ 4)`,
        sent.length,
        'requests',
        0,
      );
      report(
        `2020 letter, TK ${version}: of which $metadata`,
        sent.filter((r) => r.url.includes('$metadata')).length,
        'requests',
        0,
      );
      report(
        `2020 letter, TK ${version}: references resolved`,
        refs.filter((r) => r.state === 'fresh').length,
        'refs',
        0,
      );
    } finally {
      db.close();
      await Dexie.delete(db.name);
      await api.close();
    }
  }
}

function documents(n: number): DocumentRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `kst-${30000 + (i % 5000)}-${i}`,
    kind: 'kamerstuk',
    tkNummer: `2020D${String(i).padStart(5, '0')}`,
    soort: 'Brief regering',
    titel: `Brief nummer ${i} over het vreemdelingenbeleid`,
    dossier: String(30000 + (i % 5000)),
    datum: '2020-11-05',
    indieners: ['F. Grapperhaus'],
    source: 'tk',
    fetchedAt: Date.now(),
  }));
}

/**
 * Records ingested per second into Dexie (one transaction, as the sync writes a round), next to the same records put
 * one by one through bare IndexedDB in the same run: the ratio shows what batching through Dexie gains or costs.
 * Node's IndexedDB here is fake-indexeddb, slower than a browser's; the ratio is what carries over.
 */
async function ingest(): Promise<void> {
  const n = 10_000;
  const db = new KamerlensDB(`bench-ingest-${Date.now()}`);
  const records = documents(n);
  const t0 = performance.now();
  await db.transaction('rw', db.documents, () => db.documents.bulkPut(records));
  const dexieMs = performance.now() - t0;
  db.close();
  await Dexie.delete(db.name);

  const bareMs = await new Promise<number>((resolve, reject) => {
    const open = indexedDB.open(`bench-bare-${Date.now()}`, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('documents', { keyPath: 'id' });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const idb = open.result;
      const t1 = performance.now();
      const tx = idb.transaction('documents', 'readwrite');
      const store = tx.objectStore('documents');
      for (const r of records) store.put(r);
      tx.oncomplete = () => {
        idb.close();
        resolve(performance.now() - t1);
      };
    };
  });
  report('dexie ingest (10000 records, one transaction)', (n / dexieMs) * 1000, 'records/s', 0);
  report('dexie ingest time for 10000 records', dexieMs, 'ms', 0);
  report('dexie ingest time vs bare IndexedDB puts', dexieMs / bareMs, 'x', 2);
}

export async function benchSync(): Promise<void> {
  await coldRequests();
  await ingest();
}
