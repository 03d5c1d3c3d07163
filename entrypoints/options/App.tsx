import { useEffect, useState } from 'preact/hooks';
import { BaseUrlField } from '@/components/BaseUrlField';
import { NotesSettings } from '@/components/NotesSettings';
import { SyncStatus } from '@/components/SyncStatus';
import { KamerlensDB } from '@/lib/db/schema';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/runtime';
import { KOOP_DEFAULT_BASE, koopBaseUrl, pillarLabels, tkBaseUrl } from '@/lib/settings';
import type { SyncHealth } from '@/lib/sync/health';
import { TK_DEFAULT_BASE } from '@/lib/tk/versions';

/**
 * Settings: where the data comes from, and how those sources are doing. The Tweede Kamer moves its API to a new
 * version in 2026; when the old address stops answering, the status says so and the address can be changed here.
 */
export function App({ db = new KamerlensDB() }: { db?: KamerlensDB }) {
  const [urls, setUrls] = useState<{ tk: string; koop: string } | undefined>();
  const [health, setHealth] = useState<SyncHealth | undefined>();
  const [retrying, setRetrying] = useState(false);
  const [labels, setLabels] = useState<boolean | undefined>();

  async function retry() {
    setRetrying(true);
    try {
      setHealth(await send('sync-retry', {}));
    } catch {
      // The worker could not be reached; the status shown stays as it was.
    } finally {
      setRetrying(false);
    }
  }

  useEffect(() => {
    void Promise.all([tkBaseUrl.getValue(), koopBaseUrl.getValue()]).then(([tk, koop]) => setUrls({ tk, koop }));
    void send('sync-status', {}).then(setHealth, () => setHealth(undefined));
    void pillarLabels.getValue().then(setLabels);
  }, []);

  return (
    <main>
      <h1>Kamerlens</h1>
      <section>
        <h2>{t('options_sources_heading')}</h2>
        {health ? <SyncStatus health={health} /> : <p>{t('options_status_loading')}</p>}
        <button type="button" class="retry" onClick={() => void retry()} disabled={retrying}>
          {retrying ? t('options_retry_busy') : t('options_retry')}
        </button>
      </section>
      <section>
        <h2>{t('options_page_heading')}</h2>
        <label>
          <input
            type="checkbox"
            id="pillar-labels"
            checked={labels ?? true}
            disabled={labels === undefined}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setLabels(on);
              void pillarLabels.setValue(on);
            }}
          />{' '}
          {t('page_settings_pillars')}
        </label>
      </section>
      <section>
        <h2>{t('options_addresses_heading')}</h2>
        {urls ? (
          <>
            <BaseUrlField
              id="tk-base"
              label={t('options_tk_base')}
              value={urls.tk}
              fallback={TK_DEFAULT_BASE}
              host="gegevensmagazijn.tweedekamer.nl"
              onSave={(url) => tkBaseUrl.setValue(url)}
            />
            <BaseUrlField
              id="koop-base"
              label={t('options_koop_base')}
              value={urls.koop}
              fallback={KOOP_DEFAULT_BASE}
              host="repository.overheid.nl"
              onSave={(url) => koopBaseUrl.setValue(url)}
            />
          </>
        ) : (
          <p>{t('options_settings_loading')}</p>
        )}
      </section>
      <NotesSettings db={db} />
    </main>
  );
}
