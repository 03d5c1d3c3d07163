import { type Entity, type EntityTypeDef, findNavigation, type NavigationDef } from './model';

/**
 * In-memory entity sets with link tables for navigation properties. Insertion order is kept per set; the query
 * engine imposes its own order (the key, as the real server does for stable paging), so clients cannot rely on
 * the order rows were added in.
 */
export class EntityStore {
  private readonly typesByName = new Map<string, EntityTypeDef>();
  private readonly typesByLowerName = new Map<string, EntityTypeDef>();
  private readonly rows = new Map<string, Entity[]>();
  private readonly byId = new Map<string, Map<string, Entity>>();
  /** `${set}.${nav}` → source id → target ids, in link order. */
  private readonly links = new Map<string, Map<string, string[]>>();

  constructor(
    types: readonly EntityTypeDef[],
    /** Namespace of the entity types, as named in error messages and `$metadata`. */
    readonly namespace: string,
  ) {
    for (const type of types) {
      this.typesByName.set(type.name, type);
      this.typesByLowerName.set(type.name.toLowerCase(), type);
      this.rows.set(type.name, []);
      this.byId.set(type.name, new Map());
    }
  }

  get types(): EntityTypeDef[] {
    return [...this.typesByName.values()];
  }

  type(name: string): EntityTypeDef {
    const type = this.typesByName.get(name);
    if (!type) throw new Error(`unknown entity type ${name}`);
    return type;
  }

  /** Entity set names in the URL are case-insensitive on the real service (`/persoon` works). */
  typeForPath(segment: string): EntityTypeDef | undefined {
    return this.typesByLowerName.get(segment.toLowerCase());
  }

  add(set: string, entity: Entity): Entity {
    const ids = this.byId.get(set);
    if (!ids) throw new Error(`unknown entity set ${set}`);
    if (ids.has(entity.Id)) throw new Error(`duplicate id ${entity.Id} in ${set}`);
    ids.set(entity.Id, entity);
    this.rows.get(set)?.push(entity);
    return entity;
  }

  all(set: string): Entity[] {
    return this.rows.get(set) ?? [];
  }

  get(set: string, id: string): Entity | undefined {
    return this.byId.get(set)?.get(id.toLowerCase());
  }

  /** Links `from` to `to` through `nav`, and back through the navigation's partner when it has one. */
  link(set: string, fromId: string, nav: string, toId: string): void {
    const def = findNavigation(this.type(set), nav);
    if (!def) throw new Error(`unknown navigation ${set}.${nav}`);
    this.addLink(set, def, fromId, toId);
    if (def.partner) {
      const back = findNavigation(this.type(def.target), def.partner);
      if (!back) throw new Error(`unknown partner navigation ${def.target}.${def.partner}`);
      this.addLink(def.target, back, toId, fromId);
    }
  }

  private addLink(set: string, def: NavigationDef, fromId: string, toId: string): void {
    const key = `${set}.${def.name}`;
    let table = this.links.get(key);
    if (!table) {
      table = new Map();
      this.links.set(key, table);
    }
    const targets = table.get(fromId) ?? [];
    if (!def.many && targets.length > 0 && targets[0] !== toId) {
      throw new Error(`${key} of ${fromId} is single-valued and already linked`);
    }
    if (!targets.includes(toId)) targets.push(toId);
    table.set(fromId, targets);
  }

  /**
   * A copy over other entity types with the same rows and links, each row passed through `rowOf` (to rename or
   * drop properties). The types must have the names and navigations of this store's.
   */
  project(types: readonly EntityTypeDef[], rowOf: (set: string, entity: Entity) => Entity): EntityStore {
    const out = new EntityStore(types, this.namespace);
    for (const type of types) {
      if (!this.typesByName.has(type.name)) throw new Error(`unknown entity type ${type.name}`);
      for (const entity of this.all(type.name)) out.add(type.name, rowOf(type.name, entity));
    }
    for (const [key, table] of this.links) {
      out.links.set(key, new Map([...table].map(([id, targets]) => [id, [...targets]])));
    }
    return out;
  }

  /** The entities a navigation leads to (at most one for a single-valued navigation). */
  navigate(set: string, entity: Entity, nav: NavigationDef): Entity[] {
    const ids = this.links.get(`${set}.${nav.name}`)?.get(entity.Id) ?? [];
    const targets: Entity[] = [];
    for (const id of ids) {
      const target = this.get(nav.target, id);
      if (target) targets.push(target);
    }
    return targets;
  }
}
