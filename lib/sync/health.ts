import type { KamerlensDB } from '../db/schema';
import type { TkServiceInfo } from '../tk/source';

/**
 * How each data service is doing, as the options page and the badges show it. One failing request never makes a
 * service `unavailable`: only its root failing does (the TK's `$metadata` gone or unreadable, KOOP's SRU endpoint
 * gone). A request that fails makes it `degraded`, and only the ids of that request wait for their backoff.
 */
export interface ServiceHealth {
  /** ok; degraded: failing now, retried with backoff; unavailable: answers that will not get better by waiting. */
  status: 'ok' | 'degraded' | 'unavailable' | 'unknown';
  message?: string;
  at?: number;
}

export interface SyncHealth {
  /** For the TK also what its `$metadata` says: version in use, date, concepts it lacks. */
  tk: ServiceHealth & { api?: TkServiceInfo };
  koop: ServiceHealth;
}

export type ServiceName = keyof SyncHealth;

const UNKNOWN: ServiceHealth = { status: 'unknown' };
/** An unavailable service is asked again after this long without anyone asking for it. */
export const UNAVAILABLE_RETRY_MS = 24 * 3_600_000;

export async function readHealth(db: KamerlensDB): Promise<SyncHealth> {
  const [tk, koop] = await db.syncState.bulkGet(['health:tk', 'health:koop']);
  return { tk: (tk?.value as SyncHealth['tk']) ?? UNKNOWN, koop: (koop?.value as ServiceHealth) ?? UNKNOWN };
}

/** Writes a service's health; the TK's `api` description is kept when a later write does not bring a new one. */
export async function writeHealth(
  db: KamerlensDB,
  service: ServiceName,
  health: ServiceHealth & { api?: TkServiceInfo },
  now: number,
): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const old = (await db.syncState.get(`health:${service}`))?.value as SyncHealth['tk'] | undefined;
    const api = health.api ?? old?.api;
    const value = { ...health, ...(api ? { api } : {}), at: now };
    await db.syncState.put({ key: `health:${service}`, value, updatedAt: now });
  });
}

/**
 * Makes unavailable services askable again: on a settings change, when the user presses "Opnieuw proberen", and
 * (with `olderThan`) once a day. Returns whether any service was unavailable.
 */
export async function clearUnavailable(db: KamerlensDB, now: number, olderThan = 0): Promise<boolean> {
  const health = await readHealth(db);
  let cleared = false;
  for (const service of ['tk', 'koop'] as const) {
    const h = health[service];
    if (h.status === 'unavailable' && now - (h.at ?? 0) >= olderThan) {
      await writeHealth(db, service, { status: 'unknown', ...(h.message ? { message: h.message } : {}) }, now);
      cleared = true;
    }
  }
  return cleared;
}
