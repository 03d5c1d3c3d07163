import { classify, isTkDocumentNumber } from '../contract/ids';
import { NotesError, writeError } from '../notes/errors';
import { byPinnedThenRecent, type NewNote, type Note, type NoteChanges } from '../notes/model';
import type { KamerlensDB } from './schema';

/** How long a deleted note stays restorable before a clean-up may drop it for good. */
export const UNDO_KEEP_MS = 30 * 24 * 3_600_000;

const newId = () => crypto.randomUUID();

/**
 * Every read and write of notes. Each write is one transaction and any failure comes back as a NotesError (a full
 * disk says so), never swallowed: the caller shows it and keeps what the user typed.
 */
export function notesRepository(db: KamerlensDB, clock: () => number = Date.now) {
  const write = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await db.transaction('rw', db.notes, fn);
    } catch (error) {
      throw writeError(error);
    }
  };

  return {
    /** The live notes of one document, pinned first, then the most recently edited. */
    async forDocument(documentId: string): Promise<Note[]> {
      const notes = await db.notes.where('documentId').equals(documentId).toArray();
      return notes.filter((n) => n.deletedAt === undefined).sort(byPinnedThenRecent);
    },

    /** How many live notes a document has: the toolbar badge. */
    async count(documentId: string): Promise<number> {
      return db.notes
        .where('documentId')
        .equals(documentId)
        .filter((n) => n.deletedAt === undefined)
        .count();
    },

    /** Every live note, newest edit first (the all-notes page, the export). */
    async all(): Promise<Note[]> {
      const notes = await db.notes.orderBy('updatedAt').reverse().toArray();
      return notes.filter((n) => n.deletedAt === undefined);
    },

    /** Every stored note, deleted ones too: what an import is compared with. */
    everything: (): Promise<Note[]> => db.notes.toArray(),

    get: (id: string): Promise<Note | undefined> => db.notes.get(id),

    async create(input: NewNote): Promise<Note> {
      const now = clock();
      const note: Note = {
        id: newId(),
        documentId: input.documentId,
        url: input.url,
        title: input.title,
        body: input.body ?? '',
        pinned: input.pinned ?? false,
        tags: input.tags ?? [],
        ...(input.selectors ? { selectors: input.selectors } : {}),
        createdAt: now,
        updatedAt: now,
      };
      await write(() => db.notes.add(note));
      return note;
    },

    /** Applies an edit and dates it; a note that is gone (deleted for good) is an error, not a new note. */
    async update(id: string, changes: NoteChanges): Promise<Note> {
      return write(async () => {
        const note = await db.notes.get(id);
        if (!note) throw new NotesError('write', { key: 'notes_error_gone' });
        const next: Note = { ...note, ...changes, updatedAt: clock() };
        await db.notes.put(next);
        return next;
      });
    },

    /** Marks a note deleted; it stays stored until `undo` or a clean-up after UNDO_KEEP_MS. */
    async remove(id: string): Promise<void> {
      await write(async () => {
        const now = clock();
        await db.notes.update(id, { deletedAt: now, updatedAt: now });
      });
    },

    /** Gives a deleted note back as it was (its edit time moves on, so a merge sees the undo as the newer state). */
    async undo(id: string): Promise<void> {
      await write(async () => {
        const note = await db.notes.get(id);
        if (!note) return;
        const { deletedAt: _gone, ...live } = note;
        await db.notes.put({ ...live, updatedAt: clock() });
      });
    },

    /** Drops deleted notes older than `keepMs` for good; answers how many. */
    async purgeDeleted(keepMs = UNDO_KEEP_MS): Promise<number> {
      const before = clock() - keepMs;
      return write(() => db.notes.filter((n) => n.deletedAt !== undefined && n.deletedAt < before).delete());
    },

    /** Writes imported notes as they are (ids and times kept), in one transaction: all or nothing. */
    async putAll(notes: readonly Note[]): Promise<void> {
      await write(() => db.notes.bulkPut([...notes]));
    },

    /** Every tag in use, sorted. */
    async tags(): Promise<string[]> {
      return ((await db.notes.orderBy('tags').uniqueKeys()) as string[]).sort();
    },
  };
}

export type NotesRepository = ReturnType<typeof notesRepository>;

/**
 * Asks the browser to keep the database when space runs short (navigator.storage.persist()). Only pages can ask
 * (StorageManager.persist is not exposed to workers). Answers whether storage is persistent; `undefined` where the
 * browser cannot say.
 */
export async function requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage) {
  if (!storage?.persist) return undefined;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    // Firefox throws for a page that may not ask (private windows): storage stays best-effort, and the options
    // page says so (it shows `undefined` as "niet bekend").
    return undefined;
  }
}

/**
 * The canonical id of a document a page names: a tweedekamer.nl document number (`2018D55123`) becomes the paper's
 * OB id when the cache knows which Kamerstuk it is, so its notes are the same on both sites; any other id is already
 * canonical.
 */
export async function canonicalDocumentId(db: KamerlensDB, id: string): Promise<string> {
  if (!isTkDocumentNumber(id)) return id;
  const doc = await db.documents.where('tkNummer').equals(id).first();
  return doc && doc.id !== id && classify(doc.id) === 'kamerstuk' ? doc.id : id;
}
