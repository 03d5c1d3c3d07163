import { idFromHref, isKoopId, isTkDocumentNumber, parseKamerstukId } from '../contract/ids';
import { SITE_HOSTS } from '../sites';

/*
 * Which document a note belongs to. One paper has one id wherever it is read: the officielebekendmakingen id
 * (`kst-35000-VI-59`, the ids of lib/refs), which OB pages carry in their URL and tweedekamer.nl detail pages in
 * their `Nummer:` (lib/dom/identity.ts, read by the content script). A TK document Kamerlens cannot name that way
 * keeps its TK number (`2019D41229`).
 */

/** Whether Kamerlens runs on this page at all (https, one of the two sites). */
export function isSupportedUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (SITE_HOSTS as readonly string[]).includes(u.hostname);
  } catch {
    return false;
  }
}

/**
 * The document id a URL alone gives: an OB publication page's own id, or a tweedekamer.nl detail page's TK document
 * number (`?did=`). What the page says of itself (the content script's answer) is preferred where there is one.
 */
export function documentIdFromUrl(url: string): string | undefined {
  if (!isSupportedUrl(url)) return undefined;
  const u = new URL(url);
  if (u.hostname === 'zoek.officielebekendmakingen.nl') {
    const own = idFromHref(`${u.origin}${u.pathname}`);
    return own && isKoopId(own.id) ? own.id : undefined;
  }
  const did = u.searchParams.get('did') ?? '';
  return /^\/kamerstukken\/[\w-]+\/detail$/.test(u.pathname) && isTkDocumentNumber(did) ? did : undefined;
}

/** `19637` → `19 637`, `35000-VI` → `35 000 VI`, `21501-20` → `21 501-20`: dossier numbers as citations write them. */
function citedDossier(dossier: string, toevoeging?: string): string {
  const grouped = dossier.replace(/\B(?=(\d{3})+$)/g, ' ');
  if (!toevoeging) return grouped;
  return /^\d/.test(toevoeging) ? `${grouped}-${toevoeging}` : `${grouped} ${toevoeging}`;
}

/** `2019-2020` (TK and KOOP records) or `20192020` → `2019/20`. */
export function citedVergaderjaar(raw: string | undefined): string | undefined {
  const m = raw ? /^(\d{4})[-/]?(\d{2}|\d{4})$/.exec(raw.trim()) : null;
  if (!m) return undefined;
  const second = m[2]!.slice(-2);
  return Number(m[2]!.length === 4 ? m[2] : `${m[1]!.slice(0, 2)}${second}`) === Number(m[1]) + 1
    ? `${m[1]}/${second}`
    : undefined;
}

/**
 * The citation of a document as Kamerstukken are cited ("Kamerstukken II 2019/20, 19 637, nr. 2535"), with the
 * vergaderjaar when the cache knows it and without it otherwise; Eerste Kamer papers (lettered numbers) are
 * "Kamerstukken I". Other ids are cited by their own id, which is how OB finds them.
 */
export function citation(documentId: string, vergaderjaar?: string): string {
  const paper = parseKamerstukId(documentId);
  if (!paper) return documentId;
  const { dossier, toevoeging, number: nr } = paper;
  const kamer = /^[A-Z]/.test(nr) ? 'I' : 'II';
  const year = citedVergaderjaar(vergaderjaar);
  return `Kamerstukken ${kamer}${year ? ` ${year}` : ''}, ${citedDossier(dossier, toevoeging)}, nr. ${nr}`;
}
