import type { Entity, EntityTypeDef } from './odata/model';
import type { ServiceSettings } from './odata/settings';
import type { EntityStore } from './odata/store';
import { TK_TYPES, tkStore } from './tk-data';

/**
 * The versions of the Tweede Kamer OData API the mock serves, all from the one data set of tk-data.ts (written in
 * the v4/2.0 vocabulary, which the SyncFeed still uses): API v5 at `/OData/v5`, the default since v4/2.0 stopped on
 * 1 October 2026, and v4/2.0 at `/OData/v4/2.0` for clients that still have that URL saved. A version's schema is
 * the v4/2.0 schema with the renames below applied; its behaviour (page size, limits) is in TK_SETTINGS.
 * See ../shared/reference/data-sources.md §1.1a.
 */

export type TkVersion = 'v5' | 'v4';

export const TK_VERSIONS: readonly TkVersion[] = ['v5', 'v4'];

/** Service root path per version; v5 has its entity sets directly under it (`/OData/v5/Document`). */
export const TK_ROOTS: Readonly<Record<TkVersion, string>> = { v5: '/OData/v5', v4: '/OData/v4/2.0' };

/** What a mock runs unless told otherwise: only v5, as the real server now does. */
export const DEFAULT_TK_VERSIONS: readonly TkVersion[] = ['v5'];

export interface TkRename {
  /** Entity type. */
  type: string;
  /** Property name in v4/2.0. */
  v4: string;
  /** Property name in v5; null when v5 dropped it. */
  v5: string | null;
  /** Where the rename is seen. */
  source: string;
}

/**
 * v4/2.0 → v5 property renames and drops, as far as public sources show (data-sources.md §1.1a). Sources: the TK's
 * own tracker, github.com/TweedeKamerDerStaten-Generaal/OpenDataPortaal issues #175 (the new version: "nieuwe
 * namen voor attributen", "aardig wat attributen vervallen"), #185 (v5 URLs, the UTC-literal trap), #186, #192,
 * #193; and the peer sgort/ronl-business-api (its v5 client, tests and changelog "TK OData v5 migration"). Every
 * other entity type and property (Zaak, Besluit, ZaakActor, DocumentActor, Agendapunt …) is kept as in v4/2.0:
 * there is no public evidence of other renames, and the real `$metadata` is the authority.
 */
export const TK_V5_RENAMES: readonly TkRename[] = [
  {
    type: 'Document',
    v4: 'DocumentNummer',
    v5: 'Nummer',
    source: '#192 (filters DocumentVersie/Document/Nummer), sgort',
  },
  { type: 'Document', v4: 'Volgnummer', v5: 'Ondernummer', source: 'sgort client, tests and changelog (-1 = none)' },
  { type: 'Document', v4: 'DatumRegistratie', v5: null, source: 'sgort changelog' },
  { type: 'Activiteit', v4: 'Voortouwnaam', v5: 'VoortouwCommissieNaam', source: 'sgort (checked against $metadata)' },
  { type: 'Stemming', v4: 'ActorFractie', v5: 'FractieNaam', source: '#186 (the pairing is an inference)' },
  { type: 'Kamerstukdossier', v4: 'HoogsteVolgnummer', v5: 'AantalDocumenten', source: '#193 (same values)' },
];

/**
 * Behaviour per version. v5: `$top` above 100 answers 400 (peer sgort: "hard-caps $top at 100"), pages of 100,
 * deleted rows first when no `$orderby` is given (#190), and a UTC date-time literal compared as if it were Dutch
 * local time (#185: a `…T00:00:00Z` filter "silently returns a different set"; an explicit offset is exact).
 * v4/2.0: pages of 250 ("maximaal 250 resultaten per antwoord", #183), key order, exact literals.
 */
export const TK_SETTINGS: Readonly<Record<TkVersion, ServiceSettings>> = {
  v5: { pageSize: 100, maxTop: 100, deletedFirst: 'Verwijderd', utcLiteralsAsLocalIn: 'Europe/Amsterdam' },
  v4: { pageSize: 250 },
};

/** Entity type → property names (as the version names them) to leave out of `$metadata` and the data. */
export type TkDrop = Record<string, string[]>;

/** The name a v4/2.0 property has in `version`; null when that version does not have it. */
function nameIn(version: TkVersion, type: string, v4Name: string): string | null {
  if (version === 'v4') return v4Name;
  const rename = TK_V5_RENAMES.find((r) => r.type === type && r.v4 === v4Name);
  return rename ? rename.v5 : v4Name;
}

/** v4/2.0 name → version name, per entity type, for the properties `version` has after `drop`. */
function propertyMap(version: TkVersion, type: EntityTypeDef, drop: TkDrop): [string, string][] {
  const dropped = drop[type.name] ?? [];
  return type.properties.flatMap((p): [string, string][] => {
    const name = nameIn(version, type.name, p.name);
    return name === null || dropped.includes(name) ? [] : [[p.name, name]];
  });
}

/** The entity types of `version`, minus `drop`: what its `$metadata` declares and its queries may name. */
export function tkTypes(version: TkVersion, drop: TkDrop = {}): EntityTypeDef[] {
  return TK_TYPES.map((type) => {
    const names = new Map(propertyMap(version, type, drop));
    return {
      ...type,
      properties: type.properties.flatMap((p) => {
        const name = names.get(p.name);
        return name === undefined ? [] : [{ ...p, name }];
      }),
    };
  });
}

const cached = new Map<TkVersion, EntityStore>();

/** The data set as `version` serves it, minus `drop` (the undropped stores are built once per process). */
export function tkVersionStore(version: TkVersion, drop: TkDrop = {}): EntityStore {
  const plain = Object.values(drop).every((names) => names.length === 0);
  if (plain && version === 'v4') return tkStore();
  const hit = plain ? cached.get(version) : undefined;
  if (hit) return hit;
  const maps = new Map(TK_TYPES.map((type) => [type.name, propertyMap(version, type, drop)]));
  const store = tkStore().project(tkTypes(version, drop), (set, entity) => {
    const row: Entity = { Id: entity.Id };
    for (const [from, to] of maps.get(set) ?? []) row[to] = entity[from] ?? null;
    return row;
  });
  if (plain) cached.set(version, store);
  return store;
}

/** Which versions run and what is dropped: the TK mock's runtime schema (`MockApi.setTkSchema`, `/__mock/tk`). */
export interface TkSchema {
  versions: TkVersion[];
  drop: TkDrop;
}

/** A change to the schema: each field given replaces the current one (`drop: {}` restores every property). */
export interface TkSchemaChange {
  versions?: TkVersion[];
  drop?: TkDrop;
}

/** Validates a version list (from options, the CLI or the control endpoint); an error text when invalid. */
export function parseTkVersions(value: unknown): TkVersion[] | string {
  if (!Array.isArray(value) || value.length === 0)
    return `versions must be a non-empty list of ${TK_VERSIONS.join(', ')}`;
  for (const v of value) {
    if (!(TK_VERSIONS as readonly unknown[]).includes(v)) return `unknown TK API version ${JSON.stringify(v)}`;
  }
  if (new Set(value).size !== value.length) return 'versions must not repeat';
  return [...value] as TkVersion[];
}

/** Validates a schema change from an untrusted source; an error text when invalid. */
export function parseTkSchemaChange(value: unknown): TkSchemaChange | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'schema change must be a JSON object';
  const { versions, drop, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) return `unknown field ${unknown[0]}; expected "versions" and/or "drop"`;
  const change: TkSchemaChange = {};
  if (versions !== undefined) {
    const parsed = parseTkVersions(versions);
    if (typeof parsed === 'string') return parsed;
    change.versions = parsed;
  }
  if (drop !== undefined) {
    if (typeof drop !== 'object' || drop === null || Array.isArray(drop)) {
      return 'drop must be an object: entity type → property names';
    }
    const out: TkDrop = {};
    for (const [type, names] of Object.entries(drop)) {
      const def = TK_TYPES.find((t) => t.name === type);
      if (!def) return `unknown entity type ${type}`;
      if (!Array.isArray(names) || names.some((n) => typeof n !== 'string')) {
        return `drop.${type} must be a list of property names`;
      }
      const declared = new Set(TK_VERSIONS.flatMap((version) => propertyMap(version, def, {}).map(([, name]) => name)));
      for (const name of names as string[]) {
        if (name === 'Id') return `${type}.Id is the key and cannot be dropped`;
        if (!declared.has(name)) return `no TK API version has a property ${type}.${name}`;
      }
      out[type] = [...new Set(names as string[])];
    }
    change.drop = out;
  }
  return change;
}
