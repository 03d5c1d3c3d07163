import type { ServiceHealth, SyncHealth } from '../lib/sync/health';

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

/** How each data source is doing, with the plain reason when one is failing (e.g. an API version that was retired). */
export function SyncStatus({ health }: { health: SyncHealth }) {
  return (
    <ul class="sync-status" aria-label="Gegevensbronnen">
      {SERVICES.map(([key, name]) => {
        const h = health[key];
        return (
          <li key={key} data-service={key} data-status={h.status}>
            <strong>{name}</strong>: {LABEL[h.status]}
            {h.at ? <span class="when"> (sinds {new Date(h.at).toLocaleString('nl-NL')})</span> : null}
            {h.message && h.status !== 'ok' ? <p class="reason">{h.message}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
