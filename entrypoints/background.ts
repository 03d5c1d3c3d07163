import { commandTab, NOTE_COMMAND, panelCommand } from '@/lib/commands';
import { isFetchable } from '@/lib/contract/ids';
import { canonicalDocumentId, notesRepository } from '@/lib/db/notes-repo';
import { KamerlensDB } from '@/lib/db/schema';
import { t } from '@/lib/i18n';
import { guarded, reportError } from '@/lib/log';
import { findPapers } from '@/lib/messaging/found-papers';
import { pageTexts } from '@/lib/messaging/page-texts';
import { LIMITS } from '@/lib/messaging/protocol';
import { handleMessages, type Sender, sendToTab } from '@/lib/messaging/runtime';
import { PendingParts } from '@/lib/messaging/text-parts';
import { Turns } from '@/lib/messaging/turns';
import { showNoteCount } from '@/lib/notes/badge';
import { noteOnSelection, passagesOf } from '@/lib/notes/selection-note';
import { analyseTextInWindows } from '@/lib/refs/analyse';
import type { Footnote } from '@/lib/refs/types';
import { KOOP_DEFAULT_BASE, koopBaseUrl, tkBaseUrl } from '@/lib/settings';
import { type DataHost, usableBaseUrl } from '@/lib/settings-validation';
import { CONTENT_MATCHES } from '@/lib/sites';
import { createSync, refreshFollowed } from '@/lib/sync';
import { clearUnavailable, readHealth, UNAVAILABLE_RETRY_MS } from '@/lib/sync/health';
import { TK_DEFAULT_BASE } from '@/lib/tk/versions';

/** How often cached records are checked for freshness and followed dossiers for changes. */
const REFRESH_ALARM = 'kamerlens-refresh';
const REFRESH_MINUTES = 30;
/** The context-menu entry of "Notitie bij selectie" (its keyboard command is lib/commands.ts's NOTE_COMMAND). */
const NOTE_MENU = 'kamerlens-note-selection';
/** A one-shot alarm for the next item waiting for its backoff: a stopped worker keeps no timers, alarms survive. */
const WAKE_ALARM = 'kamerlens-wake';

/**
 * Background: registers the message handlers and the alarms; the work lives in lib/. Nothing is kept in globals that
 * matters: the queue and every record are in IndexedDB, so the worker may be stopped at any moment.
 */
export default defineBackground(() => {
  const db = new KamerlensDB();
  /** A stored base URL is checked again before use: storage is not proof that the options page checked it. */
  const base = (item: typeof tkBaseUrl, host: DataHost, fallback: string) => async () => {
    const { url, refused } = usableBaseUrl(await item.getValue(), host, fallback);
    if (refused) reportError('settings', new Error(`base URL refused, using ${fallback}: ${refused}`));
    return url;
  };
  const sync = createSync(
    db,
    {
      tkBaseUrl: base(tkBaseUrl, 'gegevensmagazijn.tweedekamer.nl', TK_DEFAULT_BASE),
      koopBaseUrl: base(koopBaseUrl, 'repository.overheid.nl', KOOP_DEFAULT_BASE),
    },
    {
      notify: async (tab, refs) => {
        await sendToTab(tab, 'refs-updated', { refs });
      },
      wake: (at) => void browser.alarms.create(WAKE_ALARM, { when: Math.max(at, Date.now() + 1000) }),
      report: reportError,
    },
  );

  /** Unavailable services are asked again, and everything waiting is fetched now. */
  async function heal(): Promise<void> {
    await clearUnavailable(db, Date.now());
    await sync.resolver.retryNow();
  }

  const notes = notesRepository(db);
  /** A document's notes changed: the page draws its highlights again and the badge shows the new count. */
  async function notesChanged(tabId: number, documentId: string) {
    const list = await notes.forDocument(documentId);
    await showNoteCount(tabId, list.length);
    await sendToTab(tabId, 'notes-changed', { passages: passagesOf(list) });
  }
  async function selectionNote(tabId: number) {
    const note = await noteOnSelection(tabId, {
      describe: (tab) => sendToTab(tab, 'selection-describe', {}),
      canonical: (id) => canonicalDocumentId(db, id),
      create: (input) => notes.create(input),
      changed: notesChanged,
    });
    // Where the browser allows it (Chromium 127+, Firefox from a menu click or command), the popup opens on the new
    // note to write in; elsewhere the badge shows it, and the popup lists it the next time it opens.
    if (note) await Promise.resolve(browser.action?.openPopup?.()).catch(() => undefined);
  }

  // One analysis at a time, each in windows with a pause between them: other tabs' lookups are answered meanwhile.
  // A frame's earlier analysis, and a closed tab's, are dropped (lib/messaging/turns.ts).
  const analyses = new Turns((signal, text: string, footnotes: Footnote[]) =>
    analyseTextInWindows(text, footnotes, { signal }),
  );
  // A sender's tab and frame, as `tab:frame`: the owner of its analyses, and the start of its parts' keys.
  const frameKey = (sender: Sender) => `${sender.tab?.id ?? ''}:${sender.frameId ?? 0}`;
  const frameOf = (sender: Sender) => (sender.tab?.id === undefined ? undefined : frameKey(sender));
  const tabClosed = (tabId: number) => analyses.cancel((frame) => frame.startsWith(`${tabId}:`), 'its tab was closed');
  // Heard only while an analysis waits or runs: a listener added at the worker's start would wake it for every tab
  // the user closes anywhere, and with none running there is nothing to stop.
  const analyse = async (sender: Sender, text: string, footnotes: Footnote[]) => {
    if (!browser.tabs.onRemoved.hasListener(tabClosed)) browser.tabs.onRemoved.addListener(tabClosed);
    try {
      return await analyses.run(frameOf(sender), text, footnotes);
    } finally {
      if (!analyses.busy) browser.tabs.onRemoved.removeListener(tabClosed);
    }
  };
  // A long text's parts, per tab, frame and token, until the request that ends them (lib/messaging/text-parts.ts).
  const parts = new PendingParts(LIMITS.text);
  const partsKey = (sender: Sender, token: string) => `${frameKey(sender)}:${token}`;

  handleMessages(
    {
      'analyse-text': ({ text, footnotes, token }, sender) => {
        const input = parts.complete(token === undefined ? undefined : partsKey(sender, token), text, footnotes);
        return analyse(sender, input.text, input.footnotes);
      },
      'analyse-part': ({ token, index, text }, sender) => {
        parts.add(partsKey(sender, token), index, text);
        return undefined;
      },
      // At once, not in turn with the analyses: a page's first pass waits for it, and it takes milliseconds. With a
      // token the text is kept for the page's analysis, which then sends only the token (text-parts.ts KeptText).
      'detect-papers': ({ text, context, token }, sender) => {
        if (token !== undefined) parts.add(partsKey(sender, token), 0, text);
        return { found: findPapers(text, context) };
      },
      'page-texts': () => ({ texts: pageTexts() }),
      // Only the references: the services' health (with full error messages) is for the options page, not for pages.
      'lookup-refs': async ({ ids }, sender) => ({ refs: (await sync.resolver.lookup(ids, sender.tab?.id)).refs }),
      // Only an id some service can answer is queued: a page cannot make the worker fetch anything else.
      'refresh-ref': async ({ id }, sender) => {
        if (isFetchable(id)) {
          await sync.resolver.enqueue([id], sender.tab?.id);
          void sync.resolver.run();
        }
        return { refs: (await sync.resolver.lookup([id], sender.tab?.id)).refs };
      },
      'sync-status': () => readHealth(db),
      'sync-retry': async () => {
        await heal();
        return readHealth(db);
      },
      'page-notes': async ({ documentId }, sender) => {
        if (!documentId) {
          if (sender.tab?.id !== undefined) await showNoteCount(sender.tab.id, 0);
          return { passages: [] };
        }
        const id = await canonicalDocumentId(db, documentId);
        const list = await notes.forDocument(id);
        if (sender.tab?.id !== undefined) await showNoteCount(sender.tab.id, list.length);
        return { documentId: id, passages: passagesOf(list) };
      },
    },
    reportError,
  );

  // Created only when missing: re-creating it at every worker start would push the next refresh out for ever for a
  // user whose browsing keeps waking the worker.
  void browser.alarms
    .get(REFRESH_ALARM)
    .then(async (alarm) => {
      if (!alarm) await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES });
    })
    .catch((error: unknown) => reportError('refresh alarm', error));

  browser.alarms.onAlarm.addListener(
    guarded('alarm', async (alarm: { name: string }) => {
      if (alarm.name === WAKE_ALARM) return sync.resolver.run();
      if (alarm.name !== REFRESH_ALARM) return;
      try {
        // Once a day an unavailable service gets another chance without anyone asking.
        if (await clearUnavailable(db, Date.now(), UNAVAILABLE_RETRY_MS)) await sync.resolver.retryNow();
        await sync.resolver.evict();
        // Deleted notes stay restorable for UNDO_KEEP_MS (lib/db/notes-repo.ts), then go for good.
        await notes.purgeDeleted();
        await sync.resolver.requeueStale();
        await refreshFollowed(sync);
      } finally {
        await sync.resolver.run();
      }
    }),
  );

  // Menus outlive a stopped worker but not an update: made again at every start, on the two sites only. Firefox for
  // Android (declared in the manifest) has neither menus nor `commands`: without them the rest must still start.
  const menus = browser.contextMenus as typeof browser.contextMenus | undefined;
  if (menus) {
    void Promise.resolve()
      .then(() => menus.removeAll())
      .then(() =>
        menus.create({
          id: NOTE_MENU,
          title: t('notes_menu_selection'),
          contexts: ['selection'],
          documentUrlPatterns: CONTENT_MATCHES,
        }),
      )
      .catch((error: unknown) => reportError('context menu', error));
    menus.onClicked.addListener(
      guarded('note on selection', async (info: { menuItemId: string | number }, tab?: { id?: number }) => {
        if (info.menuItemId === NOTE_MENU && tab?.id !== undefined) await selectionNote(tab.id);
      }),
    );
  }
  (browser.commands as typeof browser.commands | undefined)?.onCommand.addListener(
    guarded('note on selection', async (command: string, tab?: { id?: number }) => {
      if (command !== NOTE_COMMAND) return;
      const id = await commandTab(tab);
      if (id !== undefined) await selectionNote(id);
    }),
  );

  // The document panel's shortcut (manifest `commands`): the page's content script opens it.
  // Firefox for Android has no `commands`; there the panel opens from the page's own keys only.
  try {
    browser.commands?.onCommand.addListener(guarded('panel command', panelCommand));
  } catch {
    // No commands API (or a test's fake browser without it): nothing to listen to.
  }

  // A changed base URL may fix an unavailable service: ask it again, with everything that waits for it.
  tkBaseUrl.watch(guarded('settings', heal));
  koopBaseUrl.watch(guarded('settings', heal));

  // A worker that was stopped mid-round resumes its queue as soon as it wakes.
  void sync.resolver.run();
});
