// The executable schema: schema.graphql (a Federation v2 subgraph) plus the typed resolvers.
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { resolvers } from './resolvers/index.js';

export const typeDefsSource = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

export function buildSchema(): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(typeDefsSource), resolvers: resolvers as GraphQLResolverMap<unknown> }]);
}
