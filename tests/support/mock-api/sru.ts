import { type CatalogueEntry, catalogue } from './catalogue';
import type { MockHandler, MockResponse } from './types';

/**
 * A stand-in for KOOP's SRU service (`https://repository.overheid.nl/sru`) over the test catalogue, answering the
 * way the real one does as far as it is known (shared/reference/data-sources.md §2.3):
 *
 * - `searchRetrieve` with `version` 2.0 (default) or 1.2, `query`, `maximumRecords` (default 10, capped at 1000),
 *   `startRecord` (from 1) and `recordSchema=gzd`; `nextRecordPosition` while records remain.
 * - CQL: `index==value` (exact, case-sensitive), `index=value` (words in sequence, case-insensitive, so
 *   `dt.identifier="kst-35000-VI"` finds the whole dossier), `<`, `<=`, `>`, `>=` on date indexes, `AND`, `OR`,
 *   `NOT`, parentheses, bare terms, quoted or unquoted values, `*`/`?` masks, `\` escapes, and
 *   `sortBy index[/sort.ascending|/sort.descending]`. Booleans bind left to right without precedence, as CQL says.
 * - Every error is HTTP 200 with SRU `<diagnostics>`, as KOOP does: unknown index, relation, operation, version,
 *   schema, bad parameter values, syntax errors, a startRecord past the end.
 *
 * Records are gzd documents in the real layout and namespaces, one per catalogue entry, in product area
 * `officielepublicaties`.
 */
export function createSruHandler(): MockHandler {
  let docs: SruDoc[] | undefined;
  return (url: URL): MockResponse => {
    docs ??= catalogue().map(toDoc);
    return searchRetrieve(url.searchParams, docs);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Records

const NS = {
  sru20: 'http://docs.oasis-open.org/ns/search-ws/sruResponse',
  sru12: 'http://www.loc.gov/zing/srw/',
  diag20: 'http://docs.oasis-open.org/ns/search-ws/diagnostic',
  diag12: 'http://www.loc.gov/zing/srw/diagnostic/',
  gzd: 'http://standaarden.overheid.nl/sru',
  overheidwetgeving: 'http://standaarden.overheid.nl/wetgeving/',
  dcterms: 'http://purl.org/dc/terms/',
  overheid: 'http://standaarden.overheid.nl/owms/terms/',
  c: 'http://standaarden.overheid.nl/collectie/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

const PRODUCT_AREA = 'officielepublicaties';
const OB = 'https://zoek.officielebekendmakingen.nl';
const FRBR = 'https://repository.overheid.nl/frbr/officielepublicaties';

/** What a gzd record says, flattened; also what the CQL indexes search. */
interface SruDoc {
  identifier: string;
  title: string;
  type: string;
  typeScheme: string;
  creator: string;
  creatorScheme: string;
  modified: string;
  date: string;
  available: string;
  issued: string;
  publicatienaam: string;
  vergaderjaar?: string;
  dossiernummer?: string;
  ondernummer?: string;
  documenttitel: string;
  dossiertitel?: string;
  indieners: string[];
  subrubriek?: string;
  organisatietype: string;
  datumVergadering?: string;
  jaargang?: string;
  publicatienummer?: string;
  /** Repository folder under the FRBR root: `kst/35000-VI`, `h-tk/20182019`, `stb/2019`. */
  frbrFolder: string;
}

function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** OB files each Kamerstuk under a subrubriek; a letter from the government is a `Brief`. */
function subrubriekOf(soort: string): string {
  return /^Brief\b/.test(soort) ? 'Brief' : soort;
}

const GOVERNMENT: Record<string, string> = {
  Staatsblad: 'Ministerie van Justitie en Veiligheid',
  Staatscourant: 'Ministerie van Justitie en Veiligheid',
  Tractatenblad: 'Ministerie van Buitenlandse Zaken',
};

function toDoc(entry: CatalogueEntry): SruDoc {
  const id = entry.obId;
  const parliamentary = !(entry.publicatie in GOVERNMENT);
  const available = nextDay(entry.datum);
  const base = {
    identifier: id,
    type: entry.publicatie,
    typeScheme: parliamentary ? 'OVERHEIDop.Parlementair' : 'OVERHEIDop.Publicaties',
    creator: parliamentary
      ? entry.kamer === 1
        ? 'Eerste Kamer der Staten-Generaal'
        : 'Tweede Kamer der Staten-Generaal'
      : (GOVERNMENT[entry.publicatie] as string),
    creatorScheme: parliamentary ? 'overheid:StatenGeneraal' : 'overheid:Ministerie',
    modified: available,
    date: entry.datum,
    available,
    issued: entry.datum,
    publicatienaam: entry.publicatie,
    documenttitel: entry.onderwerp,
    indieners: entry.indieners.map((person) => person.naam),
    organisatietype: parliamentary ? 'Staten-Generaal' : 'Ministerie',
  };

  if (entry.publicatie === 'Kamerstuk') {
    const dossiernummer = [entry.dossier, ...(entry.toevoeging ? [entry.toevoeging] : [])].join('-');
    const dossiertitel = entry.dossierTitel ?? `Kamerstukdossier ${dossiernummer}`;
    // OB titles a Kamerstuk "dossier title; kind; subject", the subject left out when it only repeats the kind.
    const title = [dossiertitel, entry.soort, ...(entry.onderwerp === entry.soort ? [] : [entry.onderwerp])].join('; ');
    return {
      ...base,
      title,
      vergaderjaar: entry.vergaderjaar,
      dossiernummer,
      ondernummer: String(entry.volgnummer),
      dossiertitel,
      subrubriek: subrubriekOf(entry.soort),
      frbrFolder: `kst/${dossiernummer}`,
    };
  }
  const journal = /^(stb|stcrt|trb)-(\d{4})-(\d+)/.exec(id);
  if (journal) {
    return {
      ...base,
      title: entry.onderwerp,
      jaargang: journal[2],
      publicatienummer: journal[3],
      frbrFolder: `${journal[1]}/${journal[2]}`,
    };
  }
  const [prefix, vergaderjaarDigits] = /^(h-tk|ah-tk)-(\d{8})/.exec(id)?.slice(1) ?? ['onbekend', '0'];
  return {
    ...base,
    title: entry.onderwerp,
    vergaderjaar: entry.vergaderjaar,
    ...(entry.publicatie === 'Handelingen' ? { datumVergadering: entry.datum } : { subrubriek: entry.soort }),
    frbrFolder: `${prefix}/${vergaderjaarDigits}`,
  };
}

const ENTITY: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

function esc(text: string): string {
  return text.replace(/[<>&"']/g, (char) => ENTITY[char] ?? char);
}

function element(qname: string, text: string | undefined, attrs: Record<string, string> = {}): string {
  if (text === undefined) return '';
  const attributes = Object.entries(attrs)
    .map(([name, value]) => ` ${name}="${esc(value)}"`)
    .join('');
  return `<${qname}${attributes}>${esc(text)}</${qname}>`;
}

function recordXml(doc: SruDoc, position: number, sru: string, v12: boolean): string {
  const id = doc.identifier;
  const frbr = `${FRBR}/${doc.frbrFolder}/${id}/1`;
  const ow = (name: string, value: string | undefined) => element(`overheidwetgeving:${name}`, value);
  return [
    `<${sru}:record>`,
    `<${sru}:recordSchema>http://standaarden.overheid.nl/sru/</${sru}:recordSchema>`,
    v12
      ? `<${sru}:recordPacking>xml</${sru}:recordPacking>`
      : `<${sru}:recordXMLEscaping>xml</${sru}:recordXMLEscaping>`,
    `<${sru}:recordData>`,
    `<gzd:gzd xmlns:gzd="${NS.gzd}" xmlns:xsi="${NS.xsi}" xsi:schemaLocation="${NS.gzd} gzd.xsd">`,
    '<gzd:originalData>',
    `<overheidwetgeving:meta xmlns:overheidwetgeving="${NS.overheidwetgeving}" xmlns:dcterms="${NS.dcterms}"`,
    ` xmlns:overheid="${NS.overheid}" xmlns:c="${NS.c}">`,
    '<overheidwetgeving:owmskern>',
    element('dcterms:identifier', id),
    element('dcterms:title', doc.title),
    element('dcterms:type', doc.type, { scheme: doc.typeScheme }),
    element('dcterms:language', 'nl', { scheme: 'XSD.language' }),
    element('overheid:authority', doc.creator, { scheme: doc.creatorScheme }),
    element('dcterms:creator', doc.creator, { scheme: doc.creatorScheme }),
    element('dcterms:modified', doc.modified),
    '</overheidwetgeving:owmskern>',
    '<overheidwetgeving:owmsmantel>',
    element('dcterms:date', doc.date),
    element('dcterms:available', doc.available),
    element('dcterms:issued', doc.issued),
    element('dcterms:subject', 'Migratie en integratie', { scheme: 'OVERHEID.Taxonomiebeleidsagenda' }),
    '</overheidwetgeving:owmsmantel>',
    '<overheidwetgeving:tpmeta>',
    element('c:product-area', PRODUCT_AREA),
    ow('publicatienaam', doc.publicatienaam),
    ow('vergaderjaar', doc.vergaderjaar),
    ow('dossiernummer', doc.dossiernummer),
    ow('ondernummer', doc.ondernummer),
    ow('dossiertitel', doc.dossiertitel),
    ow('documenttitel', doc.documenttitel),
    ...doc.indieners.map((naam) => ow('indiener', naam)),
    ow('subrubriek', doc.subrubriek),
    ow('organisatietype', doc.organisatietype),
    ow('datumVergadering', doc.datumVergadering),
    ow('jaargang', doc.jaargang),
    ow('publicatienummer', doc.publicatienummer),
    '</overheidwetgeving:tpmeta>',
    '</overheidwetgeving:meta>',
    '</gzd:originalData>',
    '<gzd:enrichedData>',
    element('gzd:url', `${frbr}/metadata/metadata.xml`),
    element('gzd:preferredUrl', `${OB}/${id}.html`),
    element('gzd:itemUrl', `${frbr}/pdf/${id}.pdf`, { manifestation: 'pdf' }),
    element('gzd:itemUrl', `${frbr}/xml/${id}.xml`, { manifestation: 'xml' }),
    element('gzd:timestamp', `${doc.modified}T06:00:00Z`),
    '</gzd:enrichedData>',
    '</gzd:gzd>',
    `</${sru}:recordData>`,
    `<${sru}:recordPosition>${position}</${sru}:recordPosition>`,
    `</${sru}:record>`,
  ].join('');
}

// ---------------------------------------------------------------------------------------------------------------
// CQL

/** Why a request cannot be answered, as an SRU diagnostic (info:srw/diagnostic/1/<code>). */
class Diagnostic extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly details?: string,
  ) {
    super(message);
  }
}

const syntaxError = (details: string) => new Diagnostic(10, 'Query syntax error', details);

/** Index name (lower-case: CQL index names are case-insensitive) → the values it searches. */
const INDEXES: Record<string, (doc: SruDoc) => (string | undefined)[]> = {
  'dt.identifier': (d) => [d.identifier],
  'dt.title': (d) => [d.title],
  'dt.type': (d) => [d.type],
  'dt.creator': (d) => [d.creator],
  'dt.date': (d) => [d.date],
  'dt.modified': (d) => [d.modified],
  'dt.available': (d) => [d.available],
  'dt.issued': (d) => [d.issued],
  // Several dossiers or ondernummers are `;`-separated in the record and indexed one by one.
  'w.dossiernummer': (d) => d.dossiernummer?.split(';') ?? [],
  'w.ondernummer': (d) => d.ondernummer?.split(';') ?? [],
  'w.publicatienaam': (d) => [d.publicatienaam],
  'w.vergaderjaar': (d) => [d.vergaderjaar],
  'w.documenttitel': (d) => [d.documenttitel],
  'w.dossiertitel': (d) => [d.dossiertitel],
  'w.subrubriek': (d) => [d.subrubriek],
  'w.organisatietype': (d) => [d.organisatietype],
  'w.jaargang': (d) => [d.jaargang],
  'c.product-area': () => [PRODUCT_AREA],
  'cql.serverchoice': (d) => [d.identifier, d.title, d.documenttitel, d.dossiertitel, ...d.indieners],
};
INDEXES['cql.textandindexes'] = INDEXES['cql.serverchoice'] as (typeof INDEXES)[string];

const DATE_INDEXES = new Set(['dt.date', 'dt.modified', 'dt.available', 'dt.issued']);
const NAMED_RELATIONS = new Set(['exact', 'any', 'all', 'adj', 'within', 'encloses']);

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'symbol'; text: string; at: number };

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < query.length) {
    const char = query[pos] as string;
    if (/\s/.test(char)) {
      pos++;
    } else if (char === '"') {
      const start = pos;
      let text = '';
      pos++;
      for (;;) {
        if (pos >= query.length) throw syntaxError(`unterminated string starting at position ${start + 1}`);
        const c = query[pos] as string;
        if (c === '"') break;
        // Escapes stay in the text, so terms can tell a masking `*` from an escaped `\*`.
        text += c === '\\' ? c + (query[pos + 1] ?? '') : c;
        pos += c === '\\' ? 2 : 1;
      }
      pos++;
      tokens.push({ kind: 'string', text, at: start });
    } else {
      const symbol = /^(==|<>|<=|>=|[()=<>/])/.exec(query.slice(pos))?.[1];
      if (symbol) {
        tokens.push({ kind: 'symbol', text: symbol, at: pos });
        pos += symbol.length;
      } else {
        const word = /^[^\s()=<>/"]+/.exec(query.slice(pos))?.[0] as string;
        tokens.push({ kind: 'word', text: word, at: pos });
        pos += word.length;
      }
    }
  }
  return tokens;
}

type Node =
  | { op: 'and' | 'or' | 'not'; left: Node; right: Node }
  | { op: 'clause'; index: string; relation: string; term: string };

interface Sort {
  index: string;
  descending: boolean;
}

function parseQuery(query: string): { root: Node; sort?: Sort } {
  const tokens = tokenize(query);
  let i = 0;
  const peek = (offset = 0) => tokens[i + offset];
  const isWord = (token: Token | undefined, text: string) =>
    token?.kind === 'word' && token.text.toLowerCase() === text;
  const describe = (token: Token | undefined) => (token ? `"${token.text}" at position ${token.at + 1}` : 'the end');

  const term = (): string => {
    const token = peek();
    if (!token || token.kind === 'symbol') throw syntaxError(`expected a search term, found ${describe(token)}`);
    i++;
    return token.text;
  };

  const modifiers = (where: 'relation' | 'boolean') => {
    if (peek()?.text === '/' && peek()?.kind === 'symbol') {
      throw new Diagnostic(where === 'relation' ? 20 : 46, `Unsupported ${where} modifier`, peek(1)?.text ?? '');
    }
  };

  const searchClause = (): Node => {
    const first = peek();
    if (first?.kind === 'symbol' && first.text === '(') {
      i++;
      const inner = scopedClause();
      const close = peek();
      if (close?.kind !== 'symbol' || close.text !== ')') throw syntaxError(`expected ")", found ${describe(close)}`);
      i++;
      return inner;
    }
    const second = peek(1);
    const isRelation =
      (second?.kind === 'symbol' && second.text !== '(' && second.text !== ')' && second.text !== '/') ||
      (second?.kind === 'word' && NAMED_RELATIONS.has(second.text.toLowerCase()) && peek(2) !== undefined);
    if (first?.kind === 'word' && isRelation) {
      i += 2;
      const relation = (second as Token).text.toLowerCase();
      modifiers('relation');
      return { op: 'clause', index: first.text.toLowerCase(), relation, term: term() };
    }
    return { op: 'clause', index: 'cql.serverchoice', relation: '=', term: term() };
  };

  const scopedClause = (): Node => {
    let left = searchClause();
    for (;;) {
      const token = peek();
      if (token?.kind !== 'word') return left;
      const op = token.text.toLowerCase();
      if (op === 'prox') throw new Diagnostic(37, 'Unsupported boolean operator', token.text);
      if (op !== 'and' && op !== 'or' && op !== 'not') return left;
      i++;
      modifiers('boolean');
      left = { op, left, right: searchClause() };
    }
  };

  if (peek()?.kind === 'symbol' && peek()?.text === '>') {
    throw new Diagnostic(10, 'Query syntax error', 'prefix assignments are not supported');
  }
  const root = scopedClause();
  let sort: Sort | undefined;
  if (isWord(peek(), 'sortby')) {
    i++;
    const index = term().toLowerCase();
    if (!INDEXES[index]) throw new Diagnostic(16, 'Unsupported index', index);
    let descending = false;
    while (peek()?.kind === 'symbol' && peek()?.text === '/') {
      i++;
      const modifier = term().toLowerCase();
      if (modifier === 'sort.descending') descending = true;
      else if (modifier !== 'sort.ascending')
        throw new Diagnostic(10, 'Query syntax error', `sort modifier ${modifier}`);
    }
    sort = { index, descending };
  }
  if (i < tokens.length) throw syntaxError(`unexpected ${describe(peek())}`);
  return sort ? { root, sort } : { root };
}

/** A term as characters, each either literal (escaped or plain) or a mask (`*`, `?`). */
function termParts(raw: string): { char: string; mask: boolean }[] {
  const parts: { char: string; mask: boolean }[] = [];
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i] as string;
    if (char === '\\' && i + 1 < raw.length) parts.push({ char: raw[++i] as string, mask: false });
    else if (char === '^')
      continue; // anchoring: every match here is anchored already
    else parts.push({ char, mask: char === '*' || char === '?' });
  }
  return parts;
}

function regexOf(parts: { char: string; mask: boolean }[], any: string, flags: string): RegExp {
  const body = parts
    .map(({ char, mask }) =>
      mask ? (char === '*' ? `${any}*` : any) : char.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`),
    )
    .join('');
  return new RegExp(`^${body}$`, flags);
}

const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

/** `=`: the term's words occur in the value in this order, adjacent, ignoring case. */
function wordMatcher(raw: string): (value: string) => boolean {
  const words: { char: string; mask: boolean }[][] = [[]];
  for (const part of termParts(raw)) {
    if (part.mask || /[\p{L}\p{N}]/u.test(part.char)) (words[words.length - 1] as (typeof part)[]).push(part);
    else if ((words[words.length - 1] as (typeof part)[]).length > 0) words.push([]);
  }
  const patterns = words.filter((w) => w.length > 0).map((w) => regexOf(w, '[\\p{L}\\p{N}]', 'iu'));
  if (patterns.length === 0) return () => false;
  return (value) => {
    const tokens = value.split(WORD_SPLIT).filter(Boolean);
    for (let start = 0; start + patterns.length <= tokens.length; start++) {
      if (patterns.every((pattern, k) => pattern.test(tokens[start + k] as string))) return true;
    }
    return false;
  };
}

function clauseMatcher(index: string, relation: string, raw: string): (doc: SruDoc) => boolean {
  const values = INDEXES[index];
  if (!values) throw new Diagnostic(16, 'Unsupported index', index);
  let test: (value: string) => boolean;
  if (relation === '==' || relation === 'exact') {
    const parts = termParts(raw);
    const literal = parts.every((part) => !part.mask);
    const text = parts.map((part) => part.char).join('');
    const pattern = literal ? undefined : regexOf(parts, '[\\s\\S]', 'u');
    test = pattern ? (value) => pattern.test(value) : (value) => value === text;
  } else if (relation === '=' || relation === 'adj') {
    test = wordMatcher(raw);
  } else if (['<', '<=', '>', '>='].includes(relation) && DATE_INDEXES.has(index)) {
    const bound = termParts(raw)
      .map((part) => part.char)
      .join('');
    test = {
      '<': (v: string) => v < bound,
      '<=': (v: string) => v <= bound,
      '>': (v: string) => v > bound,
      '>=': (v: string) => v >= bound,
    }[relation as '<'];
  } else {
    throw new Diagnostic(19, 'Unsupported relation', relation);
  }
  return (doc) => values(doc).some((value) => value !== undefined && test(value));
}

function compile(node: Node): (doc: SruDoc) => boolean {
  if (node.op === 'clause') return clauseMatcher(node.index, node.relation, node.term);
  const left = compile(node.left);
  const right = compile(node.right);
  if (node.op === 'and') return (doc) => left(doc) && right(doc);
  if (node.op === 'or') return (doc) => left(doc) || right(doc);
  return (doc) => left(doc) && !right(doc);
}

// ---------------------------------------------------------------------------------------------------------------
// The operation

const VERSIONS = new Set(['1.1', '1.2', '2.0']);

function count(params: URLSearchParams, name: string, fallback: number, min: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new Diagnostic(6, 'Unsupported parameter value', name);
  return Number(raw);
}

function searchRetrieve(params: URLSearchParams, docs: readonly SruDoc[]): MockResponse {
  const requested = params.get('version') ?? '2.0';
  const version = VERSIONS.has(requested) ? requested : '2.0';
  try {
    if (!VERSIONS.has(requested)) throw new Diagnostic(5, 'Unsupported version', requested);
    const operation = params.get('operation') ?? 'searchRetrieve';
    if (operation !== 'searchRetrieve') throw new Diagnostic(4, 'Unsupported operation', operation);
    const query = params.get('query');
    if (query === null || query.trim() === '') throw new Diagnostic(7, 'Mandatory parameter not supplied', 'query');
    const schema = params.get('recordSchema') ?? 'gzd';
    if (schema !== 'gzd' && schema !== NS.gzd) throw new Diagnostic(66, 'Unknown schema for retrieval', schema);
    const accept = params.get('httpAccept') ?? 'application/xml';
    if (!/^(application|text)\/xml$/.test(accept)) throw new Diagnostic(6, 'Unsupported parameter value', 'httpAccept');
    const maximumRecords = Math.min(count(params, 'maximumRecords', 10, 0), 1000);
    const startRecord = count(params, 'startRecord', 1, 1);

    const { root, sort } = parseQuery(query);
    const matches = docs.filter(compile(root));
    if (sort) {
      const key = (doc: SruDoc) => (INDEXES[sort.index] as (d: SruDoc) => (string | undefined)[])(doc)[0] ?? '';
      matches.sort((a, b) => key(a).localeCompare(key(b)) * (sort.descending ? -1 : 1));
    }
    if (matches.length > 0 && startRecord > matches.length) {
      throw new Diagnostic(61, 'First record position out of range', String(startRecord));
    }
    const page = matches.slice(startRecord - 1, startRecord - 1 + maximumRecords);
    const next = startRecord + page.length;
    return respond(version, {
      total: matches.length,
      records: page.map((doc, k) => ({ doc, position: startRecord + k })),
      ...(next <= matches.length ? { next } : {}),
      echo: { query, startRecord, maximumRecords },
    });
  } catch (error) {
    if (!(error instanceof Diagnostic)) throw error;
    return respond(version, { total: 0, records: [], diagnostic: error });
  }
}

function respond(
  version: string,
  answer: {
    total: number;
    records: { doc: SruDoc; position: number }[];
    next?: number;
    diagnostic?: Diagnostic;
    echo?: { query: string; startRecord: number; maximumRecords: number };
  },
): MockResponse {
  const v12 = version !== '2.0';
  const sru = v12 ? 'srw' : 'sru';
  const diagNs = v12 ? NS.diag12 : NS.diag20;
  const { diagnostic, echo } = answer;
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${sru}:searchRetrieveResponse xmlns:${sru}="${v12 ? NS.sru12 : NS.sru20}">`,
    `<${sru}:version>${version}</${sru}:version>`,
    `<${sru}:numberOfRecords>${answer.total}</${sru}:numberOfRecords>`,
  ];
  if (answer.records.length > 0) {
    parts.push(`<${sru}:records>`);
    for (const { doc, position } of answer.records) parts.push(recordXml(doc, position, sru, v12));
    parts.push(`</${sru}:records>`);
  }
  if (answer.next !== undefined) parts.push(`<${sru}:nextRecordPosition>${answer.next}</${sru}:nextRecordPosition>`);
  if (echo) {
    parts.push(
      `<${sru}:echoedSearchRetrieveRequest>`,
      element(`${sru}:version`, version),
      element(`${sru}:query`, echo.query),
      element(`${sru}:startRecord`, String(echo.startRecord)),
      element(`${sru}:maximumRecords`, String(echo.maximumRecords)),
      element(`${sru}:recordSchema`, 'gzd'),
      `</${sru}:echoedSearchRetrieveRequest>`,
    );
  }
  if (diagnostic) {
    parts.push(
      `<${sru}:diagnostics>`,
      `<diag:diagnostic xmlns:diag="${diagNs}">`,
      element('diag:uri', `info:srw/diagnostic/1/${diagnostic.code}`),
      element('diag:details', diagnostic.details),
      element('diag:message', diagnostic.message),
      '</diag:diagnostic>',
      `</${sru}:diagnostics>`,
    );
  }
  parts.push(`</${sru}:searchRetrieveResponse>`);
  return { status: 200, headers: { 'Content-Type': 'application/xml;charset=UTF-8' }, body: parts.join('\n') };
}
