import { type Bound, IT, type Walk } from './binder';
import { localParts, parseTicks } from './datetime';
import type { Entity } from './model';
import type { EntityStore } from './store';

/**
 * Evaluates bound expressions on stored entities. Null semantics follow the server's LINQ translation: any
 * comparison other than `eq`/`ne` with a null operand is false, and a null boolean filters a row out.
 */

export type Value = string | number | boolean | bigint | Entity | null;

export interface EvalContext {
  store: EntityStore;
  /** Entity per range variable; `$it` is the row being filtered. */
  variables: Map<string, Entity>;
  /** Entity set of each range variable, for navigation lookups. */
  sets: Map<string, string>;
}

function follow(walk: Walk, ctx: EvalContext): { entity: Entity; set: string } | null {
  let entity = ctx.variables.get(walk.variable) ?? null;
  let set = ctx.sets.get(walk.variable) ?? '';
  for (const nav of walk.navs) {
    if (!entity) return null;
    entity = ctx.store.navigate(set, entity, nav)[0] ?? null;
    set = nav.target;
  }
  return entity ? { entity, set } : null;
}

function instant(value: Value): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string') return parseTicks(value);
  return undefined;
}

/** Orders two non-null values of compatible types; the binder guarantees compatibility. */
export function compareValues(a: Value, b: Value): number {
  const ta = instant(a);
  const tb = instant(b);
  if ((typeof a === 'bigint' || typeof b === 'bigint') && ta !== undefined && tb !== undefined) {
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function isInstantNode(node: Bound): boolean {
  return node.type === 'Edm.DateTimeOffset' || node.type === 'Edm.Date';
}

function callFunction(name: string, args: Value[]): Value {
  const [a, b] = args;
  if (args.some((arg) => arg === null)) return null;
  switch (name) {
    case 'contains':
      return String(a).includes(String(b));
    case 'startswith':
      return String(a).startsWith(String(b));
    case 'endswith':
      return String(a).endsWith(String(b));
    case 'tolower':
      return String(a).toLowerCase();
    case 'toupper':
      return String(a).toUpperCase();
    case 'trim':
      return String(a).trim();
    case 'length':
      return String(a).length;
    default: {
      // Date parts: a stored value is read in its own offset; a literal (ticks) in UTC.
      const parts =
        typeof a === 'bigint' ? localParts(new Date(Number(a / 10_000n)).toISOString()) : localParts(String(a));
      if (!parts) return null;
      return parts[name as keyof typeof parts] ?? null;
    }
  }
}

export function evaluate(node: Bound, ctx: EvalContext): Value {
  switch (node.k) {
    case 'const':
      return node.value;
    case 'prop':
      return follow(node.walk, ctx)?.entity[node.prop.name] ?? null;
    case 'entity':
      return follow(node.walk, ctx)?.entity ?? null;
    case 'lambda': {
      const source = follow(node.walk, ctx);
      const items = source ? ctx.store.navigate(source.set, source.entity, node.nav) : [];
      if (!node.variable || !node.body) return items.length > 0;
      const variable = node.variable;
      const body = node.body;
      const test = (item: Entity) =>
        evaluate(body, {
          store: ctx.store,
          variables: new Map(ctx.variables).set(variable, item),
          sets: new Map(ctx.sets).set(variable, node.nav.target),
        }) === true;
      return node.kind === 'any' ? items.some(test) : items.every(test);
    }
    case 'compare': {
      let left = evaluate(node.left, ctx);
      let right = evaluate(node.right, ctx);
      if (left === null || right === null) {
        if (node.op === 'eq') return left === right;
        if (node.op === 'ne') return left !== right;
        return false;
      }
      if (isInstantNode(node.left) || isInstantNode(node.right)) {
        left = instant(left) ?? left;
        right = instant(right) ?? right;
      }
      const order = compareValues(left, right);
      switch (node.op) {
        case 'eq':
          return order === 0;
        case 'ne':
          return order !== 0;
        case 'gt':
          return order > 0;
        case 'ge':
          return order >= 0;
        case 'lt':
          return order < 0;
        case 'le':
          return order <= 0;
      }
      return false;
    }
    case 'logic': {
      const left = evaluate(node.left, ctx) === true;
      if (node.op === 'and' && !left) return false;
      if (node.op === 'or' && left) return true;
      return evaluate(node.right, ctx) === true;
    }
    case 'not': {
      const value = evaluate(node.operand, ctx);
      return value === null ? null : !value;
    }
    case 'call':
      return callFunction(
        node.name,
        node.args.map((arg) => evaluate(arg, ctx)),
      );
  }
}

/** A context for evaluating on one row of `set`. */
export function rowContext(store: EntityStore, set: string, entity: Entity): EvalContext {
  return { store, variables: new Map([[IT, entity]]), sets: new Map([[IT, set]]) };
}
