import { citation } from './document';
import { NotesError } from './errors';
import type { Note, NoteSelector } from './model';

/*
 * Export and import of notes (docs/notes-format.md). JSON is the lossless format: a file Kamerlens wrote reads back
 * into the same notes and writes out byte for byte the same again, so a backup can be checked with a diff. Markdown
 * is for reading and quoting: notes grouped per document under its citation.
 */

export const FORMAT = 'kamerlens-notes';
export const FORMAT_VERSION = 1;

export interface ExportFile {
  format: typeof FORMAT;
  version: number;
  notes: Note[];
}

/** A selector with its keys in the documented order (and nothing else). */
function canonicalSelector(s: NoteSelector): NoteSelector {
  return s.type === 'TextQuoteSelector'
    ? { type: s.type, exact: s.exact, prefix: s.prefix, suffix: s.suffix }
    : { type: s.type, start: s.start, end: s.end };
}

/** A note with its keys in the documented order: the same note always serialises to the same bytes. */
export function canonicalNote(n: Note): Note {
  return {
    id: n.id,
    documentId: n.documentId,
    url: n.url,
    title: n.title,
    body: n.body,
    pinned: n.pinned,
    tags: [...n.tags],
    ...(n.selectors?.length ? { selectors: n.selectors.map(canonicalSelector) } : {}),
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    ...(n.deletedAt !== undefined ? { deletedAt: n.deletedAt } : {}),
  };
}

const order = (a: Note, b: Note) =>
  a.documentId.localeCompare(b.documentId) || a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/**
 * The JSON export of the live notes (deleted ones stay behind: a backup is what the user sees), ordered by document,
 * then creation, then id, two-space indented with a final newline. No export time in the file: the same notes give
 * the same bytes, whenever they are exported.
 */
export function exportJson(notes: readonly Note[]): string {
  const file: ExportFile = {
    format: FORMAT,
    version: FORMAT_VERSION,
    notes: notes
      .filter((n) => n.deletedAt === undefined)
      .map(canonicalNote)
      .sort(order),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isOffset = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

/** Why a stored note is not one, in words, or undefined when it is. */
function noteProblem(n: unknown): string | undefined {
  if (!isObject(n)) return 'is geen object';
  for (const key of ['id', 'documentId', 'url', 'title', 'body'] as const)
    if (typeof n[key] !== 'string') return `het veld "${key}" moet tekst zijn`;
  if (!(n.id as string).length) return 'het veld "id" is leeg';
  if (!(n.documentId as string).length) return 'het veld "documentId" is leeg';
  if (typeof n.pinned !== 'boolean') return 'het veld "pinned" moet true of false zijn';
  if (!Array.isArray(n.tags) || !n.tags.every((tag) => typeof tag === 'string'))
    return 'het veld "tags" moet een lijst van teksten zijn';
  for (const key of ['createdAt', 'updatedAt'] as const)
    if (!isTime(n[key])) return `het veld "${key}" moet een tijdstip (milliseconden) zijn`;
  if (n.deletedAt !== undefined && !isTime(n.deletedAt)) return 'het veld "deletedAt" moet een tijdstip zijn';
  if (n.selectors !== undefined) {
    if (!Array.isArray(n.selectors)) return 'het veld "selectors" moet een lijst zijn';
    for (const s of n.selectors) {
      if (isObject(s) && s.type === 'TextQuoteSelector') {
        if (typeof s.exact !== 'string' || typeof s.prefix !== 'string' || typeof s.suffix !== 'string')
          return 'een TextQuoteSelector moet "exact", "prefix" en "suffix" als tekst hebben';
      } else if (isObject(s) && s.type === 'TextPositionSelector') {
        if (!isOffset(s.start) || !isOffset(s.end) || (s.end as number) < (s.start as number))
          return 'een TextPositionSelector moet "start" ≤ "end" als gehele getallen hebben';
      } else return 'een selector moet van het type TextQuoteSelector of TextPositionSelector zijn';
    }
  }
  return undefined;
}

/**
 * Reads an export file, or refuses it with a NotesError that says what is wrong: not JSON (`import-json`), not a
 * Kamerlens notes file (`import-foreign`), written by a newer Kamerlens (`import-version`), or a note that is not
 * one, or an id twice (`import-invalid`). Nothing is half-read: one bad note refuses the file.
 */
export function parseExport(text: string): Note[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new NotesError('import-json', `Dit bestand is geen geldige JSON (${(error as Error).message}).`);
  }
  if (!isObject(data) || data.format !== FORMAT)
    throw new NotesError(
      'import-foreign',
      `Dit is geen notitiebestand van Kamerlens: het veld "format" is niet "${FORMAT}".`,
    );
  if (!Number.isInteger(data.version) || (data.version as number) < 1)
    throw new NotesError('import-invalid', 'Het veld "version" van dit bestand is geen geldige formaatversie.');
  if ((data.version as number) > FORMAT_VERSION)
    throw new NotesError(
      'import-version',
      `Dit bestand heeft formaatversie ${data.version}, van een nieuwere Kamerlens; deze versie leest versie ${FORMAT_VERSION}. Werk Kamerlens bij en importeer het opnieuw.`,
    );
  if (!Array.isArray(data.notes)) throw new NotesError('import-invalid', 'Het veld "notes" moet een lijst zijn.');
  const seen = new Set<string>();
  return data.notes.map((n: unknown, i) => {
    const problem = noteProblem(n);
    const label = `Notitie ${i + 1}${isObject(n) && typeof n.id === 'string' ? ` (${n.id})` : ''}`;
    if (problem) throw new NotesError('import-invalid', `${label}: ${problem}.`);
    const note = canonicalNote(n as unknown as Note);
    if (seen.has(note.id)) throw new NotesError('import-invalid', `${label}: dit id staat twee keer in het bestand.`);
    seen.add(note.id);
    return note;
  });
}

export interface ImportPlan {
  /** Notes with an id not stored here. */
  added: Note[];
  /** Stored notes the file has a newer edit of (the file's wins; also a deleted note the file has newer). */
  changed: { before: Note; after: Note }[];
  /** Stored as in the file. */
  unchanged: Note[];
  /** Stored with an edit at least as new as the file's: this profile's stays. */
  kept: { local: Note; incoming: Note }[];
}

const same = (a: Note, b: Note) => JSON.stringify(canonicalNote(a)) === JSON.stringify(canonicalNote(b));

/**
 * What importing `incoming` would do to `stored` (every stored note, deleted ones too): the merge rule is one note
 * per id, and of two versions the one edited last wins (at equal times, the one stored here). Nothing is written.
 */
export function planImport(stored: readonly Note[], incoming: readonly Note[]): ImportPlan {
  const byId = new Map(stored.map((n) => [n.id, n] as const));
  const plan: ImportPlan = { added: [], changed: [], unchanged: [], kept: [] };
  for (const note of incoming) {
    const local = byId.get(note.id);
    if (!local) plan.added.push(note);
    else if (same(local, note)) plan.unchanged.push(local);
    else if (note.updatedAt > local.updatedAt) plan.changed.push({ before: local, after: note });
    else plan.kept.push({ local, incoming: note });
  }
  return plan;
}

/** The notes an import writes: what is added, and the newer versions. */
export const writesOf = (plan: ImportPlan): Note[] => [...plan.added, ...plan.changed.map((c) => c.after)];

const day = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * The Markdown export: per document its citation as a heading (with the vergaderjaar where the cache knows it) and
 * a link to where the notes were written, then its notes, pinned first, with their passages as quotes.
 */
export function exportMarkdown(notes: readonly Note[], vergaderjaar: ReadonlyMap<string, string> = new Map()): string {
  const live = notes.filter((n) => n.deletedAt === undefined);
  const docs = new Map<string, Note[]>();
  for (const n of [...live].sort(order)) docs.set(n.documentId, [...(docs.get(n.documentId) ?? []), n]);
  const out = ['# Kamerlens: notities', ''];
  for (const [documentId, list] of docs) {
    const first = list[0]!;
    out.push(`## ${citation(documentId, vergaderjaar.get(documentId))}`, '');
    out.push(`[${first.title || documentId}](${first.url})`, '');
    for (const n of [...list].sort((a, b) => Number(b.pinned) - Number(a.pinned))) {
      const quote = n.selectors?.find((s) => s.type === 'TextQuoteSelector');
      if (quote) out.push(`> ${quote.exact.replace(/\s+/g, ' ')}`, '');
      if (n.body) out.push(n.body, '');
      const meta = [
        n.pinned ? 'vastgezet' : '',
        n.tags.map((tag) => `#${tag}`).join(' '),
        `bewerkt ${day(n.updatedAt)}`,
      ];
      out.push(`*${meta.filter(Boolean).join(' · ')}*`, '', '---', '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
