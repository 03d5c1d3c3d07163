import { KamerlensDB } from '@/lib/db/schema';
import { handleMessages, sendToTab } from '@/lib/messaging/runtime';
import { analyseText } from '@/lib/refs/analyse';
import { koopBaseUrl, tkBaseUrl } from '@/lib/settings';
import { createSync, refreshFollowed } from '@/lib/sync';
import { clearUnavailable, readHealth } from '@/lib/sync/health';

/** How often cached records are checked for freshness and followed dossiers for changes. */
const REFRESH_ALARM = 'kamerlens-refresh';

/**
 * Background: registers the message handlers and the refresh alarm; the work lives in lib/. Nothing is kept in
 * globals that matters: the queue and every record are in IndexedDB, so the worker may be stopped at any moment.
 */
export default defineBackground(() => {
  const db = new KamerlensDB();
  const sync = createSync(
    db,
    { tkBaseUrl: () => tkBaseUrl.getValue(), koopBaseUrl: () => koopBaseUrl.getValue() },
    (tab, refs) => sendToTab(tab, 'refs-updated', { refs }),
  );

  handleMessages({
    'analyse-text': ({ text, footnotes }) => analyseText(text, footnotes),
    'lookup-refs': ({ ids }, sender) => sync.resolver.lookup(ids, sender.tab?.id),
    'sync-status': () => readHealth(db),
  });

  browser.alarms.create(REFRESH_ALARM, { periodInMinutes: 30 });
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== REFRESH_ALARM) return;
    try {
      await sync.resolver.requeueStale();
      await refreshFollowed(sync);
    } finally {
      await sync.resolver.run();
    }
  });

  // A changed base URL may fix an unavailable service: ask it again.
  tkBaseUrl.watch(() => void clearUnavailable(db, Date.now()));
  koopBaseUrl.watch(() => void clearUnavailable(db, Date.now()));

  // A worker that was stopped mid-round resumes its queue as soon as it wakes.
  void sync.resolver.run();
});
