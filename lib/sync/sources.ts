import type { KamerstukKey } from '../tk/query';

/**
 * Which service can answer for a reference id. The Tweede Kamer API knows TK papers with a numeric volgnummer (from
 * 2008) and TK document numbers, and has motions' decisions and votes; KOOP knows every OB publication, including
 * Eerste Kamer letters (`kst-34482-B`), Handelingen, the journals and papers from before 2008.
 */
export function kamerstukKey(id: string): KamerstukKey | undefined {
  const m = /^kst-(\d{4,5})(?:-([0-9A-Z]+))?-(\d+)$/.exec(id);
  if (!m) return undefined;
  return { dossier: Number(m[1]), ...(m[2] ? { toevoeging: m[2] } : {}), volgnummer: Number(m[3]) };
}

export const isTkDocumentNumber = (id: string) => /^\d{4}D\d{5}$/.test(id);

/** OB ids KOOP's SRU can look up; dossiers and TK zaak numbers are not publications. */
export const isKoopId = (id: string) => /^(kst|h-tk|h-ek|ah-tk|ah-ek|stb|stcrt|trb)-/.test(id);

/** The kind of a reference from its id (the page sends ids; kinds follow from them). */
export function kindOf(id: string): string {
  if (id.startsWith('kst-')) return 'kamerstuk';
  if (/^h-[te]k-/.test(id)) return 'handelingen';
  if (/^ah-[te]k-/.test(id)) return 'aanhangsel';
  if (id.startsWith('stb-')) return 'staatsblad';
  if (id.startsWith('stcrt-')) return 'staatscourant';
  if (id.startsWith('trb-')) return 'tractatenblad';
  if (isTkDocumentNumber(id)) return 'tk-document';
  if (/^\d{4}Z\d{5}$/.test(id)) return 'tk-zaak';
  if (id.startsWith('dossier-')) return 'dossier';
  return 'unknown';
}

/** Ids worth fetching at all: a page can send anything; only ids some service can answer are queued. */
export const isFetchable = (id: string) => isKoopId(id) || isTkDocumentNumber(id);
