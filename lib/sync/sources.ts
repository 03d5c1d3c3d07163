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

/** The longest id Kamerlens derives is ~25 characters (`kst-23908-(R1519)-131`); anything far longer is planted. */
export const MAX_ID_LENGTH = 64;

/**
 * The exact shapes of the OB ids Kamerlens derives (lib/refs/ids.ts): `kst-<dossier>[-<toevoeging>]-<nr>`,
 * `h-tk-<vergaderjaar>-<vergadering>[-<item>]`, `ah-tk-<vergaderjaar>-<nr>`, `stb|stcrt|trb-<year>-<nr>`. A page can
 * send anything as an id; only these are ever queued, so a planted 10 000-character id never reaches a service (it
 * made KOOP answer 414 and the TK 404, which marked both unavailable for a week).
 */
const OB_ID =
  /^(?:kst-\d{4,6}(?:-[0-9A-Z()]{1,10}){0,2}-(?:\d{1,5}[a-z]?|[A-Z]{1,3})|kst-\d{4,6}-[A-Z]{1,3}|(?:h|ah)-(?:tk|ek)-\d{8}-\d{1,6}(?:-\d{1,4})?|(?:stb|stcrt|trb)-\d{4}-\d{1,7})$/;

/** OB ids KOOP's SRU can look up; dossiers and TK zaak numbers are not publications. */
export const isKoopId = (id: string) => id.length <= MAX_ID_LENGTH && OB_ID.test(id);

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
