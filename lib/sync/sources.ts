import { parseKamerstuk } from '../contract/ids';
import type { KamerstukKey } from '../tk/query';

/**
 * Which service can answer for a reference id. The Tweede Kamer API knows TK papers with a numeric volgnummer (from
 * 2008) and TK document numbers, and has motions' decisions and votes; KOOP knows every OB publication, including
 * Eerste Kamer letters (`kst-34482-B`), Handelingen, the journals and papers from before 2008.
 */
export function kamerstukKey(id: string): KamerstukKey | undefined {
  return parseKamerstuk(id);
}

/** The id shapes and kinds are the one vocabulary's (lib/contract/ids.ts). */
export { isFetchable, isKoopId, isTkDocumentNumber, kindOf, MAX_ID_LENGTH } from '../contract/ids';
