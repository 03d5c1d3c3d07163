/**
 * The one error type of notes: a code to act on, and a text to show: a message key of
 * assets/public/_locales/{nl,en}/messages.json with its substitutions, which the UI translates
 * (`t(error.key, error.subs)`, or `errorText` in lib/i18n.ts). lib/notes does not depend on the browser: `message` is
 * the Dutch text (the default language, the same words as nl/messages.json), for logs and for callers without i18n.
 * A note that could not be written is never a silent failure: the popup shows the text, and keeps what was typed.
 */
export type NotesErrorCode =
  | 'quota'
  | 'write'
  | 'import-json'
  | 'import-foreign'
  | 'import-version'
  | 'import-invalid'
  | 'not-found';

/**
 * The Dutch text of every notes error key, `$1`… filled in as `browser.i18n` does. tests/unit/notes/locales.test.ts
 * checks that these are exactly the texts of nl/messages.json, and that en has every key with the same placeholders.
 * A note's problem (`notes_problem_…`) starts with its number (`$1`) and, when it has one, its id (`$2`, ` (x)`).
 */
export const NOTES_ERRORS_NL = {
  notes_error_quota:
    'De notitie is niet opgeslagen: de opslag van de browser is vol. Maak ruimte vrij (bijvoorbeeld met "Cache wissen" in de instellingen) en probeer het opnieuw.',
  notes_error_write: 'De notitie is niet opgeslagen: $1',
  notes_error_gone: 'De notitie is niet opgeslagen: deze notitie bestaat niet meer',
  notes_error_json: 'Dit bestand is geen geldige JSON ($1).',
  notes_error_foreign: 'Dit is geen notitiebestand van Kamerlens: het veld "format" is niet "$1".',
  notes_error_version_invalid: 'Het veld "version" van dit bestand is geen geldige formaatversie.',
  notes_error_version:
    'Dit bestand heeft formaatversie $1, van een nieuwere Kamerlens; deze versie leest versie $2. Werk Kamerlens bij en importeer het opnieuw.',
  notes_error_notes_list: 'Het veld "notes" moet een lijst zijn.',
  notes_problem_object: 'Notitie $1: is geen object.',
  notes_problem_text: 'Notitie $1: het veld "$2" moet tekst zijn.',
  notes_problem_empty: 'Notitie $1: het veld "$2" is leeg.',
  notes_problem_pinned: 'Notitie $1: het veld "pinned" moet true of false zijn.',
  notes_problem_tags: 'Notitie $1: het veld "tags" moet een lijst van teksten zijn.',
  notes_problem_time: 'Notitie $1: het veld "$2" moet een tijdstip (milliseconden) zijn.',
  notes_problem_deleted_at: 'Notitie $1: het veld "deletedAt" moet een tijdstip zijn.',
  notes_problem_selectors: 'Notitie $1: het veld "selectors" moet een lijst zijn.',
  notes_problem_quote: 'Notitie $1: een TextQuoteSelector moet "exact", "prefix" en "suffix" als tekst hebben.',
  notes_problem_position: 'Notitie $1: een TextPositionSelector moet "start" ≤ "end" als gehele getallen hebben.',
  notes_problem_selector_type:
    'Notitie $1: een selector moet van het type TextQuoteSelector of TextPositionSelector zijn.',
  notes_problem_duplicate: 'Notitie $1: dit id staat twee keer in het bestand.',
} as const;

export type NotesErrorKey = keyof typeof NOTES_ERRORS_NL;

/** What an error says, as a message key and its substitutions (`$1` is `subs[0]`). */
export interface NotesText {
  key: NotesErrorKey;
  subs?: string[];
}

/** A text in Dutch, without the browser: `$1`… replaced by the substitutions, as `browser.i18n.getMessage` does. */
export function dutch({ key, subs = [] }: NotesText): string {
  return NOTES_ERRORS_NL[key].replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1] ?? '');
}

export class NotesError extends Error {
  override readonly name = 'NotesError';
  readonly key: NotesErrorKey;
  readonly subs: string[];
  constructor(
    readonly code: NotesErrorCode,
    text: NotesText,
    options?: { cause?: unknown },
  ) {
    super(dutch(text), options);
    this.key = text.key;
    this.subs = text.subs ?? [];
  }
}

/** IndexedDB reports a full disk as QuotaExceededError, Dexie as its own `QuotaExceededError` or wrapped inner. */
function isQuota(error: unknown): boolean {
  for (let e = error as { name?: string; inner?: unknown } | undefined; e; e = e.inner as typeof e) {
    if (e.name === 'QuotaExceededError') return true;
  }
  return false;
}

/** Turns a storage failure into a NotesError that says what happened and that the note was not saved. */
export function writeError(error: unknown): NotesError {
  if (error instanceof NotesError) return error;
  if (isQuota(error)) return new NotesError('quota', { key: 'notes_error_quota' }, { cause: error });
  const reason = error instanceof Error ? error.message : String(error);
  return new NotesError('write', { key: 'notes_error_write', subs: [reason] }, { cause: error });
}
