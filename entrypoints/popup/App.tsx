import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { NoteEditor } from '@/components/NoteEditor';
import { NoteItem } from '@/components/NoteItem';
import { useLive } from '@/components/useLive';
import { canonicalDocumentId, notesRepository, requestPersistence } from '@/lib/db/notes-repo';
import type { KamerlensDB } from '@/lib/db/schema';
import { errorText, t } from '@/lib/i18n';
import type { PageDocument } from '@/lib/messaging/protocol';
import { sendToTab } from '@/lib/messaging/runtime';
import { showNoteCount } from '@/lib/notes/badge';
import { citation, documentIdFromUrl, isSupportedUrl } from '@/lib/notes/document';
import type { Note } from '@/lib/notes/model';
import { noteOnSelection, passagesOf } from '@/lib/notes/selection-note';
import { PageRefs } from './PageRefs';
import { SyncLine } from './SyncLine';
import { type TargetTab, targetTab } from './target';

type Target =
  | { state: 'loading' }
  | { state: 'unsupported'; tab?: TargetTab }
  | { state: 'no-document'; tab: TargetTab }
  | { state: 'document'; tab: TargetTab; documentId: string; page?: PageDocument };

/** What the page says of itself, or nothing when no content script answers (not our page, or not loaded yet). */
const askPage = (tabId: number) => sendToTab(tabId, 'page-document', {}).catch(() => undefined);

async function resolveTarget(db: KamerlensDB, search: string): Promise<Target> {
  const tab = await targetTab(search);
  if (!tab || !isSupportedUrl(tab.url)) return { state: 'unsupported', ...(tab ? { tab } : {}) };
  const page = await askPage(tab.id);
  const raw = page?.documentId ?? documentIdFromUrl(tab.url);
  if (!raw) return { state: 'no-document', tab };
  return { state: 'document', tab, documentId: await canonicalDocumentId(db, raw), ...(page ? { page } : {}) };
}

/**
 * The popup: the document in the tab, its notes (write, edit, delete with undo, pin, tags, a note on the selection),
 * "Citeer", the page's references and the sync state. Everything it writes goes through the notes repository; after
 * each change the page redraws its highlights and the badge shows the new count.
 */
export function App({ db, search }: { db: KamerlensDB; search: string }) {
  const repo = notesRepository(db);
  const [target, setTarget] = useState<Target>({ state: 'loading' });
  const [editing, setEditing] = useState<string | undefined>();
  const [undo, setUndo] = useState<Note | undefined>();
  const [status, setStatus] = useState<{ text: string; error?: boolean } | undefined>();
  const undoButton = useRef<HTMLButtonElement>(null);
  // Keyboard users land on "Ongedaan maken" right after a delete: the deleted note's buttons are gone.
  useEffect(() => {
    if (undo) undoButton.current?.focus();
  }, [undo]);

  useEffect(() => {
    resolveTarget(db, search).then(setTarget, () => setTarget({ state: 'unsupported' }));
    void requestPersistence();
  }, [db, search]);

  const documentId = target.state === 'document' ? target.documentId : undefined;
  const notes = useLive(async () => (documentId ? repo.forDocument(documentId) : []), [documentId]);
  const record = useLive(async () => (documentId ? db.documents.get(documentId) : undefined), [documentId]);
  const pending = useLive(() => db.fetches.where('status').anyOf(['queued', 'fetching']).count(), []);

  if (target.state === 'loading') return <main aria-busy="true">{t('popup_loading')}</main>;
  if (target.state !== 'document')
    return (
      <main>
        <h1>Kamerlens</h1>
        <p class="unsupported" role="status">
          {target.state === 'unsupported' ? t('popup_unsupported') : t('popup_no_document')}
        </p>
        <AllNotesLink />
      </main>
    );

  const { tab, page } = target;
  const docId = target.documentId;

  /** After a change: the page redraws its highlights, the badge counts again, the anchors are asked again. */
  async function changed() {
    const list = await repo.forDocument(docId);
    await showNoteCount(tab.id, list.length).catch(() => undefined);
    // No content script (the page is still loading, or was reloaded without it): it draws them when it starts.
    await sendToTab(tab.id, 'notes-changed', { passages: passagesOf(list) }).catch(() => undefined);
    const fresh = await askPage(tab.id);
    if (fresh) setTarget({ ...target, page: fresh } as Target);
  }

  /** Runs a write; its failure (a full disk) is shown as it is, never swallowed. */
  async function act(what: () => Promise<unknown>, done?: string) {
    try {
      await what();
      setStatus(done ? { text: done } : undefined);
      await changed();
    } catch (error) {
      setStatus({ text: errorText(error), error: true });
      throw error;
    }
  }

  const title = record.value?.titel ?? page?.title ?? tab.title;
  const date = record.value?.datum ?? page?.date;
  const cite = citation(docId, record.value?.vergaderjaar);
  const anchors = page?.anchors ?? {};

  return (
    <main>
      <header>
        <h1>{title || docId}</h1>
        <p class="doc">
          <span class="doc-id">{docId}</span>
          {date ? <span class="doc-date"> · {date}</span> : null}
        </p>
        <p class="citation">{cite}</p>
        <button
          type="button"
          class="cite"
          onClick={() =>
            void navigator.clipboard.writeText(cite).then(
              () => setStatus({ text: t('popup_cited') }),
              (e: unknown) => setStatus({ text: String(e), error: true }),
            )
          }
        >
          {t('popup_cite')}
        </button>
        <button
          type="button"
          class="open-panel"
          onClick={() =>
            void sendToTab(tab.id, 'toggle-panel', {}).then(
              // The panel opens in the page, under the popup: a real popup closes so it can be seen (the tests
              // open the popup in a tab of its own, `?tab=<id>`, which stays).
              () => (new URLSearchParams(location.search).has('tab') ? undefined : window.close()),
              () => setStatus({ text: t('popup_panel_failed'), error: true }),
            )
          }
        >
          {t('popup_panel')}
        </button>
      </header>

      <section aria-labelledby="notes-h">
        <h2 id="notes-h">{t('popup_notes_heading')}</h2>
        <NoteEditor
          id="new"
          clearOnSave
          onSave={(body, tags) =>
            act(
              () => repo.create({ documentId: docId, url: tab.url, title: title || tab.title, body, tags }),
              t('popup_saved'),
            )
          }
        />
        <button
          type="button"
          class="on-selection"
          onClick={() =>
            void act(async () => {
              const note = await noteOnSelection(tab.id, {
                describe: (id) => sendToTab(id, 'selection-describe', {}),
                canonical: async () => docId,
                create: (input) => repo.create(input),
                changed: async () => {},
              });
              if (!note) throw new Error(t('popup_no_selection'));
              setEditing(note.id);
            }).catch(() => undefined)
          }
        >
          {t('notes_menu_selection')}
        </button>
        {status ? (
          <p class={status.error ? 'error' : 'status'} role={status.error ? 'alert' : 'status'}>
            {status.text}
          </p>
        ) : null}
        {undo ? (
          <p class="undo" role="status">
            {t('popup_deleted')}{' '}
            <button
              ref={undoButton}
              type="button"
              class="undo-button"
              onClick={() => void act(() => repo.undo(undo.id), t('popup_restored')).then(() => setUndo(undefined))}
            >
              {t('popup_undo')}
            </button>
          </p>
        ) : null}
        {notes.error ? (
          <p class="error" role="alert">
            {String(notes.error)}
          </p>
        ) : null}
        {notes.value === undefined ? (
          <p>{t('popup_loading')}</p>
        ) : notes.value.length === 0 ? (
          <p class="no-notes">{t('popup_no_notes')}</p>
        ) : (
          <ul class="notes">
            {notes.value.map((note) => (
              <li key={note.id}>
                {editing === note.id ? (
                  <NoteEditor
                    id={`edit-${note.id}`}
                    body={note.body}
                    tags={note.tags}
                    onCancel={() => setEditing(undefined)}
                    onSave={(body, tags) =>
                      act(() => repo.update(note.id, { body, tags })).then(() => setEditing(undefined))
                    }
                  />
                ) : (
                  <NoteItem
                    note={note}
                    anchor={anchors[note.id]}
                    onPin={() => void act(() => repo.update(note.id, { pinned: !note.pinned })).catch(() => undefined)}
                    onEdit={() => setEditing(note.id)}
                    onShow={() => void sendToTab(tab.id, 'page-scroll-to', { id: note.id }).catch(() => undefined)}
                    onDelete={() =>
                      void act(() => repo.remove(note.id))
                        .then(() => setUndo(note))
                        .catch(() => undefined)
                    }
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        <AllNotesLink />
      </section>

      <section aria-labelledby="refs-h">
        <h2 id="refs-h">{t('popup_refs_heading')}</h2>
        {page ? (
          <PageRefs
            refs={page.refs}
            onShow={(id) => void sendToTab(tab.id, 'page-scroll-to', { id }).catch(() => undefined)}
          />
        ) : (
          <p>{t('popup_refs_unavailable')}</p>
        )}
      </section>

      <section aria-labelledby="sync-h">
        <h2 id="sync-h">{t('popup_sync_heading')}</h2>
        <SyncLine pending={pending.value} />
      </section>
    </main>
  );
}

function AllNotesLink() {
  return (
    <p class="links">
      <a href={browser.runtime.getURL('/notes.html')} target="_blank" rel="noopener">
        {t('popup_all_notes')}
      </a>{' '}
      ·{' '}
      <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
        {t('popup_options')}
      </a>
    </p>
  );
}
