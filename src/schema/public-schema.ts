// The schema as a client sees it: the subgraph schema without Federation's machinery. A
// federation router reads the subgraph through `_service { sdl }` and calls `_entities`; nothing
// else needs `_Any`, `_Entity`, `_Service`, the `link__*`/`federation__*` types or the
// federation directives, and client tools choke on them (relay-compiler panics on
// `extend schema @link`). The same view backs `npm run schema:client` (schema.client.graphql)
// and what introspection shows (GraphiQL's docs): see use-public-introspection.ts.
import { filterSchema, GraphQLDeferDirective, GraphQLStreamDirective } from '@graphql-tools/utils';
import { GraphQLSchema } from 'graphql';

/** Root fields only the federation router calls. */
const FEDERATION_ROOT_FIELDS = new Set(['_entities', '_service']);
const FEDERATION_TYPES = new Set(['_Any', '_Entity', '_Service', '_FieldSet', 'FieldSet']);
/** Federation v2 directives, under the names `@link(import:)` can give them. */
const FEDERATION_DIRECTIVES = new Set([
  'link',
  'key',
  'shareable',
  'external',
  'requires',
  'provides',
  'tag',
  'extends',
  'inaccessible',
  'override',
  'composeDirective',
  'interfaceObject',
  'authenticated',
  'requiresScopes',
  'policy',
  'context',
  'fromContext',
  'cost',
  'listSize',
]);

const isFederationType = (name: string) => FEDERATION_TYPES.has(name) || name.startsWith('link__') || name.startsWith('federation__');
const isFederationDirective = (name: string) => FEDERATION_DIRECTIVES.has(name) || name.startsWith('federation__');

/** `schema` without the federation machinery; every other type, field and directive as it is. */
export function publicSchema(schema: GraphQLSchema): GraphQLSchema {
  return filterSchema({
    schema,
    rootFieldFilter: (operation, fieldName) => !(operation === 'Query' && FEDERATION_ROOT_FIELDS.has(fieldName)),
    typeFilter: (name) => !isFederationType(name),
    directiveFilter: (name) => !isFederationDirective(name),
  });
}

/**
 * The client schema: the public schema with the `@defer` and `@stream` directives the gateway
 * serves (src/incremental.ts), as introspection shows it. `npm run schema:client` prints it.
 */
export function clientSchema(subgraph: GraphQLSchema): GraphQLSchema {
  const schema = publicSchema(subgraph);
  const names = new Set(schema.getDirectives().map((d) => d.name));
  const missing = [GraphQLDeferDirective, GraphQLStreamDirective].filter((d) => !names.has(d.name));
  if (missing.length === 0) return schema;
  return new GraphQLSchema({ ...schema.toConfig(), directives: [...schema.getDirectives(), ...missing] });
}
