/**
 * The one error type of notes: a code to act on and a message to show as it is (Dutch, plain). A note that could
 * not be written is never a silent failure: the popup shows `message`, and keeps the text that was typed.
 */
export type NotesErrorCode =
  | 'quota'
  | 'write'
  | 'import-json'
  | 'import-foreign'
  | 'import-version'
  | 'import-invalid'
  | 'not-found';

export class NotesError extends Error {
  override readonly name = 'NotesError';
  constructor(
    readonly code: NotesErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
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
  if (isQuota(error))
    return new NotesError(
      'quota',
      'De notitie is niet opgeslagen: de opslag van de browser is vol. Maak ruimte vrij (bijvoorbeeld met "Cache wissen" in de instellingen) en probeer het opnieuw.',
      { cause: error },
    );
  const reason = error instanceof Error ? error.message : String(error);
  return new NotesError('write', `De notitie is niet opgeslagen: ${reason}`, { cause: error });
}
