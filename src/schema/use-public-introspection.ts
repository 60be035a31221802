// Introspection answers from the public schema (public-schema.ts), so GraphiQL's docs and client
// tools that introspect never see `_entities`, `_service`, `_Any` or the `link__*` types. Only
// operations that select nothing but introspection fields are answered that way: the router's
// `_entities` and `_service` queries, and any operation mixing data and introspection, run
// against the full subgraph schema as before. Validation is unchanged (the full schema), so a
// caller who names `_entities` on purpose still gets it.
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { publicSchema } from './public-schema.js';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '__typename']);

export function usePublicIntrospection(): Plugin {
  // Keyed by the executed schema: plugins (e.g. @defer/@stream) may replace it once at start-up.
  const views = new WeakMap<GraphQLSchema, GraphQLSchema>();
  const view = (schema: GraphQLSchema) => {
    let found = views.get(schema);
    if (!found) views.set(schema, (found = publicSchema(schema)));
    return found;
  };
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      if (!introspectionOnly(args.document, args.operationName)) return;
      const schema = view(args.schema);
      setExecuteFn((executeArgs) => executeFn({ ...executeArgs, schema }));
    },
  };
}

/** True when the operation to run selects only `__schema`, `__type` and `__typename` at its root. */
export function introspectionOnly(document: DocumentNode, operationName?: string | null): boolean {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation || operation.operation !== 'query') return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const seen = new Set<string>();
  const onlyIntrospection = (set: SelectionSetNode): boolean =>
    set.selections.every((s) => {
      if (s.kind === Kind.FIELD) return INTROSPECTION_FIELDS.has(s.name.value);
      if (s.kind === Kind.INLINE_FRAGMENT) return onlyIntrospection(s.selectionSet);
      const fragment = fragments.get(s.name.value);
      if (!fragment) return false;
      if (seen.has(fragment.name.value)) return true;
      seen.add(fragment.name.value);
      return onlyIntrospection(fragment.selectionSet);
    });
  return onlyIntrospection(operation.selectionSet);
}
