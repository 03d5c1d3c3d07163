import { useEffect, useState } from 'preact/hooks';
import { formatTime, t } from '@/lib/i18n';
import { send } from '@/lib/messaging/runtime';
import type { SyncHealth } from '@/lib/sync/health';

/** How the cache is doing: last successful contact, what waits, what fails, and "Nu vernieuwen" (sync-retry). */
export function SyncLine({ pending }: { pending: number | undefined }) {
  const [health, setHealth] = useState<SyncHealth | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    send('sync-status', {}).then(setHealth, (e: unknown) => setError(String(e)));
  }, []);
  async function refresh() {
    setBusy(true);
    try {
      setHealth(await send('sync-retry', {}));
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  const services = health ? [health.tk, health.koop] : [];
  const last = Math.max(0, ...services.filter((s) => s.status === 'ok').map((s) => s.at ?? 0));
  const failing = services.filter((s) => s.status === 'degraded' || s.status === 'unavailable');
  return (
    <div class="sync" aria-live="polite">
      <p>
        {last ? t('popup_sync_last', [formatTime(last)]) : t('popup_sync_never')}
        {pending ? ` · ${t('popup_sync_pending', [String(pending)])}` : ''}
      </p>
      {failing.map((s) => (
        <p key={s.message} class="error">
          {s.message ?? t('popup_sync_failing')}
        </p>
      ))}
      {error ? <p class="error">{error}</p> : null}
      <button type="button" class="refresh" onClick={() => void refresh()} disabled={busy}>
        {busy ? t('popup_busy') : t('popup_refresh')}
      </button>
    </div>
  );
}
