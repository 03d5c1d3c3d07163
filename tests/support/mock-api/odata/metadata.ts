import type { EntityStore } from './store';

/**
 * A minimal CSDL document (`$metadata`) listing the entity types, their properties and navigations, so clients
 * that read field names from `$metadata` (advised, since a renamed-attribute API version is announced) can.
 */
export function metadataXml(store: EntityStore): string {
  const ns = store.namespace;
  const types = store.types
    .map((type) => {
      const props = type.properties
        .map(
          (p) => `        <Property Name="${p.name}" Type="${p.type}"${p.name === 'Id' ? ' Nullable="false"' : ''} />`,
        )
        .join('\n');
      const navs = type.navigations
        .map(
          (n) =>
            `        <NavigationProperty Name="${n.name}" Type="${n.many ? `Collection(${ns}.${n.target})` : `${ns}.${n.target}`}"${n.partner ? ` Partner="${n.partner}"` : ''} />`,
        )
        .join('\n');
      return `      <EntityType Name="${type.name}">\n        <Key><PropertyRef Name="Id" /></Key>\n${props}\n${navs}\n      </EntityType>`;
    })
    .join('\n');
  const sets = store.types
    .map((type) => {
      const bindings = type.navigations
        .map((n) => `          <NavigationPropertyBinding Path="${n.name}" Target="${n.target}" />`)
        .join('\n');
      return `        <EntitySet Name="${type.name}" EntityType="${ns}.${type.name}">\n${bindings}\n        </EntitySet>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="${ns}" xmlns="http://docs.oasis-open.org/odata/ns/edm">
${types}
      <EntityContainer Name="Container">
${sets}
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;
}
