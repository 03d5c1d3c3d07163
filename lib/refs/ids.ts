import { OB_BASE } from '../sites';

/** Dossier numbers are written `19 637`, `19637`, `36.496`, `31-700`: the id keeps the digits only. */
export function normaliseDossier(raw: string): string {
  // Nearly every dossier is written as digits alone: then there is nothing to replace (the replace was a visible
  // share of a citation's parse).
  let digits = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += raw[i];
  }
  return digits.length === raw.length ? raw : digits;
}

/**
 * A toevoeging is part of the dossier: roman numerals and Eerste Kamer letters upper-case (`VI`, `A`), EU-Raad
 * subdossiers keep their leading zero (`21501-08`).
 */
export function normaliseToevoeging(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * Ondernummers are digits with an optional lower-case letter (`42e`, kept lower-case as OB does) or Eerste Kamer
 * letters (`E`, `AA`), kept upper-case.
 */
export function normaliseNumber(raw: string): string {
  const trimmed = raw.trim();
  const first = trimmed.charCodeAt(0);
  return first >= 48 && first <= 57 ? trimmed.toLowerCase() : trimmed.toUpperCase();
}

/**
 * `kst-<dossier>[-<toevoeging>]-<nr>`, the officielebekendmakingen id of a Kamerstuk. A template, not an array
 * joined: this runs for every reference, and the array was a visible share of a citation's parse.
 */
export function kamerstukId(dossier: string, toevoeging: string | undefined, nr: string): string {
  const toev = toevoeging ? `${normaliseToevoeging(toevoeging)}-` : '';
  return `kst-${normaliseDossier(dossier)}-${toev}${normaliseNumber(nr)}`;
}

/** A paper's own identity, as far as its id gives it: the dossier it belongs to and its number. */
export interface PaperIdentity {
  dossier: string;
  toevoeging?: string;
  number: string;
}

/**
 * The dossier, toevoeging and number of a Kamerstuk id (`kst-36333-39`, `kst-21501-20-1978`, `kst-36410-A-41`,
 * `kst-36600-B-K`), or undefined for any other id (a Handelingen item, an Eerste Kamer roman dossier `kst-cxxiv-g`).
 */
export function parseKamerstukId(id: string): PaperIdentity | undefined {
  const m = /^kst-(\d{4,6})(?:-([0-9]{2}|[A-Z]{1,6}))?-(\d{1,5}[a-z]?|[A-Z]{1,2})$/.exec(id.trim());
  if (!m) return undefined;
  return { dossier: m[1]!, ...(m[2] ? { toevoeging: m[2] } : {}), number: m[3]! };
}

/** `dossier-<nr>[-<toevoeging>]`: a dossier cited without a document number. */
export function dossierId(dossier: string, toevoeging?: string): string {
  const toev = toevoeging ? `-${normaliseToevoeging(toevoeging)}` : '';
  return `dossier-${normaliseDossier(dossier)}${toev}`;
}

/**
 * A vergaderjaar as OB writes it in ids: `2018/19` → `20182019`, `1999/00` → `19992000`, `2007-2008` → `20072008`.
 * Returns undefined when the second year does not follow the first (a typo or not a vergaderjaar).
 */
export function vergaderjaarId(first: string, second: string): string | undefined {
  const y1 = Number(first);
  const y2 = second.length === 4 ? Number(second) : Math.floor((y1 + 1) / 100) * 100 + Number(second);
  return y2 === y1 + 1 ? `${y1}${y2}` : undefined;
}

/** `h-tk-<vj>-<vergadering>[-<item>]` (Tweede Kamer) or `h-ek-…` (Eerste Kamer). */
export function handelingenId(kamer: 'I' | 'II', vergaderjaar: string, vergadering: string, item?: string): string {
  return [kamer === 'I' ? 'h-ek' : 'h-tk', vergaderjaar, vergadering, ...(item ? [item] : [])].join('-');
}

/** `ah-tk-<vj>-<nr>`: Aanhangsel van de Handelingen (answers to written questions). */
export function aanhangselId(kamer: 'I' | 'II', vergaderjaar: string, nr: string): string {
  return [kamer === 'I' ? 'ah-ek' : 'ah-tk', vergaderjaar, String(Number(nr))].join('-');
}

/** `stb-2019-143`, `stcrt-2020-31064`, `trb-2018-41`. */
export function publicationId(prefix: 'stb' | 'stcrt' | 'trb', year: string, nr: string): string {
  return `${prefix}-${year}-${Number(nr)}`;
}

/** The publication page on zoek.officielebekendmakingen.nl for an OB id (`kst-…`, `h-tk-…`, `stb-…`). */
export function obUrl(id: string): string {
  return `${OB_BASE}${id}.html`;
}

/** The OB dossier overview: `https://zoek.officielebekendmakingen.nl/dossier/36333` (toevoeging as `36333-VI`). */
export function obDossierUrl(id: string): string {
  return `${OB_BASE}dossier/${id.replace(/^dossier-/, '')}`;
}

/**
 * tweedekamer.nl pages for TK document (`2019D41229`) and zaak (`2019Z19557`) numbers. The site wants both a zaak
 * and a document number for a document page; with one of them only, its search finds the item.
 */
export function tkUrl(number: string): string {
  return `https://www.tweedekamer.nl/zoeken?qry=${encodeURIComponent(number)}`;
}

/** The plenary report of a whole meeting on tweedekamer.nl: `/kamerstukken/plenaire_verslagen/detail/2019-2020/77`. */
export function tkPlenaryUrl(vergaderjaar: string, vergadering: string): string {
  return `https://www.tweedekamer.nl/kamerstukken/plenaire_verslagen/detail/${vergaderjaar.slice(0, 4)}-${vergaderjaar.slice(4)}/${vergadering}`;
}

/**
 * Where a reference's link goes: the OB publication for Kamerstukken, Handelingen items and journals; the OB
 * dossier overview for a dossier; the plenary report for a Handelingen meeting without item; tweedekamer.nl for
 * TK document and zaak numbers.
 */
export function urlFor(kind: string, id: string): string {
  if (kind === 'dossier') return obDossierUrl(id);
  if (kind === 'tk-document' || kind === 'tk-zaak') return tkUrl(id);
  const meeting = /^h-tk-(\d{8})-(\d+)$/.exec(id);
  if (meeting) return tkPlenaryUrl(meeting[1]!, meeting[2]!);
  return obUrl(id);
}
