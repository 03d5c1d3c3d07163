import type { NotePassage, SelectionAnchor } from '../messaging/protocol';
import { documentIdFromUrl } from './document';
import type { Note } from './model';

/** The passages among a document's notes: what the page draws again. */
export function passagesOf(notes: readonly Note[]): NotePassage[] {
  return notes.flatMap((n) => (n.selectors?.length ? [{ id: n.id, selectors: n.selectors }] : []));
}

export interface SelectionNoteDeps {
  describe(tabId: number): Promise<SelectionAnchor | null>;
  canonical(id: string): Promise<string>;
  create(note: {
    documentId: string;
    url: string;
    title: string;
    selectors: NonNullable<Note['selectors']>;
  }): Promise<Note>;
  /** The document's notes were changed: redraw the page's highlights and its badge. */
  changed(tabId: number, documentId: string): Promise<void>;
}

/**
 * "Notitie bij selectie" (context menu, keyboard shortcut, popup button): the tab's selection becomes a note on that
 * passage, with an empty text to write in the popup. Answers the note, or undefined when nothing is selected or the
 * page is no document Kamerlens can name (the note would belong nowhere).
 */
export async function noteOnSelection(tabId: number, deps: SelectionNoteDeps): Promise<Note | undefined> {
  const anchor = await deps.describe(tabId);
  if (!anchor) return undefined;
  const raw = anchor.documentId ?? documentIdFromUrl(anchor.url);
  if (!raw) return undefined;
  const documentId = await deps.canonical(raw);
  const note = await deps.create({ documentId, url: anchor.url, title: anchor.title, selectors: anchor.selectors });
  await deps.changed(tabId, documentId);
  return note;
}
