/**
 * A note a reader pins to a document. Notes are the one thing in Kamerlens that cannot be fetched again: they live
 * in tables of their own (lib/db/schema.ts), survive every cache reset and schema upgrade, and a deleted note is
 * only marked (`deletedAt`) so that "Ongedaan maken" gives it back whole.
 */

/** W3C Web Annotation TextQuoteSelector (https://www.w3.org/TR/annotation-model/#text-quote-selector). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: character offsets in the page's text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** The passage a note is about, as Hypothesis stores it: the quote (robust) and its position (fast). */
export type NoteSelector = TextQuoteSelector | TextPositionSelector;

/**
 * Whether a note's passage was found on the page as it is now: where it was (`exact`), moved or slightly edited
 * (`fuzzy`), or gone (`missing`: the note stays, the popup says "passage niet gevonden").
 */
export type AnchorState = 'exact' | 'fuzzy' | 'missing';

export interface Note {
  /** A random id (crypto.randomUUID): the same note in an export and in another profile keeps it. */
  id: string;
  /** The canonical document id (`kst-35000-VI-59`; a TK document number when no OB id is known). */
  documentId: string;
  /** Where and under which title the note was written. */
  url: string;
  title: string;
  /** Plain text with light Markdown (links, lists, emphasis). */
  body: string;
  pinned: boolean;
  tags: string[];
  /** Present for a note on a passage: a quote and a position selector. */
  selectors?: NoteSelector[];
  createdAt: number;
  updatedAt: number;
  /** Set when deleted; the note stays stored so that the deletion can be undone. */
  deletedAt?: number;
}

/** What a caller gives to make a note; ids and times are the repository's. */
export type NewNote = Pick<Note, 'documentId' | 'url' | 'title'> &
  Partial<Pick<Note, 'body' | 'pinned' | 'tags' | 'selectors'>>;

/** What may change in an edit. */
export type NoteChanges = Partial<Pick<Note, 'body' | 'pinned' | 'tags'>>;

/** Tags as typed ("beleid, #Migratie ,beleid") → `['beleid', 'migratie']`: trimmed, lower-case, no `#`, no doubles. */
export function parseTags(input: string): string[] {
  const tags = input
    .split(/[,\s]+/)
    .map((t) => t.replace(/^#+/, '').trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

/** Pinned notes first, then the most recently edited: the order of every notes list. */
export function byPinnedThenRecent(a: Note, b: Note): number {
  return Number(b.pinned) - Number(a.pinned) || b.updatedAt - a.updatedAt || a.id.localeCompare(b.id);
}

export const quoteOf = (note: Pick<Note, 'selectors'>): TextQuoteSelector | undefined =>
  note.selectors?.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');

export const positionOf = (note: Pick<Note, 'selectors'>): TextPositionSelector | undefined =>
  note.selectors?.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');

/** The dossier of a document id, for the all-notes filter (`kst-35000-VI-59` → `35000-VI`): lib/contract's. */
export { dossierOf } from '../contract/ids';
