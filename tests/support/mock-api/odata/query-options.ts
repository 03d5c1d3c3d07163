import { type Bound, bindFilter, bindOrderExpression, checkNodeCount } from './binder';
import { invalidQuery, ODataError } from './errors';
import { type EntityTypeDef, findNavigation, findProperty, type NavigationDef } from './model';
import { parseExpression, parseOrderItem } from './parser';
import { DEFAULT_SETTINGS, type ServiceSettings } from './settings';
import type { EntityStore } from './store';

/**
 * System query options, parsed and bound for one entity type: top level from the URL, nested from `$expand`
 * items such as `Zaak($expand=Besluit($select=Id);$select=Nummer)`. Raw option texts are kept so nested
 * collections can be paged with a nextLink that repeats them.
 */
export interface QueryOptions {
  filter?: Bound;
  /** Selected structural properties, in model order; undefined when everything is selected. */
  select?: string[];
  expand: ExpandItem[];
  orderby: { expr: Bound; descending: boolean }[];
  top?: number;
  skip?: number;
  count: boolean;
  skiptoken?: string;
  /** `$format=…;odata.metadata=none` leaves out control information such as `@odata.context`. */
  metadataNone: boolean;
  /** Option name → raw text, as given. */
  raw: [string, string][];
  /** The service's behaviour (page size, limits), carried along so nested collections page the same way. */
  settings: ServiceSettings;
}

export interface ExpandItem {
  nav: NavigationDef;
  options: QueryOptions;
}

const TOP_LEVEL = new Set([
  '$filter',
  '$expand',
  '$select',
  '$orderby',
  '$top',
  '$skip',
  '$count',
  '$skiptoken',
  '$format',
]);
const NESTED = new Set(['$filter', '$expand', '$select', '$orderby', '$top', '$skip', '$count']);

/** Splits on `separator` outside parentheses and string literals. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) throw invalidQuery(`Syntax error: unbalanced parentheses in '${text}'.`);
  }
  if (depth !== 0 || quoted) throw invalidQuery(`Syntax error: unbalanced parentheses or quotes in '${text}'.`);
  parts.push(text.slice(start));
  return parts;
}

function typeName(store: EntityStore, type: EntityTypeDef): string {
  return `${store.namespace}.${type.name}`;
}

function parseNonNegative(name: string, text: string): number {
  if (!/^\d+$/.test(text.trim())) {
    throw invalidQuery(
      `Invalid value '${text}' for ${name} query option found. The ${name} query option requires a non-negative integer value.`,
    );
  }
  return Number(text.trim());
}

function parseSelect(text: string, store: EntityStore, type: EntityTypeDef): string[] | undefined {
  const names = text.split(',').map((s) => s.trim());
  if (names.includes('*')) return undefined;
  for (const name of names) {
    if (name === '') throw invalidQuery(`Syntax error in $select '${text}'.`);
    if (!findProperty(type, name) && !findNavigation(type, name)) {
      throw invalidQuery(`Could not find a property named '${name}' on type '${typeName(store, type)}'.`);
    }
  }
  // Navigation properties may be selected, but only expanded ones are written inline.
  return type.properties.filter((p) => names.includes(p.name)).map((p) => p.name);
}

function parseExpand(text: string, store: EntityStore, type: EntityTypeDef, settings: ServiceSettings): ExpandItem[] {
  const items: ExpandItem[] = [];
  for (const part of splitTopLevel(text, ',')) {
    const item = part.trim();
    const open = item.indexOf('(');
    const name = (open < 0 ? item : item.slice(0, open)).trim();
    if (open >= 0 && !item.endsWith(')')) throw invalidQuery(`Syntax error in $expand '${text}'.`);
    const inner = open < 0 ? '' : item.slice(open + 1, -1);
    if (name === '' || name.includes('/') || name === '*') {
      throw invalidQuery(`The $expand item '${name}' is not supported; expand navigation properties by name.`);
    }
    const nav = findNavigation(type, name);
    if (!nav) {
      if (findProperty(type, name)) {
        throw invalidQuery(
          `Property '${name}' on type '${typeName(store, type)}' is not a navigation property or complex property. Only navigation properties can be expanded.`,
        );
      }
      throw invalidQuery(`Could not find a property named '${name}' on type '${typeName(store, type)}'.`);
    }
    if (items.some((i) => i.nav.name === name)) throw invalidQuery(`Found multiple $expand items for '${name}'.`);
    const raw: [string, string][] = [];
    if (inner.trim() !== '') {
      for (const option of splitTopLevel(inner, ';')) {
        const eq = option.indexOf('=');
        if (eq < 0) throw invalidQuery(`Syntax error in $expand options '${inner}'.`);
        raw.push([option.slice(0, eq).trim(), option.slice(eq + 1)]);
      }
    }
    items.push({ nav, options: parseOptions(raw, store, store.type(nav.target), NESTED, settings) });
  }
  return items;
}

function parseOrderby(
  text: string,
  store: EntityStore,
  type: EntityTypeDef,
  settings: ServiceSettings,
): QueryOptions['orderby'] {
  return splitTopLevel(text, ',').map((item) => {
    const { expr, descending } = parseOrderItem(item);
    return { expr: bindOrderExpression(expr, store, type, settings), descending };
  });
}

/** Parses and binds query options given as (name, raw value) pairs. */
export function parseOptions(
  raw: [string, string][],
  store: EntityStore,
  type: EntityTypeDef,
  allowed: Set<string> = TOP_LEVEL,
  settings: ServiceSettings = DEFAULT_SETTINGS,
): QueryOptions {
  const options: QueryOptions = { expand: [], orderby: [], count: false, metadataNone: false, raw, settings };
  const seen = new Set<string>();
  for (const [name, value] of raw) {
    if (!name.startsWith('$')) continue;
    if (!allowed.has(name)) throw invalidQuery(`The query parameter '${name}' is not supported.`);
    if (seen.has(name)) {
      throw invalidQuery(`Query option '${name}' was specified more than once, but it must be specified at most once.`);
    }
    seen.add(name);
    switch (name) {
      case '$filter':
        options.filter = bindFilter(parseExpression(value), store, type, settings);
        checkNodeCount(options.filter);
        break;
      case '$select':
        options.select = parseSelect(value, store, type);
        break;
      case '$expand':
        options.expand = parseExpand(value, store, type, settings);
        break;
      case '$orderby':
        options.orderby = parseOrderby(value, store, type, settings);
        break;
      case '$top':
        options.top = parseNonNegative(name, value);
        if (settings.maxTop !== undefined && options.top > settings.maxTop) {
          // ASP.NET OData's TopQueryValidator, also for $top inside $expand.
          throw invalidQuery(
            `The limit of '${settings.maxTop}' for Top query has been exceeded. The value from the incoming request is '${value.trim()}'.`,
          );
        }
        break;
      case '$skip':
        options.skip = parseNonNegative(name, value);
        break;
      case '$count':
        if (value !== 'true' && value !== 'false') {
          throw invalidQuery(`'${value}' is not a valid count option.`);
        }
        options.count = value === 'true';
        break;
      case '$skiptoken':
        options.skiptoken = value;
        break;
      case '$format': {
        const format = value.toLowerCase();
        if (!(format === 'json' || format.startsWith('application/json'))) {
          throw new ODataError(
            406,
            `The requested format '${value}' is not supported; this service answers JSON only.`,
          );
        }
        options.metadataNone = /odata\.metadata=none/.test(format);
        break;
      }
    }
  }
  return options;
}

/** Query options from a URL (non-`$` parameters are ignored, as the server does). */
export function parseUrlOptions(
  params: URLSearchParams,
  store: EntityStore,
  type: EntityTypeDef,
  settings: ServiceSettings = DEFAULT_SETTINGS,
): QueryOptions {
  return parseOptions([...params.entries()], store, type, TOP_LEVEL, settings);
}
