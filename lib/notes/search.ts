import { dossierOf, type Note, quoteOf } from './model';

export interface NoteFilter {
  /** Words that must all occur (case and accents ignored) in the text, passage, title, tags or document id. */
  query: string;
  tag?: string;
  dossier?: string;
  sort: 'newest' | 'oldest';
}

/** Lower case without accents: "Geïnformeerd" is found by "geinformeerd". */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** The all-notes page's search: every word of the query in the note, then tag and dossier, sorted by edit date. */
export function filterNotes(notes: readonly Note[], filter: NoteFilter): Note[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  const hits = notes.filter((n) => {
    if (n.deletedAt !== undefined) return false;
    if (filter.tag && !n.tags.includes(filter.tag)) return false;
    if (filter.dossier && dossierOf(n.documentId) !== filter.dossier) return false;
    if (!words.length) return true;
    const hay = fold(
      [n.body, quoteOf(n)?.exact ?? '', n.title, n.documentId, ...n.tags.map((t) => `#${t}`)].join('\n'),
    );
    return words.every((w) => hay.includes(w));
  });
  const sign = filter.sort === 'newest' ? -1 : 1;
  return hits.sort((a, b) => sign * (a.updatedAt - b.updatedAt) || a.id.localeCompare(b.id));
}

/** The dossiers the notes are in, sorted: the filter's choices. */
export function dossiersOf(notes: readonly Note[]): string[] {
  return [...new Set(notes.flatMap((n) => dossierOf(n.documentId) ?? []))].sort();
}
