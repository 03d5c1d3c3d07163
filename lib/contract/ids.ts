import { OB_BASE } from '../sites';
import type { PaperKind } from './kinds';

/*
 * Reference ids: how they are built from a citation's parts, what shape each kind has, which kind an id is, and
 * where it points. The one place for id prefix rules: the detector (lib/refs/papers), the resolver (lib/sync), the
 * page (lib/dom, lib/page) all ask here.
 */

/** The officielebekendmakingen id prefixes and the kind each names. */
export const OB_PREFIX = {
  kst: 'kamerstuk',
  'h-tk': 'handelingen',
  'h-ek': 'handelingen',
  'ah-tk': 'aanhangsel',
  'ah-ek': 'aanhangsel',
  stb: 'staatsblad',
  stcrt: 'staatscourant',
  trb: 'tractatenblad',
} as const satisfies Record<string, PaperKind>;

export type ObPrefix = keyof typeof OB_PREFIX;
export const OB_PREFIXES = Object.keys(OB_PREFIX) as ObPrefix[];

/** The longest id Kamerlens derives is ~25 characters (`kst-23908-(R1519)-131`); anything far longer is planted. */
export const MAX_ID_LENGTH = 64;

/**
 * The exact shapes of the ids Kamerlens derives: `kst-<dossier>[-<toevoeging>…]-<nr>` (Eerste Kamer letters
 * `kst-34482-B`), `h-tk-<vergaderjaar>-<vergadering>[-<item>]`, `ah-tk-<vergaderjaar>-<nr>`, `stb|stcrt|trb-<year>-<nr>`,
 * TK document and zaak numbers (`2019D41229`, `2019Z19557`) and `dossier-<nr>[-<toevoeging>]`. A page can send
 * anything as an id; only these are ever queued, so a planted 10 000-character id never reaches a service (it made
 * KOOP answer 414 and the TK 404, which marked both unavailable for a week).
 */
const SHAPES: readonly [PaperKind, RegExp][] = [
  ['kamerstuk', /^kst-\d{4,6}(?:-[0-9A-Z()]{1,10}){0,2}-(?:\d{1,5}[a-z]?|[A-Z]{1,3})$/],
  ['handelingen', /^h-(?:tk|ek)-\d{8}-\d{1,6}(?:-\d{1,4})?$/],
  ['aanhangsel', /^ah-(?:tk|ek)-\d{8}-\d{1,6}$/],
  ['staatsblad', /^stb-\d{4}-\d{1,7}$/],
  ['staatscourant', /^stcrt-\d{4}-\d{1,7}$/],
  ['tractatenblad', /^trb-\d{4}-\d{1,7}$/],
  ['tk-document', /^(?:19|20)\d{2}D\d{5}$/],
  ['tk-zaak', /^(?:19|20)\d{2}Z\d{5}$/],
  ['dossier', /^dossier-\d{1,6}(?:-[0-9A-Z]{1,10})?$/],
];

/** OB publications: the kinds KOOP's SRU can look up (dossiers and TK numbers are not publications). */
const OB_KINDS: ReadonlySet<PaperKind> = new Set(Object.values(OB_PREFIX));

/** The kind of a well-formed id, or undefined for anything Kamerlens would never derive. */
export function classify(id: string): PaperKind | undefined {
  if (id.length > MAX_ID_LENGTH) return undefined;
  for (const [kind, shape] of SHAPES) if (shape.test(id)) return kind;
  return undefined;
}

/** The kind of an id as the queue stores it: `unknown` for an id of no known shape. */
export function kindOf(id: string): PaperKind | 'unknown' {
  return classify(id) ?? 'unknown';
}

export const isTkDocumentNumber = (id: string) => classify(id) === 'tk-document';
export const isTkZaakNumber = (id: string) => classify(id) === 'tk-zaak';

/** OB ids KOOP's SRU can look up. */
export function isKoopId(id: string): boolean {
  const kind = classify(id);
  return kind !== undefined && OB_KINDS.has(kind);
}

/** Ids worth fetching at all: only ids some service can answer are queued. */
export const isFetchable = (id: string) => isKoopId(id) || isTkDocumentNumber(id);

/** A Kamerstuk id as the TK API asks for it: dossier number, toevoeging, volgnummer (numeric ondernummers only). */
export interface KamerstukParts {
  dossier: number;
  toevoeging?: string;
  volgnummer: number;
}

/** The parts of a TK Kamerstuk id (`kst-35000-VI-59`); undefined for Eerste Kamer letters and other kinds. */
export function parseKamerstuk(id: string): KamerstukParts | undefined {
  const m = /^kst-(\d{4,6})(?:-([0-9A-Z]+))?-(\d+)$/.exec(id);
  if (!m || classify(id) !== 'kamerstuk') return undefined;
  return { dossier: Number(m[1]), ...(m[2] ? { toevoeging: m[2] } : {}), volgnummer: Number(m[3]) };
}

/** The dossier a Kamerstuk id belongs to, as OB writes it in ids: `kst-35000-VI-59` → `35000-VI`. */
export function dossierOf(id: string): string | undefined {
  const m = /^kst-(\d{4,6}(?:-[0-9A-Z()]{1,10}){0,2})-[0-9A-Za-z]+$/.exec(id);
  return m && classify(id) === 'kamerstuk' ? m[1] : undefined;
}

/** A paper's own identity, as far as its id gives it: the dossier it belongs to and its number. */
export interface PaperIdentity {
  dossier: string;
  toevoeging?: string;
  number: string;
}

/**
 * The dossier, toevoeging and number of a Kamerstuk id as the page gives it (`kst-36333-39`, `kst-21501-20-1978`,
 * `kst-36410-A-41`, `kst-36600-B-K`), so that references naming only a number resolve to the page's own dossier;
 * undefined for any other id (a Handelingen item, an Eerste Kamer roman dossier `kst-cxxiv-g`).
 */
export function parseKamerstukId(id: string): PaperIdentity | undefined {
  const m = /^kst-(\d{4,6})(?:-([0-9]{2}|[A-Z]{1,6}))?-(\d{1,5}[a-z]?|[A-Z]{1,2})$/.exec(id.trim());
  if (!m) return undefined;
  return { dossier: m[1]!, ...(m[2] ? { toevoeging: m[2] } : {}), number: m[3]! };
}

// ---- building ids from a citation's parts ----

/** Dossier numbers are written `19 637`, `19637`, `36.496`, `31-700`: the id keeps the digits only. */
export function normaliseDossier(raw: string): string {
  // Nearly every dossier is written as digits alone or with one separator: then there is nothing to replace (the
  // replace was a visible share of a citation's parse), nor a string to grow a character at a time (another).
  let i = 0;
  while (i < raw.length && isDigitCode(raw.charCodeAt(i))) i++;
  if (i === raw.length) return raw;
  // The rest, one separator as in `19 637`, in two slices.
  let j = i + 1;
  while (j < raw.length && isDigitCode(raw.charCodeAt(j))) j++;
  if (j === raw.length) return raw.slice(0, i) + raw.slice(i + 1);
  let digits = raw.slice(0, i);
  for (; i < raw.length; i++) if (isDigitCode(raw.charCodeAt(i))) digits += raw[i];
  return digits;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * A toevoeging is part of the dossier: roman numerals and Eerste Kamer letters upper-case (`VI`, `A`), EU-Raad
 * subdossiers keep their leading zero (`21501-08`).
 */
export function normaliseToevoeging(raw: string): string {
  // Nearly always as written already (`VI`, `02`, `A`): the trim and the upper-casing, each a call and a new string
  // where they change anything, were a visible share of a citation's parse, which builds an id per number.
  return allIn(raw, 48, 57, 65, 90) ? raw : raw.trim().toUpperCase();
}

/** Whether every character of `raw` lies in [lo, hi] or [lo2, hi2] (then no trim or case change alters it). */
function allIn(raw: string, lo: number, hi: number, lo2: number, hi2: number): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= lo && c <= hi) || (c >= lo2 && c <= hi2))) return false;
  }
  return true;
}

/**
 * Ondernummers are digits with an optional lower-case letter (`42e`, kept lower-case as OB does) or Eerste Kamer
 * letters (`E`, `AA`), kept upper-case.
 */
export function normaliseNumber(raw: string): string {
  // Digits (`2375`, `42e`) or capitals (`AA`) as written need nothing (see normaliseToevoeging).
  const first = raw.charCodeAt(0);
  if (first >= 48 && first <= 57 ? allIn(raw, 48, 57, 97, 122) : allIn(raw, 65, 90, 65, 90)) return raw;
  const trimmed = raw.trim();
  const lead = trimmed.charCodeAt(0);
  return lead >= 48 && lead <= 57 ? trimmed.toLowerCase() : trimmed.toUpperCase();
}

/** `kst-<dossier>[-<toevoeging>]-<nr>`, the officielebekendmakingen id of a Kamerstuk. */
export function kamerstukId(dossier: string, toevoeging: string | undefined, nr: string): string {
  // A template, not an array joined: this runs for every reference, and the array was a visible share of a parse.
  const toev = toevoeging ? `${normaliseToevoeging(toevoeging)}-` : '';
  return `kst-${normaliseDossier(dossier)}-${toev}${normaliseNumber(nr)}`;
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
  const prefix: ObPrefix = kamer === 'I' ? 'h-ek' : 'h-tk';
  return [prefix, vergaderjaar, vergadering, ...(item ? [item] : [])].join('-');
}

/** `ah-tk-<vj>-<nr>`: Aanhangsel van de Handelingen (answers to written questions). */
export function aanhangselId(kamer: 'I' | 'II', vergaderjaar: string, nr: string): string {
  const prefix: ObPrefix = kamer === 'I' ? 'ah-ek' : 'ah-tk';
  return [prefix, vergaderjaar, String(Number(nr))].join('-');
}

/** `stb-2019-143`, `stcrt-2020-31064`, `trb-2018-41`. */
export function publicationId(prefix: 'stb' | 'stcrt' | 'trb', year: string, nr: string): string {
  return `${prefix}-${year}-${Number(nr)}`;
}

// ---- where an id points ----

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

/** The tweedekamer.nl motion search for the members' names: one click from a mention to the candidates. */
export function motionSearchUrl(members: readonly string[]): string {
  return `https://www.tweedekamer.nl/kamerstukken/moties?qry=${encodeURIComponent(members.join(' '))}&fld_prl_kamerstuk=Moties`;
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

/** The OB page of a reference, when it has one (for the card's "op officielebekendmakingen.nl"). */
export function obUrlFor(id: string): string | undefined {
  const kind = classify(id);
  if (kind === 'dossier') return obDossierUrl(id);
  return kind && OB_KINDS.has(kind) ? obUrl(id) : undefined;
}

/** The tweedekamer.nl page of a reference, when it has one: TK numbers, and Kamerstukken through the site's search. */
export function tkUrlFor(id: string): string | undefined {
  const kind = classify(id);
  if (kind === 'tk-document' || kind === 'tk-zaak') return tkUrl(id);
  if (kind === 'kamerstuk') {
    const dossier = dossierOf(id);
    const nr = id.slice((dossier?.length ?? 0) + 5);
    return dossier ? tkUrl(`${dossier.replace(/-/g, ' ')} nr. ${nr}`) : undefined;
  }
  return undefined;
}

// ---- ids from the links a page already has ----

const OB_HOST = new URL(OB_BASE).hostname;
const TK_HOSTS = new Set(['tweedekamer.nl', 'www.tweedekamer.nl']);

/**
 * The reference a page's own link points at, from its resolved `href` (`a.href`): an OB publication page
 * (`kst-36333-39.html`, relative on OB itself, page-structure.md §1.7, or absolute) or a tweedekamer.nl document or
 * motion page (`…/detail?id=2015Z02383&did=2015D04824`, §2). Variants such as `-n1.html` and fragments other than
 * the document itself are not the publication; anything else is not a reference.
 */
export function idFromHref(href: string): { id: string; kind: PaperKind } | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.hostname === OB_HOST) {
    const m = /^\/([0-9A-Za-z()-]+?)(?:\.html)?$/.exec(url.pathname);
    if (!m) return undefined;
    const kind = classify(m[1]!);
    return kind && OB_KINDS.has(kind) ? { id: m[1]!, kind } : undefined;
  }
  if (TK_HOSTS.has(url.hostname) && /\/detail$/.test(url.pathname)) {
    const did = url.searchParams.get('did') ?? '';
    return classify(did) === 'tk-document' ? { id: did, kind: 'tk-document' } : undefined;
  }
  return undefined;
}
