// What GraphiQL opens with: a query that shows zones, their change history and how to page, and
// the variables that page it.
import type { GraphiQLOptions } from 'graphql-yoga';

export const EXAMPLE_QUERY = `# changegraph: DNS and mail change history in one schema.
# Run it (▶). For the next page of record set changes,
# copy pageInfo.endCursor into "after" in Variables
# and run it again.
query ZoneHistory(
  $zone: String = "example.com"
  $first: Int = 5
  $after: String
) {
  zones(first: 5) {
    nodes { name status shared }
    pageInfo { hasNextPage endCursor }
  }
  zone(name: $zone) {
    name
    email
    changes(first: 3) {
      nodes { occurredAt summary actor }
    }
    recordSetChanges(first: $first, after: $after) {
      edges {
        cursor
        node { occurredAt actor summary status }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}
`;

export const EXAMPLE_VARIABLES = JSON.stringify({ zone: 'example.com', first: 5, after: null }, null, 2);

/** The second tab: live changes (the sandbox lands one every few seconds with `npm start`). */
export const LIVE_EXAMPLE = `# Live changes of a domain, oldest first, as they land.
# Run it (▶): with \`npm start\` the sandbox lands a change in
# example.com every few seconds. To resume after a pause, pass
# the last event's cursor as "after".
subscription LiveChanges($domain: String! = "example.com", $after: String) {
  changes(domain: $domain, after: $after) {
    cursor
    node { provider occurredAt actor summary }
  }
}
`;

/**
 * The GraphiQL options for yoga's `graphiql` setting. GraphiQL 5 (inlined by
 * @graphql-yoga/render-graphiql 5.24) fills its editors from `query` and `variables` (its
 * initialQuery/initialVariables), and fills the variables editor from a default tab only when it
 * is given `variables`: with `defaultTabs` alone the example opens with an empty Variables pane.
 * yoga's `GraphiQLOptions` type does not declare those two, but its renderer passes them on.
 */
export const GRAPHIQL_OPTIONS: GraphiQLOptions & { query: string; variables: string } = {
  title: 'changegraph',
  defaultTabs: [{ query: EXAMPLE_QUERY, variables: EXAMPLE_VARIABLES }, { query: LIVE_EXAMPLE }],
  query: EXAMPLE_QUERY,
  variables: EXAMPLE_VARIABLES,
  // A subscription goes out as a GET event stream, which any web page could also send: the CSRF
  // check wants this header on such requests (README "Operations: safety").
  additionalHeaders: { 'x-graphql-csrf': 'graphiql' },
};
