import { compareValues, evaluate, rowContext } from './evaluate';
import type { Entity, EntityTypeDef } from './model';
import { nextLink } from './paging';
import type { QueryOptions } from './query-options';
import type { EntityStore } from './store';

/**
 * Applies query options to a collection and writes entities as OData JSON (minimal metadata): selected
 * properties in model order, then expanded navigations, each expanded collection paged like a top-level one.
 */

export interface Page {
  rows: Entity[];
  /** Matching rows before `$skip`/`$top`/paging, for `@odata.count`. */
  total: number;
  /** Offset of the next page when the server cut the result at the page size. */
  nextOffset?: number;
}

/** Where a collection lives, for building its nextLink. */
export interface CollectionAddress {
  /** `http://host:port` as the client addressed it. */
  origin: string;
  /** Absolute path of the collection, e.g. `/OData/v4/2.0/Document` or `/OData/v4/2.0/Zaak(<id>)/Besluit`. */
  path: string;
}

export function queryCollection(
  store: EntityStore,
  type: EntityTypeDef,
  entities: Entity[],
  options: QueryOptions,
  tokenOffset = 0,
): Page {
  const filter = options.filter;
  const matching = filter
    ? entities.filter((entity) => evaluate(filter, rowContext(store, type.name, entity)) === true)
    : [...entities];
  // The key is the last sort key, as the server adds it for stable paging; without $orderby rows come in key order,
  // after the deleted ones where the service puts those first.
  const { pageSize, deletedFirst } = options.settings;
  const keyed = matching.map((entity) => ({
    entity,
    keys: options.orderby.map((o) => evaluate(o.expr, rowContext(store, type.name, entity))),
  }));
  keyed.sort((a, b) => {
    if (deletedFirst && options.orderby.length === 0) {
      const order = Number(b.entity[deletedFirst] === true) - Number(a.entity[deletedFirst] === true);
      if (order !== 0) return order;
    }
    for (let i = 0; i < options.orderby.length; i++) {
      const x = a.keys[i] ?? null;
      const y = b.keys[i] ?? null;
      // Nulls first ascending, as SQL Server sorts them.
      const order = x === null ? (y === null ? 0 : -1) : y === null ? 1 : compareValues(x, y);
      if (order !== 0) return options.orderby[i]?.descending ? -order : order;
    }
    return compareValues(a.entity.Id, b.entity.Id);
  });
  const ordered = keyed.map((k) => k.entity);
  const start = (options.skip ?? 0) + tokenOffset;
  if (options.top !== undefined) {
    // An explicit $top never gets a nextLink (issue #70), and a response never exceeds the page size.
    return { rows: ordered.slice(start, start + Math.min(options.top, pageSize)), total: matching.length };
  }
  const rows = ordered.slice(start, start + pageSize);
  const more = start + pageSize < ordered.length;
  return { rows, total: matching.length, ...(more ? { nextOffset: tokenOffset + pageSize } : {}) };
}

/** One entity as JSON, with its expansions. */
export function writeEntity(
  store: EntityStore,
  type: EntityTypeDef,
  entity: Entity,
  options: QueryOptions,
  origin: string,
  serviceRoot: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const selected = options.select;
  for (const prop of type.properties) {
    if (!selected || selected.includes(prop.name)) out[prop.name] = entity[prop.name] ?? null;
  }
  for (const item of options.expand) {
    const target = store.type(item.nav.target);
    const related = store.navigate(type.name, entity, item.nav);
    if (!item.nav.many) {
      const single = related[0];
      out[item.nav.name] = single ? writeEntity(store, target, single, item.options, origin, serviceRoot) : null;
      continue;
    }
    const page = queryCollection(store, target, related, item.options);
    if (item.options.count) out[`${item.nav.name}@odata.count`] = page.total;
    out[item.nav.name] = page.rows.map((row) => writeEntity(store, target, row, item.options, origin, serviceRoot));
    if (page.nextOffset !== undefined) {
      const path = `${serviceRoot}/${type.name}(${entity.Id})/${item.nav.name}`;
      out[`${item.nav.name}@odata.nextLink`] = nextLink(origin, path, item.options.raw, page.nextOffset);
    }
  }
  return out;
}

/** `Document` or `Document(Id,Soort)`: the `@odata.context` fragment for a collection of `type`. */
export function contextFragment(type: EntityTypeDef, options: QueryOptions): string {
  return options.select ? `${type.name}(${options.select.join(',')})` : type.name;
}
