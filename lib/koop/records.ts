import type { DocumentRecord } from '../db/models';
import type { KoopRecord } from './types';

export type { KoopRecord } from './types';

/**
 * KOOP's SRU record as a cached document: the metadata for papers the TK API lacks, and the fallback when it is down.
 * The mapping lives beside the client, so nothing outside lib/koop reads an SRU field.
 */
export function documentFromKoop(id: string, kind: string, record: KoopRecord, now: number): DocumentRecord {
  const soort = record.subrubriek ?? record.publicatienaam ?? record.type;
  const titel = record.documenttitel ?? record.title;
  return {
    id,
    kind,
    ...(soort ? { soort } : {}),
    ...(titel ? { titel } : {}),
    ...(record.dossiertitel ? { dossierTitel: record.dossiertitel } : {}),
    ...(record.dossiernummer ? { dossier: record.dossiernummer.split(';')[0]! } : {}),
    ...(record.date ? { datum: record.date } : {}),
    ...(record.vergaderjaar ? { vergaderjaar: record.vergaderjaar } : {}),
    indieners: record.indieners,
    source: 'koop',
    fetchedAt: now,
    ...(record.modified ? { changedAt: record.modified } : {}),
  };
}
