import type { KamerlensDB } from '../db/schema';

export interface ServiceHealth {
  /** ok; degraded: failing now, retried with backoff; unavailable: answers that will not get better by waiting. */
  status: 'ok' | 'degraded' | 'unavailable' | 'unknown';
  message?: string;
  at?: number;
}

/** What the popup shows about the data sources, e.g. that the TK API version in use was retired. */
export interface SyncHealth {
  tk: ServiceHealth;
  koop: ServiceHealth;
}

const UNKNOWN: ServiceHealth = { status: 'unknown' };

export async function readHealth(db: KamerlensDB): Promise<SyncHealth> {
  const [tk, koop] = await db.syncState.bulkGet(['health:tk', 'health:koop']);
  return { tk: (tk?.value as ServiceHealth) ?? UNKNOWN, koop: (koop?.value as ServiceHealth) ?? UNKNOWN };
}

export async function writeHealth(db: KamerlensDB, service: 'tk' | 'koop', health: ServiceHealth, now: number) {
  await db.syncState.put({ key: `health:${service}`, value: { ...health, at: now }, updatedAt: now });
}

/** Unavailable services are asked again when the settings change or once a day, not on every page. */
export async function clearUnavailable(db: KamerlensDB, now: number) {
  const health = await readHealth(db);
  for (const service of ['tk', 'koop'] as const) {
    if (health[service].status === 'unavailable') await writeHealth(db, service, { status: 'unknown' }, now);
  }
}
