// Shared by the schema tests: graphql-js in the module instance the schema was built with, and the
// canonical printed form of the public schema.
import { createRequire } from 'node:module';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { ASTNode, DefinitionNode, DocumentNode, GraphQLSchema } from 'graphql';
import { buildSchema } from '../../src/schema/index.js';

/**
 * graphql-js as CommonJS. @apollo/subgraph (CJS) builds the schema with graphql's CJS build,
 * while vitest hands our own ESM code graphql's `.mjs` build: graphql-js refuses objects from the
 * other copy ("Cannot use GraphQLObjectType … from another module or realm"). Everything that
 * touches the built schema (sort, validate, print) therefore goes through this instance.
 */
export const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export const SNAPSHOT_PATH = new URL('./schema.snapshot.graphql', import.meta.url);

export function subgraphSchema(): GraphQLSchema {
  return buildSchema();
}

const byName = (a: { name: { value: string } }, b: { name: { value: string } }) => (a.name.value < b.name.value ? -1 : a.name.value > b.name.value ? 1 : 0);

function sortMembers(doc: DocumentNode): DocumentNode {
  const sortFields = <T extends ASTNode & { fields?: readonly { name: { value: string } }[] }>(node: T): T =>
    node.fields ? { ...node, fields: [...node.fields].sort(byName) } : node;
  return graphql.visit(doc, {
    ObjectTypeDefinition: sortFields,
    ObjectTypeExtension: sortFields,
    InterfaceTypeDefinition: sortFields,
    InterfaceTypeExtension: sortFields,
    InputObjectTypeDefinition: sortFields,
    EnumTypeDefinition: (node) => (node.values ? { ...node, values: [...node.values].sort(byName) } : node),
    FieldDefinition: (node) => (node.arguments ? { ...node, arguments: [...node.arguments].sort(byName) } : node),
  });
}

/**
 * The public schema as the subgraph prints it (`_service { sdl }`: federation directives included,
 * federation plumbing left out), sorted with lexicographicSortSchema. printSubgraphSchema keeps
 * the source order of fields, arguments and enum values (it prints from the SDL's AST), so those
 * are sorted here too: moving a field in schema.graphql is not a public change.
 */
export function printPublicSchema(schema: GraphQLSchema = subgraphSchema()): string {
  const printed = printSubgraphSchema(graphql.lexicographicSortSchema(schema));
  const doc = sortMembers(graphql.parse(printed));
  const definitions = doc.definitions as DefinitionNode[];
  return `${definitions.map((d) => graphql.print(d)).join('\n\n')}\n`;
}
