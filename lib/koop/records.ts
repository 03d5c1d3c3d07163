import type { DocumentRecord } from '../db/models';
import type { KoopRecord } from '../koop/types';
import { kindOf } from './sources';

/** A KOOP record as a cached document: the metadata for papers the TK API lacks, and the fallback when it is down. */
export function documentFromKoop(id: string, record: KoopRecord, now: number): DocumentRecord {
  const soort = record.subrubriek ?? record.publicatienaam ?? record.type;
  const titel = record.documenttitel ?? record.title;
  return {
    id,
    kind: kindOf(id),
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
