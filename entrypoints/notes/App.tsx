import { useState } from 'preact/hooks';
import { NoteItem } from '@/components/NoteItem';
import { useLive } from '@/components/useLive';
import { notesRepository } from '@/lib/db/notes-repo';
import type { KamerlensDB } from '@/lib/db/schema';
import { t } from '@/lib/notes/i18n';
import { dossiersOf, filterNotes, type NoteFilter } from '@/lib/notes/search';

/** All notes: full-text search, a tag and a dossier filter, sorted by edit date, each with a link to its document. */
export function App({ db }: { db: KamerlensDB }) {
  const repo = notesRepository(db);
  const all = useLive(() => repo.all(), []);
  const [filter, setFilter] = useState<NoteFilter>({ query: '', sort: 'newest' });
  const notes = all.value ?? [];
  const tags = [...new Set(notes.flatMap((n) => n.tags))].sort();
  const shown = filterNotes(notes, filter);
  const set = (change: Partial<NoteFilter>) => setFilter((f) => ({ ...f, ...change }));
  return (
    <main>
      <h1>{t('notes_page_title')}</h1>
      <form class="filters" aria-label={t('notes_search')} onSubmit={(e) => e.preventDefault()}>
        <div>
          <label for="q">{t('notes_search')}</label>
          <input id="q" type="search" value={filter.query} onInput={(e) => set({ query: e.currentTarget.value })} />
        </div>
        <div>
          <label for="tag">{t('notes_filter_tag')}</label>
          <select id="tag" value={filter.tag ?? ''} onChange={(e) => set({ tag: e.currentTarget.value || undefined })}>
            <option value="">{t('notes_filter_all')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                #{tag}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="dossier">{t('notes_filter_dossier')}</label>
          <select
            id="dossier"
            value={filter.dossier ?? ''}
            onChange={(e) => set({ dossier: e.currentTarget.value || undefined })}
          >
            <option value="">{t('notes_filter_all')}</option>
            {dossiersOf(notes).map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="sort">{t('notes_sort')}</label>
          <select
            id="sort"
            value={filter.sort}
            onChange={(e) => set({ sort: e.currentTarget.value as NoteFilter['sort'] })}
          >
            <option value="newest">{t('notes_sort_newest')}</option>
            <option value="oldest">{t('notes_sort_oldest')}</option>
          </select>
        </div>
      </form>
      {all.error ? (
        <p class="error" role="alert">
          {String(all.error)}
        </p>
      ) : null}
      <p class="count" role="status">
        {all.value === undefined ? t('popup_loading') : t('notes_count', String(shown.length), String(notes.length))}
      </p>
      <ul class="notes all-notes">
        {shown.map((note) => (
          <li key={note.id}>
            <NoteItem note={note} source />
          </li>
        ))}
      </ul>
    </main>
  );
}
