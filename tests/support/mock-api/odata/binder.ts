import { parseTicks, parseWallClockTicks } from './datetime';
import { invalidQuery } from './errors';
import {
  type EdmPrimitive,
  type EntityTypeDef,
  findNavigation,
  findProperty,
  type NavigationDef,
  type PropertyDef,
} from './model';
import type { ComparisonOp, Syntax } from './parser';
import { DEFAULT_SETTINGS, type ServiceSettings } from './settings';
import type { EntityStore } from './store';

/**
 * Resolves an expression against the model: names become properties and navigations, every node gets a type, and
 * what the real server rejects with a 400 is rejected here too — unknown properties, collection navigations used
 * as single values, incompatible operand types (`Volgnummer eq '12'`, `Id eq 'guid-as-string'`), unknown functions.
 */

export type ValueType = EdmPrimitive | 'Edm.Date' | 'Edm.Decimal' | 'null';

/** A path from a range variable through single-valued navigations. */
export interface Walk {
  variable: string;
  navs: NavigationDef[];
  /** The entity type the walk ends on. */
  type: EntityTypeDef;
}

export type Bound =
  | { k: 'const'; type: ValueType; value: string | number | boolean | bigint | null; convert: boolean }
  | { k: 'prop'; walk: Walk; prop: PropertyDef; type: EdmPrimitive }
  | { k: 'entity'; walk: Walk; type: 'entity' }
  | {
      k: 'lambda';
      kind: 'any' | 'all';
      walk: Walk;
      nav: NavigationDef;
      variable?: string;
      body?: Bound;
      type: 'Edm.Boolean';
    }
  | { k: 'compare'; op: ComparisonOp; left: Bound; right: Bound; type: 'Edm.Boolean' }
  | { k: 'logic'; op: 'and' | 'or'; left: Bound; right: Bound; type: 'Edm.Boolean' }
  | { k: 'not'; operand: Bound; type: 'Edm.Boolean' }
  | { k: 'call'; name: string; args: Bound[]; type: ValueType };

type BoundType = Bound['type'];

/** The root range variable: unqualified names, also inside lambdas, refer to it. */
export const IT = '$it';

interface Scope {
  store: EntityStore;
  variables: Map<string, EntityTypeDef>;
  settings: ServiceSettings;
}

function typeName(store: EntityStore, type: EntityTypeDef): string {
  return `${store.namespace}.${type.name}`;
}

function group(type: BoundType): string {
  switch (type) {
    case 'Edm.Int32':
    case 'Edm.Int64':
    case 'Edm.Decimal':
      return 'number';
    case 'Edm.DateTimeOffset':
    case 'Edm.Date':
      return 'instant';
    default:
      return type;
  }
}

const OPERATOR_KIND: Record<ComparisonOp, string> = {
  eq: 'Equal',
  ne: 'NotEqual',
  gt: 'GreaterThan',
  ge: 'GreaterThanOrEqual',
  lt: 'LessThan',
  le: 'LessThanOrEqual',
};

function bindLiteral(syntax: Extract<Syntax, { t: 'literal' }>, settings: ServiceSettings): Bound {
  switch (syntax.kind) {
    case 'string':
      return { k: 'const', type: 'Edm.String', value: syntax.value as string, convert: false };
    case 'int': {
      const value = syntax.value as number;
      return { k: 'const', type: Math.abs(value) > 2 ** 31 - 1 ? 'Edm.Int64' : 'Edm.Int32', value, convert: false };
    }
    case 'decimal':
      return { k: 'const', type: 'Edm.Decimal', value: syntax.value as number, convert: false };
    case 'guid':
      return { k: 'const', type: 'Edm.Guid', value: syntax.value as string, convert: false };
    case 'datetime':
    case 'date': {
      const text = syntax.value as string;
      // A service that drops the zone reads `…Z` as its own local time; an explicit offset stays exact.
      const zone = syntax.kind === 'datetime' && /z$/i.test(text) ? settings.utcLiteralsAsLocalIn : undefined;
      const ticks = zone ? parseWallClockTicks(text, zone) : parseTicks(text);
      if (ticks === undefined) throw invalidQuery(`The date-time literal '${syntax.value}' is not valid.`);
      return {
        k: 'const',
        type: syntax.kind === 'date' ? 'Edm.Date' : 'Edm.DateTimeOffset',
        value: ticks,
        convert: false,
      };
    }
    case 'boolean':
      return { k: 'const', type: 'Edm.Boolean', value: syntax.value as boolean, convert: false };
    default:
      return { k: 'const', type: 'null', value: null, convert: false };
  }
}

function bindPath(syntax: Extract<Syntax, { t: 'path' }>, scope: Scope): Bound {
  const [first, ...rest] = syntax.segments as [string, ...string[]];
  let walk: Walk;
  let segments: string[];
  const variableType = scope.variables.get(first);
  if (variableType && first !== IT) {
    walk = { variable: first, navs: [], type: variableType };
    segments = rest;
  } else {
    walk = { variable: IT, navs: [], type: scope.variables.get(IT) as EntityTypeDef };
    segments = first === IT ? rest : syntax.segments;
  }
  for (let i = 0; i < segments.length; i++) {
    const name = segments[i] as string;
    const last = i === segments.length - 1;
    const prop = findProperty(walk.type, name);
    if (prop) {
      if (!last) {
        throw invalidQuery(
          `Found a path traversing a property of primitive type '${prop.name}' in '${segments.join('/')}'.`,
        );
      }
      if (syntax.lambda) throw invalidQuery(`Any/All may only be used following a collection.`);
      return { k: 'prop', walk, prop, type: prop.type };
    }
    const nav = findNavigation(walk.type, name);
    if (!nav)
      throw invalidQuery(`Could not find a property named '${name}' on type '${typeName(scope.store, walk.type)}'.`);
    const target = scope.store.type(nav.target);
    if (nav.many) {
      if (!last) {
        throw invalidQuery(
          `The parent value for a property access of a property '${segments[i + 1]}' is not a single value. Property access can only be applied to a single value.`,
        );
      }
      if (!syntax.lambda) {
        throw invalidQuery(`The navigation property '${name}' is a collection; use any() or all() to filter on it.`);
      }
      const { kind, variable, body } = syntax.lambda;
      if (variable !== undefined && scope.variables.has(variable)) {
        throw invalidQuery(`The range variable '${variable}' has already been declared.`);
      }
      if (variable === undefined || body === undefined) return { k: 'lambda', kind, walk, nav, type: 'Edm.Boolean' };
      const inner: Scope = { ...scope, variables: new Map(scope.variables).set(variable, target) };
      const boundBody = bindExpression(body, inner);
      if (boundBody.type !== 'Edm.Boolean' && boundBody.type !== 'null') {
        throw invalidQuery(`The ${kind} expression must evaluate to a single boolean value.`);
      }
      return { k: 'lambda', kind, walk, nav, variable, body: boundBody, type: 'Edm.Boolean' };
    }
    walk = { variable: walk.variable, navs: [...walk.navs, nav], type: target };
  }
  if (syntax.lambda) throw invalidQuery(`Any/All may only be used following a collection.`);
  return { k: 'entity', walk, type: 'entity' };
}

function requireType(node: Bound, allowed: BoundType[], context: string): void {
  if (node.type !== 'null' && !allowed.includes(node.type)) {
    throw invalidQuery(`${context} Found operand type '${node.type === 'entity' ? 'entity' : node.type}'.`);
  }
}

interface FunctionSignature {
  params: BoundType[][];
  returns: ValueType;
}

const STRING: BoundType[] = ['Edm.String'];
const INSTANT: BoundType[] = ['Edm.DateTimeOffset', 'Edm.Date'];

const FUNCTIONS: Record<string, FunctionSignature> = {
  contains: { params: [STRING, STRING], returns: 'Edm.Boolean' },
  startswith: { params: [STRING, STRING], returns: 'Edm.Boolean' },
  endswith: { params: [STRING, STRING], returns: 'Edm.Boolean' },
  tolower: { params: [STRING], returns: 'Edm.String' },
  toupper: { params: [STRING], returns: 'Edm.String' },
  trim: { params: [STRING], returns: 'Edm.String' },
  length: { params: [STRING], returns: 'Edm.Int32' },
  year: { params: [INSTANT], returns: 'Edm.Int32' },
  month: { params: [INSTANT], returns: 'Edm.Int32' },
  day: { params: [INSTANT], returns: 'Edm.Int32' },
  hour: { params: [INSTANT], returns: 'Edm.Int32' },
  minute: { params: [INSTANT], returns: 'Edm.Int32' },
  second: { params: [INSTANT], returns: 'Edm.Int32' },
};

function bindCall(syntax: Extract<Syntax, { t: 'call' }>, scope: Scope): Bound {
  const signature = FUNCTIONS[syntax.name];
  if (!signature) throw invalidQuery(`An unknown function with name '${syntax.name}' was found.`);
  const args = syntax.args.map((arg) => bindExpression(arg, scope));
  const matches =
    args.length === signature.params.length &&
    args.every((arg, i) => arg.type === 'null' || (signature.params[i] ?? []).includes(arg.type));
  if (!matches) {
    const expected = signature.params.map((p) => `${p[0]} Nullable=true`).join(', ');
    throw invalidQuery(
      `No function signature for the function with name '${syntax.name}' matches the specified arguments. The function signatures considered are: ${syntax.name}(${expected}).`,
    );
  }
  return { k: 'call', name: syntax.name, args, type: signature.returns };
}

function bindComparison(op: ComparisonOp, left: Bound, right: Bound): Bound {
  for (const side of [left, right]) {
    if (side.type === 'entity' && !(op === 'eq' || op === 'ne')) {
      throw invalidQuery(`Only 'eq' and 'ne' with null can be applied to an entity value.`);
    }
  }
  const l = left.type;
  const r = right.type;
  const compatible =
    l === 'null' ||
    r === 'null' ||
    (l !== 'entity' && r !== 'entity' && group(l) === group(r) && (l !== 'Edm.Boolean' || op === 'eq' || op === 'ne'));
  if (!compatible) {
    throw invalidQuery(
      `A binary operator with incompatible types was detected. Found operand types '${l}' and '${r}' for operator kind '${OPERATOR_KIND[op]}'.`,
    );
  }
  // Literals compared with a (nullable) property get a type-promotion Convert node on the real server; mark them
  // so the node count includes it.
  for (const [side, other] of [
    [left, right],
    [right, left],
  ] as const) {
    if (side.k === 'const' && side.type !== 'null' && side.type !== 'Edm.String' && other.k === 'prop')
      side.convert = true;
  }
  return { k: 'compare', op, left, right, type: 'Edm.Boolean' };
}

export function bindExpression(syntax: Syntax, scope: Scope): Bound {
  switch (syntax.t) {
    case 'literal':
      return bindLiteral(syntax, scope.settings);
    case 'path':
      return bindPath(syntax, scope);
    case 'call':
      return bindCall(syntax, scope);
    case 'not': {
      const operand = bindExpression(syntax.operand, scope);
      requireType(operand, ['Edm.Boolean'], `The 'not' operator requires a boolean operand.`);
      return { k: 'not', operand, type: 'Edm.Boolean' };
    }
    case 'binary': {
      const left = bindExpression(syntax.left, scope);
      const right = bindExpression(syntax.right, scope);
      if (syntax.op === 'and' || syntax.op === 'or') {
        for (const side of [left, right]) {
          requireType(side, ['Edm.Boolean'], `The '${syntax.op}' operator requires boolean operands.`);
        }
        return { k: 'logic', op: syntax.op, left, right, type: 'Edm.Boolean' };
      }
      return bindComparison(syntax.op, left, right);
    }
  }
}

/** Binds a `$filter` (or nested filter) on an entity type; the result must be boolean. */
export function bindFilter(
  syntax: Syntax,
  store: EntityStore,
  type: EntityTypeDef,
  settings: ServiceSettings = DEFAULT_SETTINGS,
): Bound {
  const bound = bindExpression(syntax, { store, variables: new Map([[IT, type]]), settings });
  if (bound.type !== 'Edm.Boolean' && bound.type !== 'null') {
    throw invalidQuery(`The $filter expression must evaluate to a single boolean value.`);
  }
  return bound;
}

/** Binds an `$orderby` expression: any single value (property paths through single navigations, functions). */
export function bindOrderExpression(
  syntax: Syntax,
  store: EntityStore,
  type: EntityTypeDef,
  settings: ServiceSettings = DEFAULT_SETTINGS,
): Bound {
  const bound = bindExpression(syntax, { store, variables: new Map([[IT, type]]), settings });
  if (bound.type === 'entity')
    throw invalidQuery(`The $orderby expression must evaluate to a single value of primitive type.`);
  return bound;
}

function walkCount(walk: Walk): number {
  // The range variable reference and each navigation step are nodes of their own.
  return 1 + walk.navs.length;
}

/**
 * Nodes of a bound expression, counted the way ASP.NET OData's FilterQueryValidator does (it calls
 * IncrementNodeCount for every query node it visits): each operator, function call, lambda, property access,
 * navigation step, range-variable reference and literal is one node; literals compared with a property add a
 * type-promotion Convert node; the body of `any()` without a variable is not visited. `Verwijderd eq false` is
 * therefore 5 nodes, and the server's default limit of 100 allows about 20 such clauses.
 */
export function countNodes(node: Bound): number {
  switch (node.k) {
    case 'const':
      return node.convert ? 2 : 1;
    case 'prop':
      return 1 + walkCount(node.walk);
    case 'entity':
      return walkCount(node.walk);
    case 'lambda':
      return 1 + 1 + walkCount(node.walk) + (node.body ? countNodes(node.body) : 0);
    case 'compare':
    case 'logic':
      return 1 + countNodes(node.left) + countNodes(node.right);
    case 'not':
      return 1 + countNodes(node.operand);
    case 'call':
      return 1 + node.args.reduce((sum, arg) => sum + countNodes(arg), 0);
  }
}

/** The real server's default `MaxNodeCount`. */
export const MAX_NODE_COUNT = 100;

export function checkNodeCount(node: Bound): void {
  if (countNodes(node) > MAX_NODE_COUNT) {
    throw invalidQuery(
      `The node count limit of '${MAX_NODE_COUNT}' has been exceeded. To increase the limit, set the 'MaxNodeCount' property on EnableQueryAttribute or ODataValidationSettings.`,
    );
  }
}
