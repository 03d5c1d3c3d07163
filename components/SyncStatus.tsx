import { formatTime } from '../lib/i18n';
import type { ServiceHealth, SyncHealth } from '../lib/sync/health';
import type { TkServiceInfo } from '../lib/tk/source';

const LABEL: Record<ServiceHealth['status'], string> = {
  ok: 'werkt',
  degraded: 'storing, wordt opnieuw geprobeerd',
  unavailable: 'niet beschikbaar',
  unknown: 'nog niet gebruikt',
};

const SERVICES: [keyof SyncHealth, string][] = [
  ['tk', 'Tweede Kamer open data'],
  ['koop', 'KOOP (officielebekendmakingen.nl)'],
];

const when = (at: number) => formatTime(at);

/** What the TK API's `$metadata` says: the version in use, its date, and what it no longer delivers. */
function TkApi({ api }: { api: TkServiceInfo }) {
  const optional = api.lacking.filter((l) => l.need === 'optional');
  return (
    <div class="api" data-api-version={api.version ?? 'onbekend'}>
      <p>
        API-versie: <strong class="version">{api.version ?? 'onbekend'}</strong> ({api.baseUrl}), beschrijving
        ($metadata) van <span class="metadata-date">{when(api.metadataAt)}</span>
      </p>
      {api.fellBack ? (
        <p class="fell-back" role="status">
          Het ingestelde adres {api.configuredBaseUrl} antwoordt niet meer; Kamerlens gebruikt {api.baseUrl}.
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
        <p class="lacking">Niet geleverd, getoond als onbekend: {optional.map((l) => l.label).join(', ')}.</p>
      ) : null}
    </div>
  );
}

/** How each data source is doing, with the plain reason when one is failing (e.g. an API version that was retired). */
export function SyncStatus({ health }: { health: SyncHealth }) {
  return (
    <ul class="sync-status" aria-label="Gegevensbronnen">
      {SERVICES.map(([key, name]) => {
        const h = health[key];
        const api = key === 'tk' ? health.tk.api : undefined;
        return (
          <li key={key} data-service={key} data-status={h.status}>
            <strong>{name}</strong>: {LABEL[h.status]}
            {h.at ? <span class="when"> (sinds {when(h.at)})</span> : null}
            {h.message && h.status !== 'ok' ? <p class="reason">{h.message}</p> : null}
            {api ? <TkApi api={api} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
