import { formatTime, t, tParts } from '../lib/i18n';
import type { ServiceHealth, SyncHealth } from '../lib/sync/health';
import type { TkServiceInfo } from '../lib/tk/source';

const LABEL: Record<ServiceHealth['status'], () => string> = {
  ok: () => t('options_sync_ok'),
  degraded: () => t('options_sync_degraded'),
  unavailable: () => t('options_sync_unavailable'),
  unknown: () => t('options_sync_unknown'),
};

// The services' own names, the same in every language: not messages.
const SERVICES: [keyof SyncHealth, string][] = [
  ['tk', 'Tweede Kamer open data'],
  ['koop', 'KOOP (officielebekendmakingen.nl)'],
];

const when = (at: number) => formatTime(at);

/** What the TK API's `$metadata` says: the version in use, its date, and what it no longer delivers. */
function TkApi({ api }: { api: TkServiceInfo }) {
  const optional = api.lacking.filter((l) => l.need === 'optional');
  return (
    // A machine value for tests and tools, the same in every language.
    <div class="api" data-api-version={api.version ?? 'unknown'}>
      <p>
        {tParts('options_api', [
          <strong class="version">{api.version ?? t('options_api_unknown')}</strong>,
          api.baseUrl,
          <span class="metadata-date">{when(api.metadataAt)}</span>,
        ])}
      </p>
      {api.fellBack ? (
        <p class="fell-back" role="status">
          {t('options_api_fell_back', [api.configuredBaseUrl, api.baseUrl])}
        </p>
      ) : null}
      {api.problems.length ? (
        <ul class="problems">
          {api.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {optional.length ? (
        <p class="lacking">{t('options_api_lacking', [optional.map((l) => l.label).join(', ')])}</p>
      ) : null}
    </div>
  );
}

/** How each data source is doing, with the plain reason when one is failing (e.g. an API version that was retired). */
export function SyncStatus({ health }: { health: SyncHealth }) {
  return (
    <ul class="sync-status" aria-label={t('options_sources_heading')}>
      {SERVICES.map(([key, name]) => {
        const h = health[key];
        const api = key === 'tk' ? health.tk.api : undefined;
        return (
          <li key={key} data-service={key} data-status={h.status}>
            <strong>{name}</strong>: {LABEL[h.status]()}
            {h.at ? <span class="when"> {t('options_sync_since', [when(h.at)])}</span> : null}
            {h.message && h.status !== 'ok' ? <p class="reason">{h.message}</p> : null}
            {api ? <TkApi api={api} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
