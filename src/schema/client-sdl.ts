// The printed client schema (schema.client.graphql): what `npm run schema:client` writes and a
// test holds current.
import { printSchema } from 'graphql';
import { clientSchema } from './public-schema.js';
import { buildSchema } from './index.js';

export const CLIENT_SCHEMA_FILE = 'schema.client.graphql';

const HEADER = `# The client schema of changegraph, for client tools (relay-compiler, GraphQL Code Generator,
# Apollo/urql tooling, IDE plugins). Generated from schema.graphql by \`npm run schema:client\`:
# do not edit. It is the subgraph schema without Federation's machinery (\`@link\`, \`_entities\`,
# \`_service\`, \`_Any\`, \`link__*\`), plus \`@defer\`/\`@stream\`: what introspection shows.
`;

export function clientSchemaSDL(): string {
  return `${HEADER}\n${printSchema(clientSchema(buildSchema()))}\n`;
}
