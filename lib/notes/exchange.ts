import { citation } from './document';
import { NotesError, type NotesErrorKey } from './errors';
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

/** Why a stored note is not one (a `notes_problem_…` key and the field it is about), or undefined when it is. */
function noteProblem(n: unknown): { key: NotesErrorKey; subs?: string[] } | undefined {
  if (!isObject(n)) return { key: 'notes_problem_object' };
  for (const field of ['id', 'documentId', 'url', 'title', 'body'] as const)
    if (typeof n[field] !== 'string') return { key: 'notes_problem_text', subs: [field] };
  if (!(n.id as string).length) return { key: 'notes_problem_empty', subs: ['id'] };
  if (!(n.documentId as string).length) return { key: 'notes_problem_empty', subs: ['documentId'] };
  if (typeof n.pinned !== 'boolean') return { key: 'notes_problem_pinned' };
  if (!Array.isArray(n.tags) || !n.tags.every((tag) => typeof tag === 'string')) return { key: 'notes_problem_tags' };
  for (const field of ['createdAt', 'updatedAt'] as const)
    if (!isTime(n[field])) return { key: 'notes_problem_time', subs: [field] };
  if (n.deletedAt !== undefined && !isTime(n.deletedAt)) return { key: 'notes_problem_deleted_at' };
  if (n.selectors !== undefined) {
    if (!Array.isArray(n.selectors)) return { key: 'notes_problem_selectors' };
    for (const s of n.selectors) {
      if (isObject(s) && s.type === 'TextQuoteSelector') {
        if (typeof s.exact !== 'string' || typeof s.prefix !== 'string' || typeof s.suffix !== 'string')
          return { key: 'notes_problem_quote' };
      } else if (isObject(s) && s.type === 'TextPositionSelector') {
        if (!isOffset(s.start) || !isOffset(s.end) || (s.end as number) < (s.start as number))
          return { key: 'notes_problem_position' };
      } else return { key: 'notes_problem_selector_type' };
    }
  }
  return undefined;
}

/**
 * Reads an export file, or refuses it with a NotesError that says what is wrong: not JSON (`import-json`), not a
 * Kamerlens notes file (`import-foreign`), written by a newer Kamerlens (`import-version`), or a note that is not
 * one, or an id twice (`import-invalid`). Nothing is half-read: one bad note refuses the file. A note's problem
 * names it by its number and id (`Notitie 3 (x): …`): the substitutions are `3 (x)` (or `3`), then the field. One
 * substitution, not two side by side: Chrome reads `$1$2` as a named placeholder `$1$` and refuses to load the
 * extension ("Variable $1$ used but not defined").
 */
export function parseExport(text: string): Note[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new NotesError('import-json', { key: 'notes_error_json', subs: [(error as Error).message] });
  }
  if (!isObject(data) || data.format !== FORMAT)
    throw new NotesError('import-foreign', { key: 'notes_error_foreign', subs: [FORMAT] });
  if (!Number.isInteger(data.version) || (data.version as number) < 1)
    throw new NotesError('import-invalid', { key: 'notes_error_version_invalid' });
  if ((data.version as number) > FORMAT_VERSION)
    throw new NotesError('import-version', {
      key: 'notes_error_version',
      subs: [String(data.version), String(FORMAT_VERSION)],
    });
  if (!Array.isArray(data.notes)) throw new NotesError('import-invalid', { key: 'notes_error_notes_list' });
  const seen = new Set<string>();
  return data.notes.map((n: unknown, i) => {
    const label = [`${i + 1}${isObject(n) && typeof n.id === 'string' ? ` (${n.id})` : ''}`];
    const problem = noteProblem(n);
    if (problem)
      throw new NotesError('import-invalid', { key: problem.key, subs: [...label, ...(problem.subs ?? [])] });
    const note = canonicalNote(n as unknown as Note);
    if (seen.has(note.id)) throw new NotesError('import-invalid', { key: 'notes_problem_duplicate', subs: label });
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
