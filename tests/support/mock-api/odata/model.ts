/**
 * The entity model the query engine works on: entity types (one entity set each, same name), their primitive
 * properties in serialisation order, and navigation properties. Kept declarative so `$metadata`, `$select`
 * validation and filter binding all read the same definition.
 */

export type EdmPrimitive = 'Edm.Guid' | 'Edm.String' | 'Edm.Int32' | 'Edm.Int64' | 'Edm.Boolean' | 'Edm.DateTimeOffset';

export interface PropertyDef {
  name: string;
  type: EdmPrimitive;
}

export interface NavigationDef {
  name: string;
  /** Entity set (= entity type) name of the target. */
  target: string;
  many: boolean;
  /** The navigation on the target that leads back, so one `link` call fills both directions. */
  partner?: string;
}

export interface EntityTypeDef {
  name: string;
  properties: PropertyDef[];
  navigations: NavigationDef[];
}

/** A stored row: primitive values only (navigations live in the store's link tables). */
export type Entity = { Id: string } & Record<string, string | number | boolean | null>;

export function findProperty(type: EntityTypeDef, name: string): PropertyDef | undefined {
  return type.properties.find((p) => p.name === name);
}

export function findNavigation(type: EntityTypeDef, name: string): NavigationDef | undefined {
  return type.navigations.find((n) => n.name === name);
}
