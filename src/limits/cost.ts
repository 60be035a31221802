// The cost of an operation, counting upstream reads as well as returned items (graphql-armor's
// cost limit counts fields but does not multiply by `first`). Every field costs 1. A connection
// field (one with `first`/`last`) also costs READ_COST for each upstream page it needs, at least
// one even with `first: 0` (the page is read to answer `pageInfo`), and its items (`edges`,
// `nodes`) cost as many times as the page it asks for: `first` or `last` (the larger when both
// are given), 25 when neither is. Nested connections multiply by their parents' pages.
// `zones(first: 50) { nodes { changes(first: 10) { nodes { id summary } } } } }` costs
// 1 + 10 + 50 × (1 + 1 + 10 + 10 × (1 + 2)) = 2111. Federation's `_entities` costs, per
// representation, its lookup (READ_COST) and its selection.
//
// Pure: the schema is only asked for field arguments and types (no `instanceof`, so it works
// whichever copy of graphql built the schema). Fragments are expanded (and memoised, so nested
// spreads cannot blow up the computation); inline fragments and `@skip`/`@include` count in full.
import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { isRecord } from '../model/guards.js';

export const DEFAULT_PAGE_SIZE = 25;
/** What one upstream read costs, in fields: reads, not fields, are what an operation costs the upstreams. */
export const READ_COST = 10;
/** The largest page the gateway reads from an upstream in one call. */
const UPSTREAM_PAGE = 100;
const ENTITIES = '_entities';
/** The fields of a connection that hold one entry per item. */
const ITEM_FIELDS = new Set(['edges', 'nodes']);
const PAGE_ARGS = ['first', 'last'];

/** The part of a GraphQL schema the computation needs (GraphQLSchema satisfies it). */
export interface CostSchema {
  getQueryType(): unknown;
  getMutationType(): unknown;
  getSubscriptionType(): unknown;
  getType(name: string): unknown;
}

/** The fields of an object or interface type, by name (each read with checks: see fieldCost). */
type Composite = Record<string, unknown> | undefined;

export interface CostInput {
  schema: CostSchema;
  document: DocumentNode;
  operationName?: string | null;
  /** The request's variables; a page size given by a variable is read from here. */
  variables?: Record<string, unknown> | null;
  defaultPageSize?: number;
}

interface Walk {
  schema: CostSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  defaults: Map<string, number>;
  defaultPageSize: number;
  memo: Map<string, number>;
  visiting: Set<string>;
}

function pickOperation(input: CostInput): OperationDefinitionNode | undefined {
  const operations = input.document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return input.operationName ? operations.find((o) => o.name?.value === input.operationName) : operations.length === 1 ? operations[0] : undefined;
}

/** The cost of the operation that would run, or 0 when there is none to pick. */
export function operationCost(input: CostInput): number {
  const operation = pickOperation(input);
  if (!operation) return 0;
  const walk = startWalk(input, operation);
  const root =
    operation.operation === 'query'
      ? input.schema.getQueryType()
      : operation.operation === 'mutation'
        ? input.schema.getMutationType()
        : input.schema.getSubscriptionType();
  return selectionCost(operation.selectionSet, asComposite(root), walk, 1);
}

/**
 * The `_entities` representations the operation would look up, over every `_entities` field of
 * it (aliases and fragments on Query included); 0 when there is no operation to pick.
 */
export function entityRepresentations(input: CostInput): number {
  const operation = pickOperation(input);
  if (!operation || operation.operation !== 'query') return 0;
  const walk = startWalk(input, operation);
  const seen = new Set<string>();
  const count = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total += selection.name.value === ENTITIES ? representations(selection, walk) : 0;
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += count(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value); // a spread twice is still the same fields: counted once
        const fragment = walk.fragments.get(selection.name.value);
        if (fragment) total += count(fragment.selectionSet);
      }
    }
    return total;
  };
  return count(operation.selectionSet);
}

function startWalk(input: CostInput, operation: OperationDefinitionNode): Walk {
  return {
    schema: input.schema,
    fragments: new Map(
      input.document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
    ),
    variables: input.variables ?? {},
    defaults: variableDefaults(operation),
    defaultPageSize: input.defaultPageSize ?? DEFAULT_PAGE_SIZE,
    memo: new Map(),
    visiting: new Set(),
  };
}

function selectionCost(set: SelectionSetNode, parent: Composite, walk: Walk, items: number): number {
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const cost = fieldCost(selection, parent, walk);
      total += ITEM_FIELDS.has(selection.name.value) ? cost * items : cost;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? asComposite(walk.schema.getType(selection.typeCondition.name.value)) : parent;
      total += selectionCost(selection.selectionSet, type, walk, items);
    } else {
      total += fragmentCost(selection.name.value, walk, items);
    }
  }
  return total;
}

function fragmentCost(name: string, walk: Walk, items: number): number {
  const fragment = walk.fragments.get(name);
  // Unknown or cyclic spreads are validation errors reported elsewhere; they add nothing here.
  if (!fragment || walk.visiting.has(name)) return 0;
  const key = `${name}\u0000${items}`;
  const known = walk.memo.get(key);
  if (known !== undefined) return known;
  walk.visiting.add(name);
  const cost = selectionCost(fragment.selectionSet, asComposite(walk.schema.getType(fragment.typeCondition.name.value)), walk, items);
  walk.visiting.delete(name);
  walk.memo.set(key, cost);
  return cost;
}

function fieldCost(field: FieldNode, parent: Composite, walk: Walk): number {
  if (!field.selectionSet) return 1;
  const found = parent?.[field.name.value];
  const def = isRecord(found) ? found : undefined;
  const type = asComposite(def ? namedType(def.type) : undefined);
  if (field.name.value === ENTITIES) {
    // Each representation is a lookup of its own, with the selection answered for it.
    return 1 + representations(field, walk) * (READ_COST + selectionCost(field.selectionSet, type, walk, 1));
  }
  const args: unknown = def?.args;
  const isConnection = Array.isArray(args) && args.some((a: unknown) => isRecord(a) && typeof a.name === 'string' && PAGE_ARGS.includes(a.name));
  if (!isConnection) return 1 + selectionCost(field.selectionSet, type, walk, 1);
  const items = pageSize(field, walk);
  const pages = Math.max(1, Math.ceil(items / UPSTREAM_PAGE));
  return 1 + pages * READ_COST + selectionCost(field.selectionSet, type, walk, items);
}

/** The length of `representations`: a literal list, or the list a variable holds; 1 when unknown. */
function representations(field: FieldNode, walk: Walk): number {
  const arg = field.arguments?.find((a) => a.name.value === 'representations');
  if (!arg) return 0;
  return listLength(arg.value, walk);
}

function listLength(value: ValueNode, walk: Walk): number {
  if (value.kind === Kind.LIST) return value.values.length;
  if (value.kind === Kind.VARIABLE) {
    const given = walk.variables[value.name.value];
    // A single value given for a list variable is coerced to a list of one.
    return Array.isArray(given) ? given.length : given == null ? 0 : 1;
  }
  return 1;
}

/** `first`/`last` as the resolver will see it: a literal, a variable (or its default), else 25. */
function pageSize(field: FieldNode, walk: Walk): number {
  let size: number | undefined;
  for (const arg of field.arguments ?? []) {
    if (!PAGE_ARGS.includes(arg.name.value)) continue;
    let value: number | undefined;
    if (arg.value.kind === Kind.INT) value = Number(arg.value.value);
    else if (arg.value.kind === Kind.VARIABLE) {
      const name = arg.value.name.value;
      // An omitted variable takes its default; an explicit null means the resolver's default.
      const given = walk.variables[name];
      value = !(name in walk.variables) ? walk.defaults.get(name) : typeof given === 'number' ? given : undefined;
    }
    if (value !== undefined && Number.isFinite(value)) size = Math.max(size ?? 0, Math.max(0, value));
  }
  return size ?? walk.defaultPageSize;
}

function variableDefaults(operation: OperationDefinitionNode): Map<string, number> {
  const out = new Map<string, number>();
  for (const v of operation.variableDefinitions ?? []) {
    if (v.defaultValue?.kind === Kind.INT) out.set(v.variable.name.value, Number(v.defaultValue.value));
  }
  return out;
}

/** The type inside its lists and non-nulls. */
function namedType(type: unknown): unknown {
  let t = type;
  while (isRecord(t) && t.ofType) t = t.ofType;
  return t;
}

/** The fields of a type that has them (objects and interfaces), else undefined. */
function asComposite(type: unknown): Composite {
  if (!isRecord(type) || typeof type.getFields !== 'function') return undefined;
  const fields: unknown = type.getFields();
  return isRecord(fields) ? fields : undefined;
}
