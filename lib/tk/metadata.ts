import { childrenOf, descendantsOf, parseXml, type XmlElement } from '../xml/parse';

/**
 * What an OData service says about itself in `$metadata` (EDMX XML): its entity types with their properties and
 * navigations, and its entity sets. The Tweede Kamer renamed and dropped fields when it moved to OData v5 (1 October
 * 2026; TK issue #175: "nieuwe namen voor attributen… aardig wat attributen vervallen"), and its server answers 400 to
 * a whole query that names one property it does not declare (#192). So every query Kamerlens sends is built from this
 * description, never from names written in the code.
 */

export interface EntityTypeInfo {
  /** Qualified name (`TK.DA.GGM.OData.Document`). */
  name: string;
  key: string[];
  /** Property name → EDM type (`Edm.String`). */
  properties: Map<string, string>;
  /** Navigation name → target type (qualified) and whether it is a collection. */
  navigations: Map<string, { type: string; many: boolean }>;
}

export interface ServiceSchema {
  /** Entity type by qualified name and by bare name. */
  types: Map<string, EntityTypeInfo>;
  /** Entity set name → qualified entity type name. */
  sets: Map<string, string>;
}

/** Serialisable form, as kept in IndexedDB between worker starts. */
export interface StoredSchema {
  types: { name: string; key: string[]; properties: [string, string][]; navigations: [string, string, boolean][] }[];
  sets: [string, string][];
}

export class MetadataError extends Error {
  override readonly name = 'MetadataError';
}

const COLLECTION = /^Collection\((.+)\)$/;

/** Parses an EDMX document; throws MetadataError when it is not one (an HTML page, a cut-off answer). */
export function parseMetadata(xml: string): ServiceSchema {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    throw new MetadataError(`$metadata is not readable XML: ${(error as Error).message}`);
  }
  if (root.name !== 'Edmx') throw new MetadataError(`$metadata has root <${root.name}>, not <edmx:Edmx>`);
  const types: EntityTypeInfo[] = [];
  const sets: [string, string][] = [];
  for (const schema of descendantsOf(root, 'Schema')) {
    const namespace = schema.attrs.Namespace ?? '';
    const qualify = (name: string) => (namespace ? `${namespace}.${name}` : name);
    for (const type of childrenOf(schema, 'EntityType')) {
      const name = type.attrs.Name;
      if (!name) continue;
      const key = childrenOf(type, 'Key').flatMap((k) => childrenOf(k, 'PropertyRef').map((p) => p.attrs.Name ?? ''));
      const properties = new Map<string, string>();
      for (const p of childrenOf(type, 'Property')) if (p.attrs.Name) properties.set(p.attrs.Name, p.attrs.Type ?? '');
      const navigations = new Map<string, { type: string; many: boolean }>();
      for (const n of childrenOf(type, 'NavigationProperty')) {
        if (!n.attrs.Name || !n.attrs.Type) continue;
        const many = COLLECTION.exec(n.attrs.Type);
        navigations.set(n.attrs.Name, { type: many ? many[1]! : n.attrs.Type, many: Boolean(many) });
      }
      types.push({ name: qualify(name), key: key.filter(Boolean), properties, navigations });
    }
    for (const container of childrenOf(schema, 'EntityContainer'))
      for (const set of childrenOf(container, 'EntitySet'))
        if (set.attrs.Name && set.attrs.EntityType) sets.push([set.attrs.Name, set.attrs.EntityType]);
  }
  if (!types.length) throw new MetadataError('$metadata declares no entity types');
  return fromParts(types, sets);
}

function fromParts(list: EntityTypeInfo[], sets: [string, string][]): ServiceSchema {
  const types = new Map<string, EntityTypeInfo>();
  for (const t of list) {
    types.set(t.name, t);
    types.set(t.name.slice(t.name.lastIndexOf('.') + 1), t);
  }
  return { types, sets: new Map(sets) };
}

export function storeSchema(schema: ServiceSchema): StoredSchema {
  const unique = [...new Set(schema.types.values())];
  return {
    types: unique.map((t) => ({
      name: t.name,
      key: t.key,
      properties: [...t.properties],
      navigations: [...t.navigations].map(([n, v]) => [n, v.type, v.many] as [string, string, boolean]),
    })),
    sets: [...schema.sets],
  };
}

export function loadSchema(stored: StoredSchema): ServiceSchema {
  return fromParts(
    stored.types.map((t) => ({
      name: t.name,
      key: t.key,
      properties: new Map(t.properties),
      navigations: new Map(t.navigations.map(([n, type, many]) => [n, { type, many }])),
    })),
    stored.sets,
  );
}
