import { formatTime, t } from '../lib/i18n';
import type { AnchorState, Note } from '../lib/notes/model';
import { quoteOf } from '../lib/notes/model';
import { Markdown } from './Markdown';

interface Props {
  note: Note;
  /** Whether the page found the note's passage (undefined: not asked, or no passage). */
  anchor?: AnchorState | undefined;
  onEdit?(): void;
  onDelete?(): void;
  onPin?(): void;
  onShow?(): void;
  /** Shown above the note on the all-notes page: a link back to the document it was written on. */
  source?: boolean;
}

const when = (at: number) => formatTime(at);

/** One note: its passage (or that the passage is gone), its text, tags, and what can be done with it. */
export function NoteItem({ note, anchor, onEdit, onDelete, onPin, onShow, source = false }: Props) {
  const quote = quoteOf(note);
  return (
    <article class="note" data-note-id={note.id} data-pinned={note.pinned} aria-label={t('notes_item_label')}>
      {source ? (
        <p class="source">
          <a href={note.url} target="_blank" rel="noopener noreferrer">
            {note.title || note.documentId}
          </a>{' '}
          <span class="doc-id">{note.documentId}</span>
        </p>
      ) : null}
      {quote ? (
        <blockquote class="passage" data-anchor={anchor ?? 'unknown'}>
          “{quote.exact}”{anchor === 'missing' ? <p class="missing">{t('notes_passage_missing')}</p> : null}
          {anchor === 'fuzzy' ? <p class="fuzzy">{t('notes_passage_changed')}</p> : null}
        </blockquote>
      ) : null}
      {note.body ? <Markdown source={note.body} /> : <p class="empty">{t('notes_empty_body')}</p>}
      {note.tags.length ? (
        <ul class="tags" aria-label={t('notes_tags')}>
          {note.tags.map((tag) => (
            <li key={tag}>#{tag}</li>
          ))}
        </ul>
      ) : null}
      <p class="meta">
        {note.pinned ? <span class="pin-mark">{t('notes_pinned')} · </span> : null}
        {t('notes_edited', [when(note.updatedAt)])}
      </p>
      <div class="actions">
        {onPin ? (
          <button type="button" class="pin" aria-pressed={note.pinned} onClick={onPin}>
            {note.pinned ? t('notes_unpin') : t('notes_pin')}
          </button>
        ) : null}
        {onEdit ? (
          <button type="button" class="edit" onClick={onEdit}>
            {t('notes_edit')}
          </button>
        ) : null}
        {onShow && quote && anchor && anchor !== 'missing' ? (
          <button type="button" class="show" onClick={onShow}>
            {t('notes_show_passage')}
          </button>
        ) : null}
        {onDelete ? (
          <button type="button" class="delete" onClick={onDelete}>
            {t('notes_delete')}
          </button>
        ) : null}
      </div>
    </article>
  );
}
