import { isFetchable } from '@/lib/contract/ids';
import { KamerlensDB } from '@/lib/db/schema';
import { guarded, reportError } from '@/lib/log';
import { handleMessages, oneAtATime, sendToTab } from '@/lib/messaging/runtime';
import { analyseText } from '@/lib/refs/analyse';
import { KOOP_DEFAULT_BASE, koopBaseUrl, tkBaseUrl } from '@/lib/settings';
import { type DataHost, usableBaseUrl } from '@/lib/settings-validation';
import { createSync, refreshFollowed } from '@/lib/sync';
import { clearUnavailable, readHealth, UNAVAILABLE_RETRY_MS } from '@/lib/sync/health';
import { TK_DEFAULT_BASE } from '@/lib/tk/versions';

/** How often cached records are checked for freshness and followed dossiers for changes. */
const REFRESH_ALARM = 'kamerlens-refresh';
const REFRESH_MINUTES = 30;
/** A one-shot alarm for the next item waiting for its backoff: a stopped worker keeps no timers, alarms survive. */
const WAKE_ALARM = 'kamerlens-wake';
/** The `commands` entry of wxt.config.ts that opens the document panel. */
const PANEL_COMMAND = 'toggle-panel';

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

  const analyse = oneAtATime(analyseText);
  handleMessages(
    {
      'analyse-text': ({ text, footnotes }) => analyse(text, footnotes),
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
        await sync.resolver.requeueStale();
        await refreshFollowed(sync);
      } finally {
        await sync.resolver.run();
      }
    }),
  );

  // The document panel's shortcut (manifest `commands`): the page's content script opens it.
  // Firefox for Android has no `commands`; there the panel opens from the page's own keys only.
  try {
    browser.commands?.onCommand.addListener(
      guarded('command', async (command: string, tab?: { id?: number }) => {
        if (command !== PANEL_COMMAND) return;
        const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
        if (id !== undefined) await sendToTab(id, 'toggle-panel', {});
      }),
    );
  } catch {
    // No commands API (or a test's fake browser without it): nothing to listen to.
  }

  // A changed base URL may fix an unavailable service: ask it again, with everything that waits for it.
  tkBaseUrl.watch(guarded('settings', heal));
  koopBaseUrl.watch(guarded('settings', heal));

  // A worker that was stopped mid-round resumes its queue as soon as it wakes.
  void sync.resolver.run();
});
