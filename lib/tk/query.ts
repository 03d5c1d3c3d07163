import type { Concept, Field, Link, Role, Vocabulary } from './concepts';

/*
 * Query texts for the Tweede Kamer OData API, built only from names the service declared (concepts.ts). Rules of
 * the real server (data-sources.md §1.1a, §1.4):
 * - a query naming one undeclared property is rejected whole (400), so a lacking concept is left out, never guessed;
 * - deleted rows ("tombstones", all fields null) are returned unless filtered, and come first in the default order
 *   (#190): lookups filter `Verwijderd eq false` and every query says `$orderby`;
 * - `$top` above 100 is refused on v5; Kamerlens sends no `$top` at all and follows `@odata.nextLink` instead (with
 *   an explicit `$top` the server emits no nextLink, #70);
 * - `$filter` may have at most 100 nodes (#187: 19 `or` clauses work, 20 fail): batches are sized by filterSize;
 * - date literals carry the Europe/Amsterdam offset: a UTC literal silently selects another set (#185).
 */

/** A Kamerstuk as the TK knows it: dossier number, toevoeging (or none) and ondernummer. */
export interface KamerstukKey {
  dossier: number;
  toevoeging?: string;
  volgnummer: number;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

type Names = Vocabulary['names'];

function present(names: Names, concepts: readonly Concept[]): string[] {
  return concepts.flatMap((c) => (names[c] ? [names[c]!] : []));
}

/** `$select=…` of a role: its key and the fields asked for that the service has. */
function selectOf(v: Vocabulary, role: Role, fields: readonly Field[]): string {
  const key = v.keys[role];
  return [...new Set([...(key ? [key] : []), ...present(v.names, fields)])].join(',');
}

function expansion(v: Vocabulary, nav: Link, role: Role, fields: readonly Field[], inner: string[] = []): string[] {
  const name = v.names[nav];
  if (!name) return [];
  const parts = [`$select=${selectOf(v, role, fields)}`];
  if (inner.length) parts.push(`$expand=${inner.join(',')}`);
  return [`${name}(${parts.join(';')})`];
}

/** `$select` and `$expand` for a document with all a badge and hover card need. */
export function documentShape(v: Vocabulary): string {
  const besluit = expansion(
    v,
    'besluiten',
    'besluit',
    [
      'besluitSoort',
      'besluitTekst',
      'besluitStatus',
      'stemmingsSoort',
      'besluitVolgorde',
      'besluitChanged',
      'besluitDeleted',
    ],
    [
      ...expansion(v, 'stemmingen', 'stemming', [
        'stemSoort',
        'stemZetels',
        'stemPartij',
        'stemNaam',
        'stemPersoon',
        'stemVergissing',
        'stemDeleted',
      ]),
      ...expansion(v, 'agendapunt', 'agendapunt', [], expansion(v, 'activiteit', 'activiteit', ['activiteitDatum'])),
    ],
  );
  const zaak = expansion(
    v,
    'zaken',
    'zaak',
    ['zaakNummer', 'zaakSoort', 'zaakOnderwerp', 'kabinetsappreciatie', 'zaakChanged', 'zaakDeleted'],
    [...expansion(v, 'zaakActors', 'zaakActor', ['indienerNaam', 'indienerPartij', 'indienerRol']), ...besluit],
  );
  const expand = [
    ...expansion(v, 'dossiers', 'dossier', ['dossierNummer', 'dossierToevoeging', 'dossierTitel']),
    ...expansion(v, 'documentActors', 'documentActor', [
      'documentActorNaam',
      'documentActorPartij',
      'documentActorRol',
    ]),
    ...zaak,
  ];
  const select = selectOf(v, 'document', [
    'documentNumber',
    'ondernummer',
    'documentSoort',
    'documentTitel',
    'documentOnderwerp',
    'documentDatum',
    'vergaderjaar',
    'documentChanged',
    'documentDeleted',
  ]);
  return `$select=${select}${expand.length ? `&$expand=${expand.join(',')}` : ''}`;
}

const notDeleted = (v: Vocabulary) => (v.names.documentDeleted ? `${v.names.documentDeleted} eq false and ` : '');

/**
 * The filter for a batch of Kamerstukken, grouped by dossier so it stays small:
 * `Kamerstukdossier/any(d: d/Nummer eq 19637) and (Ondernummer eq 2375 or Ondernummer eq 2535)`. Plain dossiers get
 * no toevoeging clause (whether `Toevoeging eq null` works on the real server is unverified); the caller matches
 * toevoegingen exactly. Needs `can.paper`.
 */
export function kamerstukFilter(v: Vocabulary, keys: readonly KamerstukKey[]): string {
  const { dossiers, dossierNummer, dossierToevoeging, ondernummer } = v.names;
  const groups = new Map<string, KamerstukKey[]>();
  for (const key of keys) {
    const g = `${key.dossier}|${key.toevoeging ?? ''}`;
    groups.set(g, [...(groups.get(g) ?? []), key]);
  }
  const clauses = [...groups.values()].map((group) => {
    const { dossier, toevoeging } = group[0]!;
    const inDossier = toevoeging
      ? `${dossiers}/any(d: d/${dossierNummer} eq ${dossier} and d/${dossierToevoeging} eq ${quote(toevoeging)})`
      : `${dossiers}/any(d: d/${dossierNummer} eq ${dossier})`;
    const numbers = group.map((k) => `${ondernummer} eq ${k.volgnummer}`).join(' or ');
    return `(${inDossier} and (${numbers}))`;
  });
  return `${notDeleted(v)}(${clauses.join(' or ')})`;
}

/** TK documents by number (`2019D41229`). Needs `can.number`. */
export function documentNumberFilter(v: Vocabulary, numbers: readonly string[]): string {
  return `${notDeleted(v)}(${numbers.map((n) => `${v.names.documentNumber} eq ${quote(n)}`).join(' or ')})`;
}

/** Documents of the given dossiers changed after an instant: the incremental refresh of followed dossiers. */
export function changedInDossiersFilter(v: Vocabulary, dossiers: readonly number[], since: string): string {
  const any = dossiers.map((d) => `${v.names.dossiers}/any(k: k/${v.names.dossierNummer} eq ${d})`).join(' or ');
  return `${notDeleted(v)}${v.names.documentChanged} gt ${amsterdamLiteral(since)} and (${any})`;
}

/** The order of every query: by change time where that is the point, then by key, so paging is stable. */
export function orderBy(v: Vocabulary, byChange = false): string {
  return [...(byChange && v.names.documentChanged ? [v.names.documentChanged] : []), v.keys.document ?? 'Id'].join(',');
}

export function documentsUrl(base: string, v: Vocabulary, filter: string, byChange = false): string {
  return (
    `${base.replace(/\/$/, '')}/${v.set}?$filter=${encodeURIComponent(filter)}` +
    `&$orderby=${encodeURIComponent(orderBy(v, byChange))}&${documentShape(v)}`
  );
}

/**
 * About how many nodes the server counts in a filter (ASP.NET OData counts every operator, property, literal and
 * lambda part: a comparison such as `Volgnummer eq 2375` is about 5 nodes, a lambda 3 more, each `and`/`or` 1). An
 * estimate is enough: a rejected filter is split and the size that worked remembered.
 */
export function filterSize(filter: string): number {
  const count = (re: RegExp) => (filter.match(re) ?? []).length;
  return 5 * count(/\b(eq|ne|gt|ge|lt|le)\b/g) + count(/\b(and|or|not)\b/g) + 3 * count(/\b(any|all)\(/g);
}

/** Europe/Amsterdam's offset at an instant, by the EU rule: summer time from 01:00 UTC on the last Sunday of March
 * to 01:00 UTC on the last Sunday of October. */
export function amsterdamOffsetMinutes(instant: Date): number {
  const year = instant.getUTCFullYear();
  const lastSunday = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0, 1));
    return last.getTime() - last.getUTCDay() * 86_400_000;
  };
  const t = instant.getTime();
  return t >= lastSunday(2) && t < lastSunday(9) ? 120 : 60;
}

/**
 * An instant as an OData DateTimeOffset literal in Dutch local time (`2026-10-02T19:20:49.48+02:00`), keeping the
 * fraction the API gave (`ApiGewijzigdOp` has seven digits). Throws on a text that is no instant.
 */
export function amsterdamLiteral(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  const at = new Date(iso);
  if (!m || Number.isNaN(at.getTime())) throw new RangeError(`not an instant: ${JSON.stringify(iso.slice(0, 40))}`);
  const offset = amsterdamOffsetMinutes(at);
  const whole = new Date(Math.floor(at.getTime() / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  return `${whole}${m[2] ?? ''}+${String(offset / 60).padStart(2, '0')}:00`;
}
