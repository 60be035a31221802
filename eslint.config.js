// TypeScript lint (`npm run lint` = `eslint src`): type-aware rules that catch what the compiler
// does not: promises nobody awaits or that land where a callback's result is ignored, `any`, and
// type assertions that narrow (a cast where a check belongs). The cast rule is an error: a value
// of unknown shape is checked (src/model/guards.ts), and the few casts that are right (a type
// produced by a check, a trust boundary) say why on an eslint-disable line.
//
// Schema lint (`npm run lint:schema` = `eslint schema.graphql docs/queries`): holds schema.graphql
// to @graphql-eslint's schema rules (naming, descriptions, Relay connections and edges, no
// unreachable types) and checks the example operations in docs/queries against it.
//
// The schema's names and types are a public contract: where a rule conflicts with the contract
// the rule is configured or disabled below, with the reason next to it, never the schema renamed.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import tseslint from 'typescript-eslint';

const graphQLConfig = {
  schema: 'schema.graphql',
  documents: 'docs/queries/*.graphql',
};

export default [
  {
    // ESLint lints only what the npm script names; nothing else in the repository is ours to lint.
    ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'test-output/**'],
  },
  {
    files: ['schema.graphql'],
    languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig } },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/schema-recommended'].rules,
      ...graphqlPlugin.configs['flat/schema-relay'].rules,
      // Every type, field, argument and enum value is described (the recommended set asks only for
      // types and root fields).
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          DirectiveDefinition: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
        },
      ],
      '@graphql-eslint/require-deprecation-reason': 'error',
      // Formatting only: short descriptions are one-line strings, long ones block strings, and
      // printSchema (the SDL clients and `_service { sdl }` see) normalises both anyway.
      '@graphql-eslint/description-style': 'off',
      // Ids belong to entities (the `Node` types). Pages, edges, typed records, ACL rules and DNS
      // server connections are values without an identity of their own: giving them ids would
      // make up identities clients could cache them under.
      '@graphql-eslint/strict-id-in-types': [
        'error',
        { exceptions: { types: ['PageInfo', 'AclRule', 'DnsServerConnection', 'SingleChange', 'GroupMember'], suffixes: ['Connection', 'Edge', 'Record'] } },
      ],
      // Every connection has, beside Relay's `edges`, the `nodes` shortcut (public contract), and
      // plain lists of values (`aclRules`, `records`, `recordTypes`, `singleBatchChangeIds`) are
      // not paged. Only that part of the rule is off: edge suffix, `cursor` and `node` (which must
      // implement `Node`) are still checked.
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false, withEdgeSuffix: true, shouldImplementNode: true }],
      // The Relay spec lets a connection page forward, backward, or both; the rule's default
      // (`includeBoth`) would ask every connection for both. The merged feed (`Query.changes`,
      // `Zone.timeline`, `Domain.timeline`) pages forward only, so it has no `last`/`before`.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
      // `DnsServerConnection` (a connection to a DNS server, public contract) matches the rules'
      // `/Connection$/` name test but is no Relay connection: schema.graphql turns
      // relay-connection-types and relay-arguments off for that type and the two fields returning
      // it, with eslint-disable comments on those lines only. `Zone.zoneId` and
      // `RecordSet.recordSetId` (the VinylDNS ids, public contract and federation keys) do the
      // same for no-typename-prefix.
    },
  },
  {
    files: ['docs/queries/**/*.graphql'],
    languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig } },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/operations-recommended'].rules,
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/generated/**'],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-type-assertion': 'error',
    },
  },
];
