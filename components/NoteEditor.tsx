import { useState } from 'preact/hooks';
import { errorText, t } from '../lib/i18n';
import { parseTags } from '../lib/notes/model';

interface Props {
  id: string;
  body?: string;
  tags?: string[];
  /** Saves; a rejection's message is shown and what was typed stays (a full disk loses no words). */
  onSave(body: string, tags: string[]): Promise<void>;
  onCancel?(): void;
  /** Cleared after a successful save (a new note), or kept (an edit closes the editor anyway). */
  clearOnSave?: boolean;
}

/** Writing or editing a note: text with light Markdown, tags; Ctrl+Enter saves, Escape cancels an edit. */
export function NoteEditor({ id, body = '', tags = [], onSave, onCancel, clearOnSave = false }: Props) {
  const [text, setText] = useState(body);
  const [tagText, setTagText] = useState(tags.join(', '));
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function save(event?: Event) {
    event?.preventDefault();
    if (busy || !text.trim()) return;
    setBusy(true);
    try {
      await onSave(text.trim(), parseTags(tagText));
      setError(undefined);
      if (clearOnSave) {
        setText('');
        setTagText('');
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="note-editor" onSubmit={(e) => void save(e)}>
      <label for={`${id}-body`}>{t('notes_editor_body')}</label>
      <textarea
        id={`${id}-body`}
        value={text}
        rows={4}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save(e);
          if (e.key === 'Escape' && onCancel) {
            e.preventDefault();
            onCancel();
          }
        }}
      />
      <label for={`${id}-tags`}>{t('notes_editor_tags')}</label>
      <input id={`${id}-tags`} value={tagText} onInput={(e) => setTagText(e.currentTarget.value)} />
      <div class="actions">
        <button type="submit" disabled={busy || !text.trim()}>
          {t('notes_save')}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('notes_cancel')}
          </button>
        ) : null}
      </div>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
