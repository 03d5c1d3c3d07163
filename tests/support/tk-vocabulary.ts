import { resolveVocabulary, type Vocabulary } from '../../lib/tk/concepts';
import type { EntityTypeInfo, ServiceSchema } from '../../lib/tk/metadata';
import type { EntityTypeDef } from './mock-api/odata/model';
import { TK_NAMESPACE } from './mock-api/tk-data';
import { type TkDrop, type TkVersion, tkTypes } from './mock-api/tk-versions';

/** The schema the mock's `$metadata` declares for a version, without going through XML (unit tests of lib/tk). */
export function mockSchema(version: TkVersion, drop: TkDrop = {}): ServiceSchema {
  return schemaOf(tkTypes(version, drop));
}

export function schemaOf(defs: readonly EntityTypeDef[]): ServiceSchema {
  const types = new Map<string, EntityTypeInfo>();
  const sets = new Map<string, string>();
  for (const def of defs) {
    const name = `${TK_NAMESPACE}.${def.name}`;
    const info: EntityTypeInfo = {
      name,
      key: ['Id'],
      properties: new Map(def.properties.map((p) => [p.name, p.type])),
      navigations: new Map(def.navigations.map((n) => [n.name, { type: `${TK_NAMESPACE}.${n.target}`, many: n.many }])),
    };
    types.set(name, info);
    types.set(def.name, info);
    sets.set(def.name, name);
  }
  return { types, sets };
}

export const mockVocabulary = (version: TkVersion, drop: TkDrop = {}): Vocabulary =>
  resolveVocabulary(mockSchema(version, drop));
