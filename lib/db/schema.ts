import Dexie, { type Table, type Transaction } from 'dexie';
import type { Note } from '../notes/model';
import type {
  DecisionRecord,
  DocumentRecord,
  DossierRecord,
  FetchState,
  MotionRecord,
  SyncStateRow,
  VoteRecord,
} from './models';

/**
 * The schema, version by version. A version lists only what changes; Dexie keeps the rest. Rules that keep user data
 * safe across upgrades:
 * - never reuse a table name for something else, never drop a table that holds user data (USER_TABLES);
 * - cache tables (CACHE_TABLES) may be cleared by an upgrade that changes their shape: they refill from the
 *   services, so an `upgrade` that clears them is always safe; a user table is never cleared;
 * - each version with an `upgrade` is tested from the version before it (tests/unit/db/schema.test.ts).
 */
export const SCHEMA: { version: number; stores: Record<string, string | null>; upgrade?: (tx: unknown) => unknown }[] =
  [
    {
      version: 1,
      stores: {
        documents: '&id, kind, tkNummer, dossier, zaakNummer, fetchedAt',
        motions: '&zaakNummer, documentId, status, fetchedAt',
        decisions: '&id, zaakNummer',
        votes: '&id, decisionId',
        dossiers: '&id',
        fetches: '&id, status, nextAttemptAt, freshUntil',
        syncState: '&key',
      },
    },
    {
      // When each reference was last looked up by a page: the cache refreshes only what is read, and forgets what
      // nobody read for months (it grew for ever, and every row ever stored was fetched again each week).
      version: 2,
      stores: { fetches: '&id, status, nextAttemptAt, freshUntil, lookedUpAt' },
      upgrade: (tx) =>
        (tx as Transaction)
          .table<FetchState, string>('fetches')
          .toCollection()
          .modify((f) => {
            f.lookedUpAt ??= f.fetchedAt ?? Date.now();
          }),
    },
    {
      // Notes pinned per document (issue 11): keyed by their own id, found by the canonical document id, by tag
      // (multiEntry: a note with three tags is found under each) and by date. A table of its own, never a cache table.
      version: 3,
      stores: { notes: '&id, documentId, *tags, updatedAt' },
    },
  ];

/**
 * The tables that only cache what the services say: a "Cache wissen" or an upgrade may clear them. Named one by
 * one (never "every table but …"), so that a table added later is no cache table until someone says so here.
 */
export const CACHE_TABLES = ['documents', 'motions', 'decisions', 'votes', 'dossiers', 'fetches', 'syncState'] as const;
/** The tables that hold what only the user has: never cleared, never evicted, kept by every upgrade. */
export const USER_TABLES = ['notes'] as const;
export type CacheTableName = (typeof CACHE_TABLES)[number];

export const DB_NAME = 'kamerlens';

export class KamerlensDB extends Dexie {
  documents!: Table<DocumentRecord, string>;
  motions!: Table<MotionRecord, string>;
  decisions!: Table<DecisionRecord, string>;
  votes!: Table<VoteRecord, string>;
  dossiers!: Table<DossierRecord, string>;
  fetches!: Table<FetchState, string>;
  syncState!: Table<SyncStateRow, string>;
  notes!: Table<Note, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const step of SCHEMA) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade as Parameters<typeof version.upgrade>[0]);
    }
  }

  /** The cache tables (CACHE_TABLES), written together in one transaction by the sync; never the notes. */
  get cacheTables() {
    return CACHE_TABLES.map((name) => this.table(name));
  }
}
